import type { ActingUser } from '../../http/actingUser.js';
import type { Performer } from '../users/users.service.js';

/** The viewer used for snapshots: sees every name, as an Admin would. */
export const SNAPSHOT_VIEWER: ActingUser = {
  id: 0,
  username: 'system',
  name: 'system',
  roles: ['Admin'],
  groupIds: [],
  permissions: {
    viewUsernames: true,
    viewSimpleHistory: true,
    viewFullHistory: true,
    canSelfAssign: false,
    canEditLocations: false,
    canExport: false,
    canImportWeb: false,
    canAccessMedia: false,
  },
  sessionId: 0,
  ip: '',
};

export const isActing = (p: Performer): p is ActingUser => !('cli' in p);

/** A presented record without the viewer-specific `permissions`, as stored in revisions. */
export function snapshotOf<T extends { permissions: unknown }>(json: T): Record<string, unknown> {
  const { permissions: _p, ...rest } = json;
  return rest as Record<string, unknown>;
}

export type RecordAction =
  | 'CREATE'
  | 'UPDATE'
  | 'DELETE'
  | 'RESTORE'
  // Workflow transitions (modules/workflow).
  | 'ASSIGN'
  | 'SELF_ASSIGN'
  | 'ASSIGN_REVIEWER'
  | 'REVIEW'
  | 'FINALIZE'
  | 'BULK';
