import { listRecords, type ListQuery } from '../records/records.list.js';
import type { Db } from '../../db/client.js';
import { bulletins } from '../../db/schema/index.js';
import type { ActingUser } from '../../http/actingUser.js';
import { Forbidden, Invalid, NotFound } from '../../http/errors.js';
import type { ListResult } from '../../http/listQuery.js';
import { parseDateInput } from '../../lib/dates.js';
import { sanitizeRichText } from '../../lib/sanitizeHtml.js';
import { and, eq } from 'drizzle-orm';
import { appendActivity } from '../activity/activity.repo.js';
import { findRevision, insertRevision } from '../history/history.repo.js';
import { namesOfUsers } from '../users/users.repo.js';
import { performerFields, type Performer } from '../users/users.service.js';
import {
  mayAssign,
  mayCreateBulletin,
  mayDeleteBulletin,
  maySetAccessGroups,
  mayUpdateBulletin,
  visibleBulletins,
} from './bulletins.policy.js';
import { presentBulletin, userIdsOf, type BulletinJson } from './bulletins.presenter.js';
import {
  countBulletins,
  findByImportKey,
  insertBulletin,
  listBulletinIds,
  loadBulletinAggregates,
  replaceEvents,
  replaceGeoMarkers,
  replaceLinks,
  updateBulletinRow,
  type BulletinAggregate,
} from './bulletins.repo.js';
import type { BulletinInput, BulletinPatch } from './bulletins.schemas.js';
import { bulletinSearchText } from './bulletins.searchText.js';
import { validateReferences } from './bulletins.validation.js';
import { checkNewRecordGroups, statusAfterEdit, updateRefusal } from '../records/records.policy.js';
import { getAccessSettings } from '../access/access.settings.js';
import { notVisible } from '../access/access.denied.js';
import { isActing, SNAPSHOT_VIEWER, snapshotOf, type RecordAction } from '../records/records.snapshot.js';

const dateOrNull = (v: string | null | undefined) => (v ? parseDateInput(v) : null);

function scalarValues(input: BulletinPatch) {
  const out: Partial<typeof bulletins.$inferInsert> = {};
  if (input.title !== undefined) out.title = input.title;
  if (input.titleAr !== undefined) out.titleAr = input.titleAr;
  if (input.analystTitle !== undefined) out.analystTitle = input.analystTitle;
  if (input.analystTitleAr !== undefined) out.analystTitleAr = input.analystTitleAr;
  if (input.description !== undefined) out.description = sanitizeRichText(input.description);
  if (input.sourceLink !== undefined) out.sourceLink = input.sourceLink;
  if (input.publishDate !== undefined) out.publishDate = dateOrNull(input.publishDate);
  if (input.documentationDate !== undefined) out.documentationDate = dateOrNull(input.documentationDate);
  if (input.originId !== undefined) out.originId = input.originId;
  if (input.tags !== undefined) out.tags = [...new Set(input.tags)];
  if (input.status !== undefined) out.status = input.status;
  if (input.assignedTo !== undefined) out.assignedToId = input.assignedTo;
  return out;
}

async function writeLinks(tx: Db, id: number, input: BulletinPatch): Promise<void> {
  for (const key of ['labels', 'verifiedLabels', 'sources', 'locations', 'accessGroups'] as const) {
    const list = input[key];
    if (list !== undefined) await replaceLinks(tx, id, key, list);
  }
  if (input.events !== undefined) await replaceEvents(tx, id, input.events);
  if (input.geoMarkers !== undefined) {
    await replaceGeoMarkers(
      tx,
      id,
      input.geoMarkers.map((g) => ({
        title: g.title ?? '',
        typeId: g.typeId ?? null,
        main: g.main ?? false,
        lat: g.lat,
        lng: g.lng,
        comment: g.comment ?? '',
      })),
    );
  }
}

export async function presentAll(db: Db, viewer: ActingUser, aggs: BulletinAggregate[]): Promise<BulletinJson[]> {
  const names = await namesOfUsers(db, userIdsOf(aggs));
  return aggs.map((a) => presentBulletin(viewer, a, names));
}

/**
 * After any write: refresh the search text, then store the revision snapshot and the
 * activity row — all inside the caller's transaction (D1). Relations and restore call it too.
 */
export async function recordBulletinChange(
  tx: Db,
  by: Performer,
  id: number,
  action: RecordAction,
  comment: string,
  details: Record<string, unknown>,
): Promise<void> {
  const [agg] = await loadBulletinAggregates(tx, [id]);
  if (!agg) throw new NotFound();
  await updateBulletinRow(tx, id, { searchText: bulletinSearchText(agg) });
  const [snapshot] = await presentAll(tx, SNAPSHOT_VIEWER, [agg]);
  const who = performerFields(by);
  const revisionId = await insertRevision(
    tx,
    {
      kind: 'bulletin',
      recordId: id,
      userId: who.userId,
      status: agg.row.status,
      comment,
      snapshot: snapshotOf(snapshot as BulletinJson),
    },
    details,
  );
  await appendActivity(tx, { ...who, action, kind: 'bulletin', recordId: id, details: { ...details, revisionId } });
}

