import type { ActingUser } from '../../http/actingUser.js';
import { isAdmin, isDA } from '../../http/actingUser.js';

/**
 * Role rules shared by bulletins, actors and incidents (reference §3.7); each kind's policy
 * file exposes them under its own names.
 */

/** Status in which the owner is locked out while a peer reviewer works (reference §4). */
export const PEER_REVIEW_ASSIGNED = 'Peer Review Assigned';

export interface WorkflowState {
  assignedToId: number | null;
  status: string;
}

export function mayCreateRecord(actor: ActingUser): boolean {
  return isAdmin(actor) || isDA(actor);
}

/** Admin edits anything; a DA edits what is assigned to them, except while it is in peer review. */
export function mayUpdateRecord(actor: ActingUser, row: WorkflowState): boolean {
  if (isAdmin(actor)) return true;
  return isDA(actor) && row.assignedToId === actor.id && row.status !== PEER_REVIEW_ASSIGNED;
}

/** Why `mayUpdateRecord` said no, in words for the 403. */
export function updateRefusal(actor: ActingUser, row: WorkflowState, noun: string): string {
  return row.status === PEER_REVIEW_ASSIGNED && row.assignedToId === actor.id
    ? `This ${noun} is in peer review; it cannot be edited until the review is in.`
    : `Only the assignee or an Admin can edit this ${noun}.`;
}

export function mayDeleteRecord(actor: ActingUser): boolean {
  return isAdmin(actor);
}

export function mayViewHistory(actor: ActingUser): boolean {
  return isAdmin(actor) || actor.permissions.viewSimpleHistory || actor.permissions.viewFullHistory;
}

export function mayViewFullHistory(actor: ActingUser): boolean {
  return isAdmin(actor) || actor.permissions.viewFullHistory;
}

/** Only Admins set access groups on a record (issue #4 widens this with usersCanRestrictNew). */
export function maySetAccessGroups(actor: ActingUser): boolean {
  return isAdmin(actor);
}

export function mayAssign(actor: ActingUser): boolean {
  return isAdmin(actor);
}

export interface RecordPermissions {
  update: boolean;
  delete: boolean;
}

export function recordPermissions(actor: ActingUser, row: WorkflowState): RecordPermissions {
  return { update: mayUpdateRecord(actor, row), delete: mayDeleteRecord(actor) };
}
