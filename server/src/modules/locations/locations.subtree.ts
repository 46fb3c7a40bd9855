import { inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { locations } from '../../db/schema/index.js';
import { likeEscape } from '../../lib/normalize.js';

/**
 * Condition on `locations` matching the given places and everything below them. The prefix
 * patterns are constants, so the text_pattern_ops index on `path` serves them. Resolve the
 * paths first with `locationPaths`; compose into any query that joins `locations`.
 */
export function withinLocationPaths(paths: readonly string[]): SQL {
  if (paths.length === 0) return sql`false`;
  return or(...paths.map((p) => sql`${locations.path} like ${`${likeEscape(p)}%`}`))!;
}

export async function locationPaths(db: Db, ids: readonly number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await db
    .select({ path: locations.path })
    .from(locations)
    .where(inArray(locations.id, [...ids]));
  return found.map((r) => r.path).filter((p) => p !== '');
}

/** Ids of the given locations and all their descendants (for search filters). */
export async function descendantLocationIds(db: Db, ids: readonly number[]): Promise<number[]> {
  const paths = await locationPaths(db, ids);
  if (paths.length === 0) return [];
  const found = await db.select({ id: locations.id }).from(locations).where(withinLocationPaths(paths));
  return found.map((r) => r.id);
}

/**
 * A subquery of location ids under the given ones, for composing into one SQL statement
 * without a round trip (`location_id in (<this>)`). Uses a join on the path prefix.
 */
export function descendantLocationIdsSql(ids: readonly number[]): SQL {
  if (ids.length === 0) return sql`select null::int where false`;
  // Paths hold only digits and slashes, so they need no LIKE escaping.
  return sql`select d.id from ${locations} d join ${locations} a on d.path like a.path || '%'
    where a.id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`;
}