export async function createBulletin(
  db: Db,
  by: Performer,
  input: BulletinInput,
  opts: { importKey?: string; status?: string } = {},
): Promise<{ id: number }> {
  if (isActing(by)) {
    if (!mayCreateBulletin(by)) throw new Forbidden('Only Admins and Data Analysts create bulletins.');
    if (input.accessGroups?.length)
      checkNewRecordGroups(by, input.accessGroups, (await getAccessSettings(db)).usersCanRestrictNew);
    if (input.assignedTo !== undefined && input.assignedTo !== by.id && !mayAssign(by)) {
      throw new Invalid({ assignedTo: 'only an Admin can assign a bulletin to someone else' });
    }
  }
  const status = input.status ?? opts.status ?? (isActing(by) ? 'Human Created' : 'Machine Created');
  await validateReferences(db, { ...input, status });
  return db.transaction(async (tx) => {
    if (opts.importKey) {
      const existing = await findByImportKey(tx, opts.importKey);
      if (existing) return { id: existing };
    }
    const who = performerFields(by);
    const id = await insertBulletin(tx, {
      title: input.title,
      ...scalarValues(input),
      status,
      createdById: who.userId,
      // The creator owns a new bulletin unless an Admin assigns it elsewhere (Bayanat does the same).
      assignedToId: input.assignedTo !== undefined ? input.assignedTo : who.userId,
      comments: input.comment,
      importKey: opts.importKey ?? null,
    });
    await writeLinks(tx, id, input);
    await recordBulletinChange(
      tx,
      by,
      id,
      'CREATE',
      input.comment,
      opts.importKey ? { importKey: opts.importKey } : {},
    );
    return { id };
  });
}

/** Loads one bulletin the actor may see, or 404 — never 403 — so existence does not leak. */
export async function loadVisibleBulletin(db: Db, actor: ActingUser, id: number): Promise<BulletinAggregate> {
  const [row] = await db
    .select({ id: bulletins.id })
    .from(bulletins)
    .where(and(eq(bulletins.id, id), eq(bulletins.deleted, false), visibleBulletins(actor)))
    .limit(1);
  if (!row) throw await notVisible(db, actor, 'bulletin', id, 'Bulletin not found.');
  const [agg] = await loadBulletinAggregates(db, [id]);
  if (!agg) throw new NotFound('Bulletin not found.');
  return agg;
}

export async function getBulletin(db: Db, actor: ActingUser, id: number): Promise<BulletinJson> {
  const agg = await loadVisibleBulletin(db, actor, id);
  const [json] = await presentAll(db, actor, [agg]);
  return json as BulletinJson;
}

export async function updateBulletin(
  db: Db,
  actor: ActingUser,
  id: number,
  patch: BulletinPatch,
  opts: { action?: RecordAction; details?: Record<string, unknown> } = {},
): Promise<BulletinJson> {
  const current = await loadVisibleBulletin(db, actor, id);
  if (!mayUpdateBulletin(actor, current.row)) throw new Forbidden(updateRefusal(actor, current.row, 'bulletin'));
  if (patch.accessGroups !== undefined && !maySetAccessGroups(actor)) {
    throw new Invalid({ accessGroups: 'only an Admin can change access groups' });
  }
  if (patch.assignedTo !== undefined && patch.assignedTo !== current.row.assignedToId && !mayAssign(actor)) {
    throw new Invalid({ assignedTo: 'only an Admin can change the assignee' });
  }
  const status = statusAfterEdit(actor, current.row, patch.status);
  if (status !== undefined) patch = { ...patch, status };
  await validateReferences(db, patch);
  const changed = Object.keys(patch).filter((k) => k !== 'comment');
  await db.transaction(async (tx) => {
    await updateBulletinRow(tx, id, { ...scalarValues(patch), comments: patch.comment, updatedAt: new Date() });
    await writeLinks(tx, id, patch);
    await recordBulletinChange(tx, actor, id, opts.action ?? 'UPDATE', patch.comment, {
      fields: changed,
      ...opts.details,
    });
  });
  return getBulletin(db, actor, id);
}

export async function deleteBulletin(db: Db, actor: ActingUser, id: number, comment: string): Promise<void> {
  await loadVisibleBulletin(db, actor, id);
  if (!mayDeleteBulletin(actor)) throw new Forbidden('Only Admins delete bulletins.');
  await db.transaction(async (tx) => {
    await updateBulletinRow(tx, id, { deleted: true, comments: comment, updatedAt: new Date() });
    await recordBulletinChange(tx, actor, id, 'DELETE', comment, {});
  });
}

export async function listBulletins(db: Db, actor: ActingUser, query: ListQuery): Promise<ListResult<BulletinJson>> {
  return listRecords(db, actor, query, {
    kind: 'bulletin',
    visible: visibleBulletins(actor),
    listIds: listBulletinIds,
    count: countBulletins,
    present: async (ids) => presentAll(db, actor, await loadBulletinAggregates(db, ids)),
  });
}

export { findRevision };
