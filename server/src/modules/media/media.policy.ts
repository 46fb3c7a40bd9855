import type { Db } from '../../db/client.js';
import type { ActingUser } from '../../http/actingUser.js';
import { isAdmin } from '../../http/actingUser.js';
import { Forbidden } from '../../http/errors.js';
import { RECORD_KIND_MODULES } from '../recordKinds.js';
import { mayUpdateRecord, updateRefusal, type WorkflowState } from '../records/records.policy.js';
import type { MediaParentKind } from './media.repo.js';

/**
 * Who may do what with media (reference §2.10, "Edit boundary"): seeing media follows the parent
 * record's visibility; attaching, editing and removing follow the parent's update rule; the
 * bytes also need the per-user flag canAccessMedia (Admins always).
 */

/** The parent's workflow state when the user may see it; 404 (the same as missing) otherwise. */
export function visibleParent(db: Db, actor: ActingUser, kind: MediaParentKind, id: number): Promise<WorkflowState> {
  return RECORD_KIND_MODULES[kind].loadState(db, actor, id);
}

/** The parent must be visible (404) and updatable by this user (403, with the record's reason). */
export async function mustUpdateParent(db: Db, actor: ActingUser, kind: MediaParentKind, id: number): Promise<void> {
  const state = await visibleParent(db, actor, kind, id);
  if (!mayUpdateRecord(actor, state)) throw new Forbidden(updateRefusal(actor, state, RECORD_KIND_MODULES[kind].noun));
}

export const mayDownloadMedia = (actor: ActingUser): boolean => isAdmin(actor) || actor.permissions.canAccessMedia;
