import type { SQL } from 'drizzle-orm';
import { bulletins } from '../../db/schema/index.js';
import type { ActingUser } from '../../http/actingUser.js';
import {
  mayAssign,
  mayCreateRecord,
  mayDeleteRecord,
  maySetAccessGroups,
  mayUpdateRecord,
  mayViewFullHistory,
  mayViewHistory,
  PEER_REVIEW_ASSIGNED,
  recordPermissions,
  type RecordPermissions,
} from '../records/records.policy.js';
import { visibleThroughGroups } from '../records/records.visibility.js';
import type { BulletinRow } from './bulletins.repo.js';

export { PEER_REVIEW_ASSIGNED, mayAssign, maySetAccessGroups, mayViewFullHistory, mayViewHistory };

/**
 * The one predicate for "bulletins this user may see", composed into every query that
 * touches bulletins (lists, search, counts, relations, exports). Admins see everything;
 * others see unrestricted bulletins and those sharing an access group with them.
 */
export function visibleBulletins(actor: ActingUser): SQL {
  return visibleThroughGroups(actor, bulletins.id, 'bulletin_groups', 'bulletin_id');
}

export function mayCreateBulletin(actor: ActingUser): boolean {
  return mayCreateRecord(actor);
}

/** Admin edits anything; a DA edits what is assigned to them, except while it is in peer review. */
export function mayUpdateBulletin(actor: ActingUser, row: BulletinRow): boolean {
  return mayUpdateRecord(actor, row);
}

export function mayDeleteBulletin(actor: ActingUser): boolean {
  return mayDeleteRecord(actor);
}

export type BulletinPermissions = RecordPermissions;

export function permissionsFor(actor: ActingUser, row: BulletinRow): BulletinPermissions {
  return recordPermissions(actor, row);
}
