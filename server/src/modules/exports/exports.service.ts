import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { ActingUser } from '../../http/actingUser.js';
import { isAdmin } from '../../http/actingUser.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../http/errors.js';
import type { ListResult } from '../../http/listQuery.js';
import { decodeCursor, encodeCursor, isIdCursor } from '../../lib/cursor.js';
import { enqueueJob } from '../../jobs/queue.js';
import { logExport } from './exports.activity.js';
import { notifyAdmins, notifyUser } from '../notifications/notifications.repo.js';
import { namesOfUsers } from '../users/users.repo.js';
import { EXPORT_JOB } from './exports.build.js';
import { idsOfSearch } from './exports.search.js';
import { mayExport, maySeeExport } from './exports.policy.js';
import { exportUserIds, presentExport, type ExportJson } from './exports.presenter.js';
import {
  findExport,
  insertExport,
  listExportRows,
  transitionExport,
  visibleRecordIds,
  type ExportRow,
} from './exports.repo.js';
import { MAX_EXPIRY_DAYS, type ExportRequestBody } from './exports.schemas.js';

const BATCH = 1000;
const link = (id: number) => `/exports/${id}`;

async function present(db: Db, viewer: ActingUser, row: ExportRow, withIds = false): Promise<ExportJson> {
  return presentExport(viewer, row, await namesOfUsers(db, exportUserIds([row])), withIds);
}

/** The export if the viewer may see it; 404 for a missing one and for someone else's alike. */
export async function loadVisibleExport(db: Db, viewer: ActingUser, id: number): Promise<ExportRow> {
  const row = await findExport(db, id);
  if (!row || !maySeeExport(viewer, row)) throw new NotFound('No such export.');
  return row;
}

/**
 * A user with canExport (or an Admin) asks for an export. Ids the requester cannot see are
 * answered exactly like ids that do not exist: the request is refused naming them "not found"
 * (D7, and no leak: a restricted id and a missing one read the same).
 */
export async function requestExport(db: Db, actor: ActingUser, body: ExportRequestBody): Promise<ExportJson> {
  if (!mayExport(actor)) throw new Forbidden('You are not allowed to export records.');
  // Search results are visible by construction; listed ids are checked one by one below.
  const ids = body.search ? await idsOfSearch(db, actor, body.kind, body.search) : [...new Set(body.ids ?? [])];
  const visible = new Set<number>();
  for (let i = 0; i < ids.length; i += BATCH) {
    for (const v of await visibleRecordIds(db, actor, body.kind, ids.slice(i, i + BATCH))) visible.add(v);
  }
  const missing = ids.filter((i) => !visible.has(i));
  if (missing.length) {
    const shown = missing.slice(0, 20).join(', ') + (missing.length > 20 ? ` and ${missing.length - 20} more` : '');
    throw new Invalid({ ids: `not found: ${shown}` });
  }
  const row = await db.transaction(async (tx) => {
    const created = await insertExport(tx, {
      kind: body.kind,
      format: body.format,
      recordIds: ids,
      comment: body.comment,
      requesterId: actor.id,
    });
    await logExport(tx, actor, 'EXPORT_REQUEST', created.id, {
      kind: body.kind,
      format: body.format,
      count: ids.length,
    });
    await notifyAdmins(tx, {
      category: 'export',
      title: `Export #${created.id} awaits approval (${ids.length} ${body.kind} records, ${body.format.toUpperCase()})`,
      message: body.comment,
      link: link(created.id),
    });
    return created;
  });
  return present(db, actor, row, true);
}

