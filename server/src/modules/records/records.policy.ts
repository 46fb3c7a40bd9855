import type { ActingUser } from '../../http/actingUser.js';
import { isAdmin, isDA, isModerator } from '../../http/actingUser.js';
import { Invalid } from '../../http/errors.js';

/**
 * Role and workflow rules shared by bulletins, actors and incidents (reference §3.7, §4);
 * each kind's policy file exposes them under its own names.
 */

/** Workflow statuses the server moves records through (names from the workflow-statuses list). */
export const STATUS = {
  machineCreated: 'Machine Created',
  humanCreated: 'Human Created',
  assigned: 'Assigned',
  updated: 'Updated',
  peerReviewAssigned: 'Peer Review Assigned',
  peerReviewed: 'Peer Reviewed',
  revisited: 'Revisited',
  finalized: 'Finalized',
} as const;

/** Status in which the owner is locked out while a peer reviewer works (reference §4). */
export const PEER_REVIEW_ASSIGNED = STATUS.peerReviewAssigned;

/** Statuses only the workflow actions (or an Admin) may set; an ordinary update by others cannot. */
export const WORKFLOW_ONLY_STATUSES: readonly string[] = [
  STATUS.peerReviewAssigned,
  STATUS.peerReviewed,
  STATUS.finalized,
];

export const REVIEW_ACTIONS = ['No Review Needed', 'Needs Review'] as const;

export interface WorkflowState {
  assignedToId: number | null;
  status: string;
  firstPeerReviewerId?: number | null;
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

/** Only Admins change access groups of an existing record (new records: see `checkNewRecordGroups`). */
export function maySetAccessGroups(actor: ActingUser): boolean {
  return isAdmin(actor);
}

/** Changing the assignee through an ordinary update: Admins only (others use the workflow routes). */
export function mayAssign(actor: ActingUser): boolean {
  return isAdmin(actor);
}

/** The workflow routes /assign and /assign-reviewer, and bulk updates: Moderators and Admins. */
export function mayAssignWorkflow(actor: ActingUser): boolean {
  return isAdmin(actor) || isModerator(actor);
}

/** Self-assign: a DA with canSelfAssign, on a record nobody is assigned to. */
export function maySelfAssign(actor: ActingUser, row: WorkflowState): boolean {
  return isDA(actor) && actor.permissions.canSelfAssign && row.assignedToId === null;
}

/** Review: the assigned peer reviewer (or an Admin) while the record is in peer review. */
export function mayReview(actor: ActingUser, row: WorkflowState): boolean {
  const inReview = row.status === STATUS.peerReviewAssigned || row.status === STATUS.peerReviewed;
  if (!inReview || !row.firstPeerReviewerId) return false;
  return isAdmin(actor) || row.firstPeerReviewerId === actor.id;
}

export function mayFinalize(actor: ActingUser, row: WorkflowState): boolean {
  return isAdmin(actor) && row.status !== STATUS.finalized;
}

/**
 * Groups on a NEW record: Admins set any; others only when the `usersCanRestrictNew` setting
 * is on, and only groups they belong to. Throws a 400 with a field message otherwise.
 */
export function checkNewRecordGroups(
  actor: ActingUser,
  groups: number[] | undefined,
  usersCanRestrictNew: boolean,
): void {
  if (!groups?.length || isAdmin(actor)) return;
  if (!usersCanRestrictNew) throw new Invalid({ accessGroups: 'only an Admin can restrict a record to access groups' });
  const foreign = groups.filter((g) => !actor.groupIds.includes(g));
  if (foreign.length) throw new Invalid({ accessGroups: 'you can only restrict a new record to groups you belong to' });
}

/**
 * Workflow side of an ordinary update: non-Admins may not jump into workflow-only statuses,
 * and the owner's edit of a peer-reviewed record marks it "Revisited" (reference §4.6).
 * Returns the status to store (undefined = unchanged).
 */
export function statusAfterEdit(
  actor: ActingUser,
  row: WorkflowState,
  requested: string | undefined,
): string | undefined {
  if (
    requested !== undefined &&
    requested !== row.status &&
    !isAdmin(actor) &&
    WORKFLOW_ONLY_STATUSES.includes(requested)
  ) {
    throw new Invalid({ status: `"${requested}" is set by the review workflow, not by an edit` });
  }
  if (requested === undefined && row.status === STATUS.peerReviewed && row.assignedToId === actor.id)
    return STATUS.revisited;
  return requested;
}

export interface RecordPermissions {
  update: boolean;
  delete: boolean;
  assign: boolean;
  assignReviewer: boolean;
  selfAssign: boolean;
  review: boolean;
  finalize: boolean;
  /** Change access groups of this record. */
  setAccessGroups: boolean;
  viewHistory: boolean;
  viewFullHistory: boolean;
  /** Per-user flags, mirrored so the future export, import and media routes read one place. */
  export: boolean;
  importWeb: boolean;
  accessMedia: boolean;
  editLocations: boolean;
}

export function recordPermissions(actor: ActingUser, row: WorkflowState): RecordPermissions {
  const admin = isAdmin(actor);
  return {
    update: mayUpdateRecord(actor, row),
    delete: mayDeleteRecord(actor),
    assign: mayAssignWorkflow(actor),
    assignReviewer: mayAssignWorkflow(actor),
    selfAssign: maySelfAssign(actor, row),
    review: mayReview(actor, row),
    finalize: mayFinalize(actor, row),
    setAccessGroups: maySetAccessGroups(actor),
    viewHistory: mayViewHistory(actor),
    viewFullHistory: mayViewFullHistory(actor),
    export: admin || actor.permissions.canExport,
    importWeb: admin || actor.permissions.canImportWeb,
    accessMedia: admin || actor.permissions.canAccessMedia,
    editLocations: admin || isModerator(actor) || actor.permissions.canEditLocations,
  };
}
