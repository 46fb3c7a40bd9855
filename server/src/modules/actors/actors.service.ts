import { listRecords, type ListQuery } from '../records/records.list.js';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { actors } from '../../db/schema/index.js';
import type { ActingUser } from '../../http/actingUser.js';
import { Forbidden, Invalid, NotFound } from '../../http/errors.js';
import type { ListResult } from '../../http/listQuery.js';
import { appendActivity } from '../activity/activity.repo.js';
import { insertRevision } from '../history/history.repo.js';
import { replaceEvents } from '../records/records.events.js';
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
import { isActing, SNAPSHOT_VIEWER, snapshotOf, type RecordAction } from '../records/records.snapshot.js';
import { namesOfUsers } from '../users/users.repo.js';
import { performerFields, type Performer } from '../users/users.service.js';
import { actorNames } from './actors.names.js';
import { visibleActors } from './actors.policy.js';
import { actorUserIds, presentActor, type ActorJson } from './actors.presenter.js';
import { profileIdsOf, replaceProfiles } from './actors.profiles.repo.js';
import {
  countActors,
  insertActor,
  listActorIds,
  loadActorAggregates,
  replaceActorLinks,
  replaceIdNumbers,
  updateActorRow,
  type ActorAggregate,
} from './actors.repo.js';
import type { ActorInput, ActorPatch } from './actors.schemas.js';
import { actorSearchText } from './actors.searchText.js';
import { mergedNameParts, validateActor } from './actors.validation.js';

/** Plain columns of the actor row that `patch` sets (names are derived separately). */
function scalarValues(p: ActorPatch): Partial<typeof actors.$inferInsert> {
  const out: Partial<typeof actors.$inferInsert> = {};
  const copy = [
    'firstName',
    'firstNameAr',
    'middleName',
    'middleNameAr',
    'lastName',
    'lastNameAr',
    'fatherName',
    'fatherNameAr',
    'motherName',
    'motherNameAr',
    'nickname',
    'nicknameAr',
    'sex',
    'age',
    'civilian',
    'occupation',
    'occupationAr',
    'position',
    'positionAr',
    'familyStatus',
    'numberOfChildren',
    'status',
  ] as const;
  for (const key of copy) {
    const v = p[key];
    if (v !== undefined) (out as Record<string, unknown>)[key] = v;
  }
  if (p.type !== undefined) out.type = p.type;
  if (p.originPlace !== undefined) out.originPlaceId = p.originPlace;
  if (p.tags !== undefined) out.tags = [...new Set(p.tags)];
  if (p.assignedTo !== undefined) out.assignedToId = p.assignedTo;
  return out;
}

async function writeLinks(tx: Db, id: number, input: ActorPatch): Promise<void> {
  for (const key of ['ethnographies', 'nationalities', 'dialects', 'accessGroups'] as const) {
    const list = input[key];
    if (list !== undefined) await replaceActorLinks(tx, id, key, list);
  }
  if (input.idNumbers !== undefined) await replaceIdNumbers(tx, id, input.idNumbers);
  if (input.profiles !== undefined) await replaceProfiles(tx, id, input.profiles);
  if (input.events !== undefined) await replaceEvents(tx, 'actor', id, input.events);
}

export async function presentAll(db: Db, viewer: ActingUser, aggs: ActorAggregate[]): Promise<ActorJson[]> {
  const names = await namesOfUsers(db, actorUserIds(aggs));
  return aggs.map((a) => presentActor(viewer, a, names));
}

/**
 * After any write: refresh the search text, then store the revision snapshot and the
 * activity row — all inside the caller's transaction (D1). Relations and restore call it too.
 */
export async function recordActorChange(
  tx: Db,
  by: Performer,
  id: number,
  action: RecordAction,
  comment: string,
  details: Record<string, unknown>,
): Promise<void> {
  const [agg] = await loadActorAggregates(tx, [id]);
  if (!agg) throw new NotFound('Actor not found.');
  await updateActorRow(tx, id, { searchText: actorSearchText(agg) });
  const [snapshot] = await presentAll(tx, SNAPSHOT_VIEWER, [agg]);
  const who = performerFields(by);
  const revisionId = await insertRevision(
    tx,
    {
      kind: 'actor',
      recordId: id,
      userId: who.userId,
      status: agg.row.status,
      comment,
      snapshot: snapshotOf(snapshot as ActorJson),
    },
    details,
  );
  await appendActivity(tx, { ...who, action, kind: 'actor', recordId: id, details: { ...details, revisionId } });
}

