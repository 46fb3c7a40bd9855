import { and, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { decodeCursor, encodeCursor, isIdCursor } from './cursor.js';
import { likeEscape, queryTerms } from './normalize.js';

/**
 * Every word of `q` (normalised: Arabic letter variants and Latin accents folded) must occur
 * in the row's normalised search text. Undefined when there is nothing to match.
 */
export function matchesQuery(searchText: AnyPgColumn, q: string | undefined): SQL | undefined {
  const terms = q ? queryTerms(q) : [];
  if (terms.length === 0) return undefined;
  return and(...terms.map((term) => sql`${searchText} ilike ${`%${likeEscape(term)}%`}`));
}

/** Keyset condition "id after the cursor", or undefined on the first page. */
export function afterCursor(id: AnyPgColumn, cursor: string | undefined): SQL | undefined {
  const key = decodeCursor(cursor, isIdCursor);
  return key ? sql`${id} > ${key.id}` : undefined;
}

/** Splits the `limit + 1` rows fetched into a page and the cursor of the next one. */
export function pageOf<T extends { id: number }>(
  fetched: T[],
  limit: number,
): { rows: T[]; nextCursor: string | null } {
  if (fetched.length <= limit) return { rows: fetched, nextCursor: null };
  const rows = fetched.slice(0, limit);
  const last = rows[rows.length - 1];
  return { rows, nextCursor: last ? encodeCursor({ id: last.id }) : null };
}
