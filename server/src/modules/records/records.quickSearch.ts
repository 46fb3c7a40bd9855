import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { likeEscape, queryTerms } from '../../lib/normalize.js';

/**
 * Quick search: every term must occur in the normalised search text (trigram-indexed);
 * a short number also matches the record id.
 */
export function quickSearchCondition(searchText: AnyPgColumn, id: AnyPgColumn, q: string | undefined): SQL {
  const terms = q ? queryTerms(q) : [];
  if (!terms.length) return sql`true`;
  const parts = terms.map((t) => {
    const like = sql`${searchText} ilike ${`%${likeEscape(t)}%`}`;
    return /^\d+$/.test(t) && t.length < 10 ? sql`(${like} or ${id} = ${Number(t)})` : like;
  });
  return sql.join(parts, sql` and `);
}
