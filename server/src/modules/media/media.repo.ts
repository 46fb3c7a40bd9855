import { and, asc, eq, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { actors, bulletins, media, users, vocabTerms } from '../../db/schema/index.js';
import type { ActingUser } from '../../http/actingUser.js';
import { visibleActors } from '../actors/actors.policy.js';
import { visibleBulletins } from '../bulletins/bulletins.policy.js';

export type MediaRow = typeof media.$inferSelect;
export type MediaValues = Omit<typeof media.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type MediaParentKind = 'bulletin' | 'actor';

export const parentOf = (row: MediaRow): { kind: MediaParentKind; id: number } =>
  row.bulletinId !== null ? { kind: 'bulletin', id: row.bulletinId } : { kind: 'actor', id: row.actorId as number };

const ownerColumn = (kind: MediaParentKind) => (kind === 'bulletin' ? media.bulletinId : media.actorId);

/** A media that has not been removed (removed ones answer 404 like missing ones). */
export async function findLiveMedia(db: Db, id: number): Promise<MediaRow | undefined> {
  const [row] = await db
    .select()
    .from(media)
    .where(and(eq(media.id, id), eq(media.deleted, false)))
    .limit(1);
  return row;
}

export async function listLiveMedia(db: Db, kind: MediaParentKind, recordId: number): Promise<MediaRow[]> {
  return db
    .select()
    .from(media)
    .where(and(eq(ownerColumn(kind), recordId), eq(media.deleted, false)))
    .orderBy(asc(media.id));
}

export async function findAttachedDuplicate(
  db: Db,
  kind: MediaParentKind,
  recordId: number,
  sha256: string,
): Promise<MediaRow | undefined> {
  const [row] = await db
    .select()
    .from(media)
    .where(and(eq(ownerColumn(kind), recordId), eq(media.sha256, sha256), eq(media.deleted, false)))
    .limit(1);
  return row;
}

export interface Holder {
  kind: MediaParentKind;
  id: number;
  mediaId: number;
}

/**
 * Other records holding the same bytes, limited to records this user may see (the visibility
 * predicate of each kind), so a restricted record never shows through a shared hash.
 */
export async function visibleHolders(
  db: Db,
  actor: ActingUser,
  sha256: string,
  except: { kind: MediaParentKind; id: number },
): Promise<Holder[]> {
  const live = and(eq(media.sha256, sha256), eq(media.deleted, false));
  const b = await db
    .select({ id: bulletins.id, mediaId: media.id })
    .from(media)
    .innerJoin(bulletins, eq(media.bulletinId, bulletins.id))
    .where(and(live, eq(bulletins.deleted, false), visibleBulletins(actor)))
    .orderBy(asc(media.id));
  const a = await db
    .select({ id: actors.id, mediaId: media.id })
    .from(media)
    .innerJoin(actors, eq(media.actorId, actors.id))
    .where(and(live, eq(actors.deleted, false), visibleActors(actor)))
    .orderBy(asc(media.id));
  return [
    ...b.map((r) => ({ kind: 'bulletin' as const, ...r })),
    ...a.map((r) => ({ kind: 'actor' as const, ...r })),
  ].filter((h) => !(h.kind === except.kind && h.id === except.id));
}

export async function insertMedia(tx: Db, values: MediaValues): Promise<MediaRow> {
  const [row] = await tx.insert(media).values(values).returning();
  if (!row) throw new Error('media insert returned nothing');
  return row;
}

export async function updateMediaRow(
  tx: Db,
  id: number,
  values: Partial<Pick<MediaValues, 'title' | 'titleAr' | 'categoryId' | 'deleted' | 'deletedAt'>>,
): Promise<void> {
  await tx
    .update(media)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(media.id, id));
}

/** Display data referenced by media rows: uploader names and category titles. */
export async function mediaLookups(db: Db, list: MediaRow[]) {
  const userIds = [...new Set(list.map((m) => m.uploadedById).filter((v): v is number => v !== null))];
  const catIds = [...new Set(list.map((m) => m.categoryId).filter((v): v is number => v !== null))];
  const names = userIds.length
    ? await db
        .select({ id: users.id, username: users.username, name: users.name })
        .from(users)
        .where(inArray(users.id, userIds))
    : [];
  const cats = catIds.length
    ? await db
        .select({ id: vocabTerms.id, title: vocabTerms.title, titleAr: vocabTerms.titleAr })
        .from(vocabTerms)
        .where(inArray(vocabTerms.id, catIds))
    : [];
  return {
    users: new Map(names.map((u) => [u.id, { username: u.username, name: u.name }])),
    categories: new Map(cats.map((c) => [c.id, c])),
  };
}

export async function isMediaCategory(db: Db, id: number): Promise<boolean> {
  const [row] = await db
    .select({ id: vocabTerms.id })
    .from(vocabTerms)
    .where(and(eq(vocabTerms.id, id), eq(vocabTerms.kind, 'media-categories')))
    .limit(1);
  return row !== undefined;
}

/** Removed media whose file is due for deletion (removed before `before`, file not yet purged). */
export async function purgeCandidates(db: Db, before: Date, limit: number): Promise<MediaRow[]> {
  return db
    .select()
    .from(media)
    .where(
      and(eq(media.deleted, true), isNull(media.purgedAt), isNotNull(media.deletedAt), lt(media.deletedAt, before)),
    )
    .orderBy(asc(media.id))
    .limit(limit);
}

/** Claims a purge: only the first process to set purgedAt gets true. */
export async function markPurged(db: Db, id: number, at: Date): Promise<boolean> {
  const done = await db
    .update(media)
    .set({ purgedAt: at })
    .where(and(eq(media.id, id), isNull(media.purgedAt), eq(media.deleted, true)))
    .returning({ id: media.id });
  return done.length > 0;
}

/**
 * Which of these storage keys a media row still needs (live or removed-but-not-purged); a file
 * whose key is not among them is an orphan (a crashed upload, or a purge that lost its race).
 */
export async function neededStorageKeys(db: Db, keys: string[]): Promise<Set<string>> {
  const needed = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const batch = keys.slice(i, i + 500);
    const found = await db
      .select({ key: media.storageKey })
      .from(media)
      .where(and(inArray(media.storageKey, batch), isNull(media.purgedAt)));
    for (const f of found) needed.add(f.key);
  }
  return needed;
}
