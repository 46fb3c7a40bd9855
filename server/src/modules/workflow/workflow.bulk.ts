import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { rows } from '../../db/client.js';
import type { ActingUser } from '../../http/actingUser.js';
import { isAdmin } from '../../http/actingUser.js';
import { Forbidden, Invalid } from '../../http/errors.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { JobContext } from '../../jobs/worker.js';
import { appendActivity } from '../activity/activity.repo.js';
import { notifyUser } from '../notifications/notifications.repo.js';
import { RECORD_KIND_MODULES } from '../recordKinds.js';
import { mayAssignWorkflow, STATUS } from '../records/records.policy.js';
import { workflowStatusExists } from '../records/records.refs.js';
import type { RecordKind } from '../records/records.types.js';
import { existingGroupIds } from '../users/users.repo.js';
import { applyTransition, noticeTitle, type Notice, type WorkflowSet } from './workflow.service.js';
import { actingUserById } from './workflow.users.js';

export const BULK_JOB = 'bulk-update';
const id = z.number().int().positive().max(2_147_483_647, 'is not a valid id');

export const bulkBody = z.strictObject({
  ids: z.array(id).min(1).max(5000),
  status: z.string().trim().min(1).max(100).optional(),
  assignedTo: id.optional(),
  assigneeClear: z.boolean().optional(),
  reviewer: id.optional(),
  reviewerClear: z.boolean().optional(),
  tags: z.array(z.string().trim().min(1).max(255)).max(100).optional(),
  tagsReplace: z.boolean().optional(),
  accessGroups: z.array(id).max(100).optional(),
  accessGroupsReplace: z.boolean().optional(),
  /** Incidents only: apply the assignee, reviewer and/or access groups to related actors and bulletins too. */
  propagate: z
    .strictObject({
      assignee: z.boolean().optional(),
      reviewer: z.boolean().optional(),
      groups: z.boolean().optional(),
    })
    .optional(),
  comment: z.string().trim().min(1, 'must not be empty').max(5000),
});
export type BulkBody = z.infer<typeof bulkBody>;

interface BulkPayload extends Record<string, unknown> {
  kind: RecordKind;
  body: BulkBody;
  userId: number;
  ip: string;
}

export interface BulkResult extends Record<string, unknown> {
  changed: { kind: RecordKind; id: number }[];
  skipped: { kind: RecordKind; id: number; reason: string }[];
  /** Parts of the request that were not applied, and why. */
  notApplied: string[];
}

const TABLES: Record<RecordKind, string> = { bulletin: 'bulletins', actor: 'actors', incident: 'incidents' };
const GROUP_TABLES: Record<RecordKind, [string, string]> = {
  bulletin: ['bulletin_groups', 'bulletin_id'],
  actor: ['actor_groups', 'actor_id'],
  incident: ['incident_groups', 'incident_id'],
};
/** The same reason for a missing id and one the caller may not see. */
const NOT_FOUND = 'not found';

