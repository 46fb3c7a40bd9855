import { listRecords, type ListQuery } from '../records/records.list.js';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { incidents } from '../../db/schema/index.js';
import type { ActingUser } from '../../http/actingUser.js';
import { Forbidden, Invalid, NotFound } from '../../http/errors.js';
import type { ListResult } from '../../http/listQuery.js';
import { sanitizeRichText } from '../../lib/sanitizeHtml.js';
import { appendActivity } from '../activity/activity.repo.js';
import { insertRevision } from '../history/history.repo.js';
import { eventReferenceProblems, replaceEvents } from '../records/records.events.js';
import {
  mayAssign,
  mayCreateRecord,
  mayDeleteRecord,
  maySetAccessGroups,
  mayUpdateRecord,
  updateRefusal,
  checkNewRecordGroups,
  statusAfterEdit,
} from '../records/records.policy.js';
import { getAccessSettings } from '../access/access.settings.js';
import { notVisible } from '../access/access.denied.js';
import { labelProblems, missingIdsProblem, vocabProblem, workflowProblems } from '../records/records.refs.js';
import { isActing, SNAPSHOT_VIEWER, snapshotOf, type RecordAction } from '../records/records.snapshot.js';
import { namesOfUsers } from '../users/users.repo.js';
import { performerFields, type Performer } from '../users/users.service.js';
import { visibleIncidents } from './incidents.policy.js';
import { incidentSearchText, incidentUserIds, presentIncident, type IncidentJson } from './incidents.presenter.js';
import {
  countIncidents,
  insertIncident,
  listIncidentIds,
  loadIncidentAggregates,
  replaceIncidentLinks,
  updateIncidentRow,
  type IncidentAggregate,
} from './incidents.repo.js';
import type { IncidentInput, IncidentPatch } from './incidents.schemas.js';

function scalarValues(p: IncidentPatch): Partial<typeof incidents.$inferInsert> {
  const out: Partial<typeof incidents.$inferInsert> = {};
  if (p.title !== undefined) out.title = p.title;
  if (p.titleAr !== undefined) out.titleAr = p.titleAr;
  if (p.description !== undefined) out.description = sanitizeRichText(p.description);
  if (p.status !== undefined) out.status = p.status;
  if (p.assignedTo !== undefined) out.assignedToId = p.assignedTo;
  return out;
}

/** Checks every referenced id (right kind, still existing) before anything is written. */
async function validateIncident(db: Db, input: IncidentPatch): Promise<void> {
  const fields: Record<string, string> = {};
  await vocabProblem(db, fields, 'potentialViolations', 'potential-violations', input.potentialViolations);
  await vocabProblem(db, fields, 'claimedViolations', 'claimed-violations', input.claimedViolations);
  await labelProblems(db, fields, 'incident', [{ field: 'labels', ids: input.labels, verified: false }]);
  await missingIdsProblem(db, fields, 'locations', 'locations', input.locations);
  await missingIdsProblem(db, fields, 'accessGroups', 'groups', input.accessGroups);
  Object.assign(fields, await eventReferenceProblems(db, input.events));
  await workflowProblems(db, fields, input);
  if (Object.keys(fields).length) throw new Invalid(fields);
}

async function writeLinks(tx: Db, id: number, input: IncidentPatch): Promise<void> {
  for (const key of ['potentialViolations', 'claimedViolations', 'labels', 'locations', 'accessGroups'] as const) {
    const list = input[key];
    if (list !== undefined) await replaceIncidentLinks(tx, id, key, list);
  }
  if (input.events !== undefined) await replaceEvents(tx, 'incident', id, input.events);
}

export async function presentAll(db: Db, viewer: ActingUser, aggs: IncidentAggregate[]): Promise<IncidentJson[]> {
  const names = await namesOfUsers(db, incidentUserIds(aggs));
  return aggs.map((a) => presentIncident(viewer, a, names));
}

/**
 * After any write: refresh the search text, then store the revision snapshot and the
 * activity row — all inside the caller's transaction (D1). Relations and restore call it too.
 */
export async function recordIncidentChange(
  tx: Db,
  by: Performer,
  id: number,
  action: RecordAction,
  comment: string,
  details: Record<string, unknown>,
): Promise<void> {
  const [agg] = await loadIncidentAggregates(tx, [id]);
  if (!agg) throw new NotFound('Incident not found.');
  await updateIncidentRow(tx, id, { searchText: incidentSearchText(agg) });
  const [snapshot] = await presentAll(tx, SNAPSHOT_VIEWER, [agg]);
  const who = performerFields(by);
  const revisionId = await insertRevision(
    tx,
    {
      kind: 'incident',
      recordId: id,
      userId: who.userId,
      status: agg.row.status,
      comment,
      snapshot: snapshotOf(snapshot as IncidentJson),
    },
    details,
  );
  await appendActivity(tx, { ...who, action, kind: 'incident', recordId: id, details: { ...details, revisionId } });
}

