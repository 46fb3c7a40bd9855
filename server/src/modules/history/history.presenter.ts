import type { ActingUser } from '../../http/actingUser.js';
import { isAdmin } from '../../http/actingUser.js';
import { isoOrNull } from '../../lib/dates.js';
import { presentUserRef } from '../users/users.presenter.js';
import type { RevisionRow } from './history.repo.js';

const USER_REF_KEYS = ['createdBy', 'assignedTo', 'firstPeerReviewer', 'secondPeerReviewer'];

/** Snapshots store names as they were; viewers without viewUsernames see "user-<id>". */
function maskSnapshot(viewer: ActingUser, snapshot: Record<string, unknown>): Record<string, unknown> {
  if (isAdmin(viewer) || viewer.permissions.viewUsernames) return snapshot;
  const out: Record<string, unknown> = { ...snapshot };
  for (const key of USER_REF_KEYS) {
    const ref = out[key] as { id?: number } | null | undefined;
    if (ref && typeof ref.id === 'number' && ref.id !== viewer.id) out[key] = { id: ref.id, name: `user-${ref.id}` };
  }
  return out;
}

export function presentRevision(
  viewer: ActingUser,
  row: RevisionRow,
  names: Map<number, { username: string; name: string }>,
  full: boolean,
) {
  return {
    id: row.id,
    createdAt: isoOrNull(row.createdAt),
    user: presentUserRef(viewer, row.userId, names),
    status: row.status,
    comment: row.comment,
    ...(full ? { snapshot: maskSnapshot(viewer, row.snapshot) } : {}),
  };
}
