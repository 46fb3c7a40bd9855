import { sql, type SQL } from 'drizzle-orm';
import { bulletins } from '../../db/schema/index.js';
import type { ActingUser } from '../../http/actingUser.js';
import { isAdmin, isDA } from '../../http/actingUser.js';
import type { BulletinRow } from './bulletins.repo.js';

/** Status in which the owner is locked out while a peer reviewer works (reference §4). */
export const PEER_REVIEW_ASSIGNED = 'Peer Review Assigned';

/**
 * The one predicate for "bulletins this user may see", composed into every query that
 * touches bulletins (lists, search, counts, relations, exports). Admins see everything;
 * others see unrestricted bulletins and those sharing an access group with them.
 */
export function visibleBulletins(actor: ActingUser): SQL {
  if (isAdmin(actor)) return sql`true`;
  const groups = actor.groupIds.length
    ? sql`or exists (select 1 from bulletin_groups bg where bg.bulletin_id = ${bulletins.id} and bg.group_id in (${sql.join(
        actor.groupIds.map((g) => sql`${g}`),
        sql`, `,
      )}))`
    : sql``;
  return sql`(not exists (select 1 from bulletin_groups bg where bg.bulletin_id = ${bulletins.id}) ${groups})`;
}

export function mayCreateBulletin(actor: ActingUser): boolean {
  return isAdmin(actor) || isDA(actor);
}

/** Admin edits anything; a DA edits what is assigned to them, except while it is in peer review. */
export function mayUpdateBulletin(actor: ActingUser, row: BulletinRow): boolean {
  if (isAdmin(actor)) return true;
  return isDA(actor) && row.assignedToId === actor.id && row.status !== PEER_REVIEW_ASSIGNED;
}

export function mayDeleteBulletin(actor: ActingUser): boolean {
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

export interface BulletinPermissions {
  update: boolean;
  delete: boolean;
}

export function permissionsFor(actor: ActingUser, row: BulletinRow): BulletinPermissions {
  return { update: mayUpdateBulletin(actor, row), delete: mayDeleteBulletin(actor) };
}
