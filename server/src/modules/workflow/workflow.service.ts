import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { ActingUser } from '../../http/actingUser.js';
import { isAdmin, isDA } from '../../http/actingUser.js';
import { Forbidden, Invalid } from '../../http/errors.js';
import { sanitizeRichText } from '../../lib/sanitizeHtml.js';
import { notifyUser } from '../notifications/notifications.repo.js';
import { RECORD_KIND_MODULES } from '../recordKinds.js';
import {
  mayAssignWorkflow,
  mayFinalize,
  mayReview,
  maySelfAssign,
  STATUS,
  type WorkflowState,
} from '../records/records.policy.js';
import type { RecordAction } from '../records/records.snapshot.js';
import type { RecordKind } from '../records/records.types.js';
import { actingUserById } from './workflow.users.js';

const TABLES: Record<RecordKind, string> = { bulletin: 'bulletins', actor: 'actors', incident: 'incidents' };

/** Columns a workflow transition may set (same names on the three record tables). */
export interface WorkflowSet {
  assignedToId?: number | null;
  firstPeerReviewerId?: number | null;
  status?: string;
  review?: string;
  reviewAction?: string;
}

const COLUMN: Record<keyof WorkflowSet, string> = {
  assignedToId: 'assigned_to_id',
  firstPeerReviewerId: 'first_peer_reviewer_id',
  status: 'status',
  review: 'review',
  reviewAction: 'review_action',
};

export interface Notice {
  userId: number;
  title: string;
}

/** Title of a notification: kind and number only — never the record's title (it may change groups later). */
export const noticeTitle = (kind: RecordKind, id: number, what: string) =>
  `${kind[0]?.toUpperCase()}${kind.slice(1)} #${id} ${what}`;

/** Writes one transition: row, revision, activity and notifications, in the caller's transaction. */
export async function applyTransition(
  tx: Db,
  actor: ActingUser,
  kind: RecordKind,
  id: number,
  set: WorkflowSet,
  comment: string,
  action: RecordAction,
  details: Record<string, unknown>,
  notices: Notice[],
): Promise<void> {
  const parts: SQL[] = Object.entries(set)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => sql`${sql.identifier(COLUMN[k as keyof WorkflowSet])} = ${v}`);
  parts.push(sql`comments = ${comment}`, sql`updated_at = now()`);
  await tx.execute(sql`update ${sql.identifier(TABLES[kind])} set ${sql.join(parts, sql`, `)} where id = ${id}`);
  await RECORD_KIND_MODULES[kind].recordChange(tx, actor, id, action, comment, details);
  const plural = RECORD_KIND_MODULES[kind].plural;
  const seen = new Set<number>([actor.id]);
  for (const n of notices) {
    if (seen.has(n.userId)) continue;
    seen.add(n.userId);
    await notifyUser(tx, n.userId, { category: 'workflow', title: n.title, link: `/${plural}/${id}` });
  }
}

/**
 * The user who will own or review the record: must be active, an Admin or DA, and able to see
 * the record (else they would be handed something they cannot open). The same message for a
 * missing user and one who cannot see it.
 */
async function mustBeEligible(
  db: Db,
  kind: RecordKind,
  id: number,
  userId: number,
  field: string,
): Promise<ActingUser> {
  const user = await actingUserById(db, userId);
  const ok = user && (isAdmin(user) || isDA(user));
  if (ok) {
    try {
      await RECORD_KIND_MODULES[kind].loadState(db, user, id);
      return user;
    } catch {
      /* falls through: cannot see it */
    }
  }
  throw new Invalid({ [field]: 'must be an active Admin or Data Analyst who can access this record' });
}

async function stateOf(db: Db, actor: ActingUser, kind: RecordKind, id: number): Promise<WorkflowState> {
  return RECORD_KIND_MODULES[kind].loadState(db, actor, id);
}

async function presentAfter(db: Db, actor: ActingUser, kind: RecordKind, id: number): Promise<unknown> {
  return RECORD_KIND_MODULES[kind].get(db, actor, id);
}

/** Moderator/Admin: give the record to an owner (status → Assigned). */
export async function assignRecord(
  db: Db,
  actor: ActingUser,
  kind: RecordKind,
  id: number,
  body: { assignedTo: number; comment: string },
) {
  await stateOf(db, actor, kind, id);
  if (!mayAssignWorkflow(actor)) throw new Forbidden('Only Moderators and Admins assign records.');
  await mustBeEligible(db, kind, id, body.assignedTo, 'assignedTo');
  await db.transaction((tx) =>
    applyTransition(
      tx,
      actor,
      kind,
      id,
      { assignedToId: body.assignedTo, status: STATUS.assigned },
      body.comment,
      'ASSIGN',
      { assignedTo: body.assignedTo },
      [{ userId: body.assignedTo, title: noticeTitle(kind, id, 'was assigned to you') }],
    ),
  );
  return presentAfter(db, actor, kind, id);
}

