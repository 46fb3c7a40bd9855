import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ActingUser } from '../../http/actingUser.js';
import { isAdmin } from '../../http/actingUser.js';

/**
 * The `restrictiveAccess` setting as SQL, read inside the visibility predicate itself so every
 * query sees the current value without plumbing (PostgreSQL evaluates it once per query as an
 * init plan). Stored in `settings` under the key `access` (modules/access/access.settings.ts).
 */
export const RESTRICTIVE_ACCESS_SQL = sql`coalesce((select (s.value->>'restrictiveAccess')::boolean from settings s where s.key = 'access'), false)`;

/**
 * "Records of one kind this user may see", as one SQL expression over the record's id
 * column: Admins see everything; others see records sharing a group with them, and records
 * with no access group unless the `restrictiveAccess` setting is on (then those are Admin-only).
 * Each kind wraps this in its own predicate (visibleBulletins, visibleActors, visibleIncidents)
 * so every query composes the same rule.
 */
export function visibleThroughGroups(
  actor: ActingUser,
  recordId: AnyPgColumn,
  groupTable: 'bulletin_groups' | 'actor_groups' | 'incident_groups',
  groupRecordColumn: 'bulletin_id' | 'actor_id' | 'incident_id',
): SQL {
  if (isAdmin(actor)) return sql`true`;
  const table = sql.identifier(groupTable);
  const column = sql.identifier(groupRecordColumn);
  const groups = actor.groupIds.length
    ? sql`or exists (select 1 from ${table} g where g.${column} = ${recordId} and g.group_id in (${sql.join(
        actor.groupIds.map((g) => sql`${g}`),
        sql`, `,
      )}))`
    : sql``;
  return sql`((not exists (select 1 from ${table} g where g.${column} = ${recordId}) and not ${RESTRICTIVE_ACCESS_SQL}) ${groups})`;
}