/** Validates the request and queues the job (Moderator, Admin); returns the job id. */
export async function startBulkUpdate(db: Db, actor: ActingUser, kind: RecordKind, body: BulkBody): Promise<number> {
  if (!mayAssignWorkflow(actor)) throw new Forbidden('Only Moderators and Admins run bulk updates.');
  const fields: Record<string, string> = {};
  if (body.assignedTo !== undefined && body.assigneeClear)
    fields.assigneeClear = 'give an assignee or clear it, not both';
  if (body.reviewer !== undefined && body.reviewerClear) fields.reviewerClear = 'give a reviewer or clear it, not both';
  if (kind === 'incident' && body.tags !== undefined) fields.tags = 'incidents have no tags';
  if (kind !== 'incident' && body.propagate) fields.propagate = 'only incidents propagate to related records';
  if ((body.accessGroups !== undefined || body.accessGroupsReplace) && !isAdmin(actor)) {
    // A Moderator never touches access groups (above all, never clears them).
    fields.accessGroups = 'only an Admin can change access groups';
  }
  if (body.propagate?.groups && !isAdmin(actor)) fields.propagate = 'only an Admin can propagate access groups';
  if (body.accessGroupsReplace && body.accessGroups === undefined)
    fields.accessGroups = 'give the groups that replace the current ones';
  if (body.tagsReplace && body.tags === undefined) fields.tags = 'give the tags that replace the current ones';
  if (body.status !== undefined && !(await workflowStatusExists(db, body.status)))
    fields.status = `unknown workflow status "${body.status}"`;
  for (const [field, userId] of [
    ['assignedTo', body.assignedTo],
    ['reviewer', body.reviewer],
  ] as const) {
    if (userId === undefined) continue;
    const u = await actingUserById(db, userId);
    if (!u || !(u.roles.includes('Admin') || u.roles.includes('DA')))
      fields[field] = 'must be an active Admin or Data Analyst';
  }
  if (body.accessGroups?.length) {
    const found = await existingGroupIds(db, body.accessGroups);
    if (found.length !== new Set(body.accessGroups).size) fields.accessGroups ??= 'unknown access group';
  }
  const hasChange =
    body.status !== undefined ||
    body.assignedTo !== undefined ||
    body.assigneeClear ||
    body.reviewer !== undefined ||
    body.reviewerClear ||
    body.tags !== undefined ||
    body.accessGroups !== undefined;
  if (!hasChange) fields.ids = 'nothing to change';
  if (Object.keys(fields).length) throw new Invalid(fields);
  const payload: BulkPayload = { kind, body: { ...body, ids: [...new Set(body.ids)] }, userId: actor.id, ip: actor.ip };
  return db.transaction(async (tx) => {
    const jobId = await enqueueJob(tx, BULK_JOB, payload, actor.id);
    await appendActivity(tx, {
      userId: actor.id,
      username: actor.username,
      ip: actor.ip,
      action: 'BULK',
      kind,
      details: { jobId, count: payload.body.ids.length },
    });
    return jobId;
  });
}

interface Ops {
  status?: string | undefined;
  assignedTo?: number | undefined;
  assigneeClear?: boolean | undefined;
  reviewer?: number | undefined;
  reviewerClear?: boolean | undefined;
  tags?: string[] | undefined;
  tagsReplace?: boolean | undefined;
  accessGroups?: number[] | undefined;
  accessGroupsReplace?: boolean | undefined;
}

interface Current {
  id: number;
  status: string;
  assigned_to_id: number | null;
  first_peer_reviewer_id: number | null;
  tags: string[] | null;
  groups: number[];
}

async function loadVisible(db: Db, actor: ActingUser, kind: RecordKind, ids: number[]): Promise<Map<number, Current>> {
  if (!ids.length) return new Map();
  const mod = RECORD_KIND_MODULES[kind];
  const [gt, gc] = GROUP_TABLES[kind];
  const tagCol = kind === 'incident' ? sql`null::text[]` : sql`t.tags`;
  const found = await rows<Current>(
    db,
    sql`select t.id, t.status, t.assigned_to_id, t.first_peer_reviewer_id, ${tagCol} as tags,
          coalesce((select array_agg(g.group_id order by g.group_id) from ${sql.identifier(gt)} g where g.${sql.identifier(gc)} = t.id), '{}') as groups
        from ${sql.identifier(TABLES[kind])} t
        where t.id in (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )}) and not t.deleted
          and ${sql`t.id in (select ${mod.idColumn} from ${mod.table} where ${mod.visible(actor)})`}`,
  );
  return new Map(found.map((r) => [Number(r.id), { ...r, id: Number(r.id), groups: (r.groups ?? []).map(Number) }]));
}

const sameSet = (a: readonly (string | number)[], b: readonly (string | number)[]) =>
  a.length === b.length && [...a].sort().join('\u0001') === [...b].sort().join('\u0001');