/** DA with canSelfAssign: take a record nobody owns (Machine/Human Created → Assigned). */
export async function selfAssignRecord(
  db: Db,
  actor: ActingUser,
  kind: RecordKind,
  id: number,
  body: { comment: string },
) {
  const state = await stateOf(db, actor, kind, id);
  if (!maySelfAssign(actor, state)) {
    throw new Forbidden(
      state.assignedToId !== null && isDA(actor) && actor.permissions.canSelfAssign
        ? 'This record already has an assignee.'
        : 'You may not self-assign records.',
    );
  }
  const created = state.status === STATUS.machineCreated || state.status === STATUS.humanCreated;
  await db.transaction((tx) =>
    applyTransition(
      tx,
      actor,
      kind,
      id,
      { assignedToId: actor.id, ...(created ? { status: STATUS.assigned } : {}) },
      body.comment,
      'SELF_ASSIGN',
      {},
      [],
    ),
  );
  return presentAfter(db, actor, kind, id);
}

/** Moderator/Admin: assign a peer reviewer (→ Peer Review Assigned; the owner is locked out). */
export async function assignReviewer(
  db: Db,
  actor: ActingUser,
  kind: RecordKind,
  id: number,
  body: { reviewer: number; comment: string },
) {
  const state = await stateOf(db, actor, kind, id);
  if (!mayAssignWorkflow(actor)) throw new Forbidden('Only Moderators and Admins assign peer reviewers.');
  if (state.assignedToId === null) throw new Invalid({ reviewer: 'assign the record to an owner first' });
  if (body.reviewer === state.assignedToId) throw new Invalid({ reviewer: 'the reviewer must not be the assignee' });
  await mustBeEligible(db, kind, id, body.reviewer, 'reviewer');
  const notices: Notice[] = [{ userId: body.reviewer, title: noticeTitle(kind, id, 'needs your peer review') }];
  notices.push({ userId: state.assignedToId, title: noticeTitle(kind, id, 'went to peer review') });
  await db.transaction((tx) =>
    applyTransition(
      tx,
      actor,
      kind,
      id,
      { firstPeerReviewerId: body.reviewer, status: STATUS.peerReviewAssigned, review: '', reviewAction: '' },
      body.comment,
      'ASSIGN_REVIEWER',
      { reviewer: body.reviewer },
      notices,
    ),
  );
  return presentAfter(db, actor, kind, id);
}

/** The assigned reviewer (or an Admin): review text and action (→ Peer Reviewed). */
export async function reviewRecord(
  db: Db,
  actor: ActingUser,
  kind: RecordKind,
  id: number,
  body: { review: string; reviewAction: string; comment?: string | undefined },
) {
  const state = await stateOf(db, actor, kind, id);
  if (!mayReview(actor, state)) throw new Forbidden('Only the assigned peer reviewer can review this record now.');
  const comment = body.comment || (state.status === STATUS.peerReviewed ? 'Updated Peer Review' : 'Added Peer Review');
  const notices: Notice[] = state.assignedToId
    ? [{ userId: state.assignedToId, title: noticeTitle(kind, id, `was peer reviewed: ${body.reviewAction}`) }]
    : [];
  await db.transaction((tx) =>
    applyTransition(
      tx,
      actor,
      kind,
      id,
      { review: sanitizeRichText(body.review), reviewAction: body.reviewAction, status: STATUS.peerReviewed },
      comment,
      'REVIEW',
      { reviewAction: body.reviewAction },
      notices,
    ),
  );
  return presentAfter(db, actor, kind, id);
}

/** Admin: close the record's workflow (→ Finalized). */
export async function finalizeRecord(
  db: Db,
  actor: ActingUser,
  kind: RecordKind,
  id: number,
  body: { comment: string },
) {
  const state = await stateOf(db, actor, kind, id);
  if (!mayFinalize(actor, state))
    throw new Forbidden(isAdmin(actor) ? 'This record is already finalized.' : 'Only Admins finalize records.');
  const notices: Notice[] = state.assignedToId
    ? [{ userId: state.assignedToId, title: noticeTitle(kind, id, 'was finalized') }]
    : [];
  await db.transaction((tx) =>
    applyTransition(tx, actor, kind, id, { status: STATUS.finalized }, body.comment, 'FINALIZE', {}, notices),
  );
  return presentAfter(db, actor, kind, id);
}