export async function createActor(db: Db, by: Performer, input: ActorInput): Promise<{ id: number }> {
  if (isActing(by)) {
    if (!mayCreateRecord(by)) throw new Forbidden('Only Admins and Data Analysts create actors.');
    if (input.accessGroups?.length)
      checkNewRecordGroups(by, input.accessGroups, (await getAccessSettings(db)).usersCanRestrictNew);
    if (input.assignedTo !== undefined && input.assignedTo !== by.id && !mayAssign(by)) {
      throw new Invalid({ assignedTo: 'only an Admin can assign an actor to someone else' });
    }
  }
  const status = input.status ?? (isActing(by) ? 'Human Created' : 'Machine Created');
  const parts = mergedNameParts(null, input);
  await validateActor(db, { ...input, status }, parts, new Set());
  return db.transaction(async (tx) => {
    const who = performerFields(by);
    const id = await insertActor(tx, {
      ...scalarValues(input),
      ...actorNames(parts),
      type: input.type,
      status,
      createdById: who.userId,
      // The creator owns a new actor unless an Admin assigns it elsewhere (as for bulletins).
      assignedToId: input.assignedTo !== undefined ? input.assignedTo : who.userId,
      comments: input.comment,
    });
    await writeLinks(tx, id, input);
    await recordActorChange(tx, by, id, 'CREATE', input.comment, {});
    return { id };
  });
}

/** Loads one actor the user may see, or 404 — never 403 — so existence does not leak. */
export async function loadVisibleActor(db: Db, actor: ActingUser, id: number): Promise<ActorAggregate> {
  const [row] = await db
    .select({ id: actors.id })
    .from(actors)
    .where(and(eq(actors.id, id), eq(actors.deleted, false), visibleActors(actor)))
    .limit(1);
  if (!row) throw await notVisible(db, actor, 'actor', id, 'Actor not found.');
  const [agg] = await loadActorAggregates(db, [id]);
  if (!agg) throw new NotFound('Actor not found.');
  return agg;
}

export async function getActor(db: Db, actor: ActingUser, id: number): Promise<ActorJson> {
  const agg = await loadVisibleActor(db, actor, id);
  const [json] = await presentAll(db, actor, [agg]);
  return json as ActorJson;
}

export async function updateActor(
  db: Db,
  actor: ActingUser,
  id: number,
  patch: ActorPatch,
  opts: { action?: RecordAction; details?: Record<string, unknown> } = {},
): Promise<ActorJson> {
  const current = await loadVisibleActor(db, actor, id);
  if (!mayUpdateRecord(actor, current.row)) throw new Forbidden(updateRefusal(actor, current.row, 'actor'));
  if (patch.accessGroups !== undefined && !maySetAccessGroups(actor)) {
    throw new Invalid({ accessGroups: 'only an Admin can change access groups' });
  }
  if (patch.assignedTo !== undefined && patch.assignedTo !== current.row.assignedToId && !mayAssign(actor)) {
    throw new Invalid({ assignedTo: 'only an Admin can change the assignee' });
  }
  const nextStatus = statusAfterEdit(actor, current.row, patch.status);
  if (nextStatus !== undefined) patch = { ...patch, status: nextStatus };
  const parts = mergedNameParts(current.row, patch);
  await validateActor(db, patch, parts, await profileIdsOf(db, id));
  const changed = Object.keys(patch).filter((k) => k !== 'comment');
  await db.transaction(async (tx) => {
    await updateActorRow(tx, id, {
      ...scalarValues(patch),
      ...actorNames(parts),
      comments: patch.comment,
      updatedAt: new Date(),
    });
    await writeLinks(tx, id, patch);
    await recordActorChange(tx, actor, id, opts.action ?? 'UPDATE', patch.comment, {
      fields: changed,
      ...opts.details,
    });
  });
  return getActor(db, actor, id);
}

export async function deleteActor(db: Db, actor: ActingUser, id: number, comment: string): Promise<void> {
  await loadVisibleActor(db, actor, id);
  if (!mayDeleteRecord(actor)) throw new Forbidden('Only Admins delete actors.');
  await db.transaction(async (tx) => {
    await updateActorRow(tx, id, { deleted: true, comments: comment, updatedAt: new Date() });
    await recordActorChange(tx, actor, id, 'DELETE', comment, {});
  });
}

export async function listActors(db: Db, actor: ActingUser, query: ListQuery): Promise<ListResult<ActorJson>> {
  return listRecords(db, actor, query, {
    kind: 'actor',
    visible: visibleActors(actor),
    listIds: listActorIds,
    count: countActors,
    present: async (ids) => presentAll(db, actor, await loadActorAggregates(db, ids)),
  });
}