export async function createIncident(db: Db, by: Performer, input: IncidentInput): Promise<{ id: number }> {
  if (isActing(by)) {
    if (!mayCreateRecord(by)) throw new Forbidden('Only Admins and Data Analysts create incidents.');
    if (input.accessGroups?.length)
      checkNewRecordGroups(by, input.accessGroups, (await getAccessSettings(db)).usersCanRestrictNew);
    if (input.assignedTo !== undefined && input.assignedTo !== by.id && !mayAssign(by)) {
      throw new Invalid({ assignedTo: 'only an Admin can assign an incident to someone else' });
    }
  }
  const status = input.status ?? (isActing(by) ? 'Human Created' : 'Machine Created');
  await validateIncident(db, { ...input, status });
  return db.transaction(async (tx) => {
    const who = performerFields(by);
    const id = await insertIncident(tx, {
      title: input.title,
      ...scalarValues(input),
      status,
      createdById: who.userId,
      // The creator owns a new incident unless an Admin assigns it elsewhere (as for bulletins).
      assignedToId: input.assignedTo !== undefined ? input.assignedTo : who.userId,
      comments: input.comment,
    });
    await writeLinks(tx, id, input);
    await recordIncidentChange(tx, by, id, 'CREATE', input.comment, {});
    return { id };
  });
}

/** Loads one incident the user may see, or 404 — never 403 — so existence does not leak. */
export async function loadVisibleIncident(db: Db, actor: ActingUser, id: number): Promise<IncidentAggregate> {
  const [row] = await db
    .select({ id: incidents.id })
    .from(incidents)
    .where(and(eq(incidents.id, id), eq(incidents.deleted, false), visibleIncidents(actor)))
    .limit(1);
  if (!row) throw await notVisible(db, actor, 'incident', id, 'Incident not found.');
  const [agg] = await loadIncidentAggregates(db, [id]);
  if (!agg) throw new NotFound('Incident not found.');
  return agg;
}

export async function getIncident(db: Db, actor: ActingUser, id: number): Promise<IncidentJson> {
  const agg = await loadVisibleIncident(db, actor, id);
  const [json] = await presentAll(db, actor, [agg]);
  return json as IncidentJson;
}

export async function updateIncident(
  db: Db,
  actor: ActingUser,
  id: number,
  patch: IncidentPatch,
  opts: { action?: RecordAction; details?: Record<string, unknown> } = {},
): Promise<IncidentJson> {
  const current = await loadVisibleIncident(db, actor, id);
  if (!mayUpdateRecord(actor, current.row)) throw new Forbidden(updateRefusal(actor, current.row, 'incident'));
  if (patch.accessGroups !== undefined && !maySetAccessGroups(actor)) {
    throw new Invalid({ accessGroups: 'only an Admin can change access groups' });
  }
  if (patch.assignedTo !== undefined && patch.assignedTo !== current.row.assignedToId && !mayAssign(actor)) {
    throw new Invalid({ assignedTo: 'only an Admin can change the assignee' });
  }
  const nextStatus = statusAfterEdit(actor, current.row, patch.status);
  if (nextStatus !== undefined) patch = { ...patch, status: nextStatus };
  await validateIncident(db, patch);
  const changed = Object.keys(patch).filter((k) => k !== 'comment');
  await db.transaction(async (tx) => {
    await updateIncidentRow(tx, id, { ...scalarValues(patch), comments: patch.comment, updatedAt: new Date() });
    await writeLinks(tx, id, patch);
    await recordIncidentChange(tx, actor, id, opts.action ?? 'UPDATE', patch.comment, {
      fields: changed,
      ...opts.details,
    });
  });
  return getIncident(db, actor, id);
}

export async function deleteIncident(db: Db, actor: ActingUser, id: number, comment: string): Promise<void> {
  await loadVisibleIncident(db, actor, id);
  if (!mayDeleteRecord(actor)) throw new Forbidden('Only Admins delete incidents.');
  await db.transaction(async (tx) => {
    await updateIncidentRow(tx, id, { deleted: true, comments: comment, updatedAt: new Date() });
    await recordIncidentChange(tx, actor, id, 'DELETE', comment, {});
  });
}

export async function listIncidents(db: Db, actor: ActingUser, query: ListQuery): Promise<ListResult<IncidentJson>> {
  return listRecords(db, actor, query, {
    kind: 'incident',
    visible: visibleIncidents(actor),
    listIds: listIncidentIds,
    count: countIncidents,
    present: async (ids) => presentAll(db, actor, await loadIncidentAggregates(db, ids)),
  });
}