/** Applies the operations to one record; returns false when nothing would change. */
async function applyOne(
  db: Db,
  actor: ActingUser,
  kind: RecordKind,
  cur: Current,
  ops: Ops,
  comment: string,
): Promise<boolean> {
  const set: WorkflowSet = {};
  const notices: Notice[] = [];
  if (ops.assigneeClear && cur.assigned_to_id !== null) set.assignedToId = null;
  if (ops.assignedTo !== undefined && ops.assignedTo !== cur.assigned_to_id) {
    set.assignedToId = ops.assignedTo;
    notices.push({ userId: ops.assignedTo, title: noticeTitle(kind, cur.id, 'was assigned to you') });
  }
  if (ops.reviewerClear && cur.first_peer_reviewer_id !== null) set.firstPeerReviewerId = null;
  if (ops.reviewer !== undefined && ops.reviewer !== cur.first_peer_reviewer_id) {
    set.firstPeerReviewerId = ops.reviewer;
    notices.push({ userId: ops.reviewer, title: noticeTitle(kind, cur.id, 'needs your peer review') });
  }
  // As in Bayanat: an assignment moves the status unless a status is given.
  const status =
    ops.status ??
    (set.firstPeerReviewerId ? STATUS.peerReviewAssigned : set.assignedToId ? STATUS.assigned : undefined);
  if (status !== undefined && status !== cur.status) set.status = status;
  let tags: string[] | undefined;
  if (ops.tags !== undefined && kind !== 'incident') {
    const next = ops.tagsReplace ? [...new Set(ops.tags)] : [...new Set([...(cur.tags ?? []), ...ops.tags])];
    if (!sameSet(next, cur.tags ?? [])) tags = next;
  }
  let groups: number[] | undefined;
  if (ops.accessGroups !== undefined && isAdmin(actor)) {
    const next = ops.accessGroupsReplace
      ? [...new Set(ops.accessGroups)]
      : [...new Set([...cur.groups, ...ops.accessGroups])];
    if (!sameSet(next, cur.groups)) groups = next;
  }
  if (!Object.keys(set).length && tags === undefined && groups === undefined) return false;
  await db.transaction(async (tx) => {
    if (tags !== undefined) {
      await tx.execute(
        sql`update ${sql.identifier(TABLES[kind])} set tags = ${sql`array[${sql.join(
          tags.map((t) => sql`${t}`),
          sql`, `,
        )}]::text[]`} where id = ${cur.id}`,
      );
    }
    if (groups !== undefined) {
      const [gt, gc] = GROUP_TABLES[kind];
      await tx.execute(sql`delete from ${sql.identifier(gt)} where ${sql.identifier(gc)} = ${cur.id}`);
      for (const g of groups) {
        await tx.execute(
          sql`insert into ${sql.identifier(gt)} (${sql.identifier(gc)}, group_id) values (${cur.id}, ${g})`,
        );
      }
    }
    await applyTransition(
      tx,
      actor,
      kind,
      cur.id,
      set,
      comment,
      'BULK',
      { fields: [...Object.keys(set), ...(tags ? ['tags'] : []), ...(groups ? ['accessGroups'] : [])] },
      notices,
    );
  });
  return true;
}

/** Related actors and bulletins of an incident, among those the caller may see. */
async function relatedOf(db: Db, incidentId: number): Promise<{ actor: number[]; bulletin: number[] }> {
  const a = await rows<{ id: number }>(
    db,
    sql`select actor_id as id from incident_actor_relations where incident_id = ${incidentId}`,
  );
  const b = await rows<{ id: number }>(
    db,
    sql`select bulletin_id as id from incident_bulletin_relations where incident_id = ${incidentId}`,
  );
  return { actor: a.map((r) => Number(r.id)), bulletin: b.map((r) => Number(r.id)) };
}

/**
 * The new assignee or reviewer must be able to open the record (else they would be handed, and
 * notified about, something hidden from them). Returns which of them cannot, or null.
 */
async function blindPeople(
  db: Db,
  kind: RecordKind,
  id: number,
  people: { assignee: ActingUser | null; reviewer: ActingUser | null },
): Promise<string | null> {
  const mod = RECORD_KIND_MODULES[kind];
  for (const [role, user] of Object.entries(people)) {
    if (!user) continue;
    const [r] = await rows<{ ok: boolean }>(
      db,
      sql`select exists (select 1 from ${mod.table} where ${mod.idColumn} = ${id} and ${mod.visible(user)}) as ok`,
    );
    if (!r?.ok) return role;
  }
  return null;
}