export async function listExports(
  db: Db,
  viewer: ActingUser,
  query: { limit: number; cursor?: string | undefined; count: 'exact' | 'estimate' | 'none' },
): Promise<ListResult<ExportJson>> {
  const after = decodeCursor(query.cursor, isIdCursor);
  if (query.cursor && !after) throw new Invalid({ cursor: 'not a cursor this server issued' });
  const { page, more, total } = await listExportRows(db, {
    requesterId: isAdmin(viewer) ? null : viewer.id,
    limit: query.limit,
    beforeId: after?.id ?? null,
  });
  const names = await namesOfUsers(db, exportUserIds(page));
  const last = page[page.length - 1];
  return {
    items: page.map((r) => presentExport(viewer, r, names)),
    nextCursor: more && last ? encodeCursor({ id: last.id }) : null,
    total: query.count === 'none' ? null : total,
  };
}

export async function getExport(db: Db, viewer: ActingUser, id: number): Promise<ExportJson> {
  return present(db, viewer, await loadVisibleExport(db, viewer, id), true);
}

/** Admin (in sudo mode, A8): the export is built in the background and downloadable until expiresAt. */
export async function approveExport(
  db: Db,
  config: Config,
  admin: ActingUser,
  id: number,
  comment: string | undefined,
): Promise<ExportJson> {
  await loadVisibleExport(db, admin, id);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + config.files.exportExpiryHours * 3_600_000);
  const row = await db.transaction(async (tx) => {
    const moved = await transitionExport(tx, id, ['pending'], {
      status: 'processing',
      approverId: admin.id,
      decidedAt: now,
      expiresAt,
    });
    if (!moved) throw new Conflict('Only a pending export can be approved.');
    const jobId = await enqueueJob(tx, EXPORT_JOB, { exportId: id }, moved.requesterId);
    const withJob = await transitionExport(tx, id, ['processing'], { jobId });
    await logExport(tx, admin, 'EXPORT_APPROVE', id, {
      expiresAt: expiresAt.toISOString(),
      jobId,
      ...(comment ? { comment } : {}),
    });
    await notifyUser(tx, moved.requesterId, {
      category: 'export',
      title: `Your export #${id} was approved and is being prepared`,
      message: comment ?? '',
      link: link(id),
    });
    return withJob ?? moved;
  });
  return present(db, admin, row, true);
}

export async function rejectExport(db: Db, admin: ActingUser, id: number, comment: string): Promise<ExportJson> {
  await loadVisibleExport(db, admin, id);
  const row = await db.transaction(async (tx) => {
    const moved = await transitionExport(tx, id, ['pending'], {
      status: 'rejected',
      approverId: admin.id,
      decidedAt: new Date(),
    });
    if (!moved) throw new Conflict('Only a pending export can be rejected.');
    await logExport(tx, admin, 'EXPORT_REJECT', id, { comment });
    await notifyUser(tx, moved.requesterId, {
      category: 'export',
      title: `Your export #${id} was rejected`,
      message: comment,
      link: link(id),
    });
    return moved;
  });
  return present(db, admin, row, true);
}

/** Admin moves the expiry of an approved export: in the future, at most MAX_EXPIRY_DAYS ahead, never once expired. */
export async function changeExpiry(db: Db, admin: ActingUser, id: number, expiresAtText: string): Promise<ExportJson> {
  const current = await loadVisibleExport(db, admin, id);
  const now = new Date();
  const expiresAt = new Date(expiresAtText);
  if (expiresAt <= now) throw new Invalid({ expiresAt: 'must be in the future' });
  if (expiresAt.getTime() > now.getTime() + MAX_EXPIRY_DAYS * 86_400_000)
    throw new Invalid({ expiresAt: `must be at most ${MAX_EXPIRY_DAYS} days from now` });
  if (current.expiresAt && current.expiresAt <= now) throw new Conflict('This export has already expired.');
  const row = await db.transaction(async (tx) => {
    const moved = await transitionExport(tx, id, ['processing', 'ready', 'failed'], { expiresAt });
    if (!moved) throw new Conflict('Only an approved export that has not expired can get a new expiry.');
    await logExport(tx, admin, 'EXPORT_EXPIRY', id, {
      from: current.expiresAt?.toISOString() ?? null,
      to: expiresAt.toISOString(),
    });
    return moved;
  });
  return present(db, admin, row, true);
}
