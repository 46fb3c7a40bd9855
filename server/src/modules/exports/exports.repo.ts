import { and, count, desc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rows } from '../../db/client.js';
import { exportRequests } from '../../db/schema/index.js';
import { RECORD_KIND_MODULES } from '../recordKinds.js';
import type { RecordKind } from '../records/records.types.js';
import type { ActingUser } from '../../http/actingUser.js';

export type ExportRow = typeof exportRequests.$inferSelect;
export type ExportStatus = 'pending' | 'processing' | 'ready' | 'failed' | 'rejected' | 'expired';

export async function insertExport(tx: Db, values: typeof exportRequests.$inferInsert): Promise<ExportRow> {
  const [row] = await tx.insert(exportRequests).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function findExport(db: Db, id: number): Promise<ExportRow | undefined> {
  const [row] = await db.select().from(exportRequests).where(eq(exportRequests.id, id));
  return row;
}

/**
 * Moves an export from one of `from` to a new state. The status condition makes every
 * transition happen once even when two processes (or the job and the expiry task) race:
 * the loser gets undefined and does nothing.
 */
export async function transitionExport(
  db: Db,
  id: number,
  from: readonly ExportStatus[],
  set: Partial<typeof exportRequests.$inferInsert>,
): Promise<ExportRow | undefined> {
  const [row] = await db
    .update(exportRequests)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(exportRequests.id, id), inArray(exportRequests.status, [...from])))
    .returning();
  return row;
}

/** Newest first, keyset on id; `requesterId` null = every export (Admin). */
export async function listExportRows(
  db: Db,
  opts: { requesterId: number | null; limit: number; beforeId: number | null },
): Promise<{ page: ExportRow[]; more: boolean; total: number }> {
  const own = opts.requesterId === null ? undefined : eq(exportRequests.requesterId, opts.requesterId);
  const found = await db
    .select()
    .from(exportRequests)
    .where(and(own, opts.beforeId === null ? undefined : lt(exportRequests.id, opts.beforeId)))
    .orderBy(desc(exportRequests.id))
    .limit(opts.limit + 1);
  const [total] = await db.select({ n: count() }).from(exportRequests).where(own);
  return { page: found.slice(0, opts.limit), more: found.length > opts.limit, total: total?.n ?? 0 };
}

/**
 * Of `ids`, those the user may see now (and that are not deleted), through the kind's one
 * visibility predicate (D7). Used at request time and again, batch by batch, at build time.
 */
export async function visibleRecordIds(db: Db, user: ActingUser, kind: RecordKind, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const mod = RECORD_KIND_MODULES[kind];
  const found = await rows<{ id: number }>(
    db,
    sql`select ${mod.idColumn} as id from ${mod.table}
        where ${mod.idColumn} in (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )}) and not ${mod.deletedColumn} and ${mod.visible(user)}`,
  );
  return found.map((r) => Number(r.id));
}

/** Exports whose download window has closed but that still hold (or may still get) a file. */
export async function dueForExpiry(db: Db, now: Date): Promise<ExportRow[]> {
  return db
    .select()
    .from(exportRequests)
    .where(and(inArray(exportRequests.status, ['processing', 'ready', 'failed']), lte(exportRequests.expiresAt, now)));
}

/** Requests nobody decided on within `before`: they expire unbuilt. */
export async function stalePending(db: Db, before: Date): Promise<ExportRow[]> {
  return db
    .select()
    .from(exportRequests)
    .where(and(eq(exportRequests.status, 'pending'), lte(exportRequests.createdAt, before)));
}

/** Expired or rejected rows last changed before `before` are deleted; the activity log is the lasting trail. */
export async function deleteClosedBefore(db: Db, before: Date): Promise<number[]> {
  const gone = await db
    .delete(exportRequests)
    .where(
      and(
        or(eq(exportRequests.status, 'expired'), eq(exportRequests.status, 'rejected')),
        lte(exportRequests.updatedAt, before),
      ),
    )
    .returning({ id: exportRequests.id });
  return gone.map((r) => r.id);
}

/** Every file name an export row still names (any status: a file is only deleted with its row's consent). */
export async function liveFileKeys(db: Db): Promise<Set<string>> {
  const found = await db
    .select({ key: exportRequests.fileKey })
    .from(exportRequests)
    .where(sql`${exportRequests.fileKey} is not null`);
  return new Set(found.map((r) => r.key as string));
}