const CHUNK = 100;

/** The job: one revision per changed record; skipped ids with reasons. */
export async function runBulkUpdate(ctx: JobContext): Promise<BulkResult> {
  const payload = ctx.job.payload as BulkPayload;
  const { kind, body } = payload;
  const result: BulkResult = { changed: [], skipped: [], notApplied: [] };
  const actor = await actingUserById(ctx.db, payload.userId, payload.ip);
  if (!actor || !mayAssignWorkflow(actor)) {
    result.notApplied.push('the requesting user may no longer run bulk updates');
    result.skipped = body.ids.map((i) => ({ kind, id: i, reason: 'not permitted' }));
    return result;
  }
  const ops: Ops = body;
  if (body.accessGroups !== undefined && !isAdmin(actor))
    result.notApplied.push('accessGroups: only an Admin can change access groups');
  const people = {
    assignee: body.assignedTo !== undefined ? await actingUserById(ctx.db, body.assignedTo) : null,
    reviewer: body.reviewer !== undefined ? await actingUserById(ctx.db, body.reviewer) : null,
  };
  const total = body.ids.length;
  const propagate: { actor: Set<number>; bulletin: Set<number> } = { actor: new Set(), bulletin: new Set() };
  for (let i = 0; i < total; i += CHUNK) {
    const chunk = body.ids.slice(i, i + CHUNK);
    const visible = await loadVisible(ctx.db, actor, kind, chunk);
    for (const recId of chunk) {
      const cur = visible.get(recId);
      if (!cur) {
        result.skipped.push({ kind, id: recId, reason: NOT_FOUND });
        continue;
      }
      const blind = await blindPeople(ctx.db, kind, recId, people);
      if (blind) {
        result.skipped.push({ kind, id: recId, reason: `the ${blind} cannot access this record` });
        continue;
      }
      if (await applyOne(ctx.db, actor, kind, cur, ops, body.comment)) result.changed.push({ kind, id: recId });
      else result.skipped.push({ kind, id: recId, reason: 'no change' });
      if (kind === 'incident' && body.propagate) {
        const rel = await relatedOf(ctx.db, recId);
        rel.actor.forEach((x) => propagate.actor.add(x));
        rel.bulletin.forEach((x) => propagate.bulletin.add(x));
      }
    }
    await ctx.progress(Math.min(i + CHUNK, total), total);
  }
  if (kind === 'incident' && body.propagate) {
    const p = body.propagate;
    const relOps: Ops = {
      ...(p.assignee ? { assignedTo: body.assignedTo, assigneeClear: body.assigneeClear } : {}),
      ...(p.reviewer ? { reviewer: body.reviewer, reviewerClear: body.reviewerClear } : {}),
      ...(p.groups && isAdmin(actor)
        ? { accessGroups: body.accessGroups, accessGroupsReplace: body.accessGroupsReplace }
        : {}),
    };
    for (const relKind of ['actor', 'bulletin'] as const) {
      const ids = [...propagate[relKind]];
      // Related records the caller cannot see are left alone and not reported (their ids would leak).
      const visible = await loadVisible(ctx.db, actor, relKind, ids);
      for (const cur of visible.values()) {
        if (
          await blindPeople(ctx.db, relKind, cur.id, {
            assignee: relOps.assignedTo !== undefined ? people.assignee : null,
            reviewer: relOps.reviewer !== undefined ? people.reviewer : null,
          })
        )
          continue;
        if (await applyOne(ctx.db, actor, relKind, cur, relOps, body.comment))
          result.changed.push({ kind: relKind, id: cur.id });
      }
    }
  }
  await notifyUser(ctx.db, actor.id, {
    category: 'workflow',
    title: `Bulk update finished: ${result.changed.length} changed, ${result.skipped.length} skipped`,
    link: null,
  });
  return result;
}

export function registerBulkJob(worker: {
  register(kind: string, h: (ctx: JobContext) => Promise<Record<string, unknown>>): void;
}): void {
  worker.register(BULK_JOB, runBulkUpdate);
}
