import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { ActingUser } from '../../http/actingUser.js';
import { Invalid } from '../../http/errors.js';
import type { ListResult } from '../../http/listQuery.js';
import { decodeCursor, encodeCursor, isIdCursor } from '../../lib/cursor.js';
import { searchIds } from '../search/search.engine.js';
import type { RecordKind } from './records.types.js';

export interface ListQuery {
  q?: string | undefined;
  limit: number;
  cursor?: string | undefined;
  count: 'exact' | 'estimate' | 'none';
}

/** How one record kind lists: its visibility predicate, id page and count queries, and presenter. */
export interface RecordLister<T> {
  kind: RecordKind;
  visible: SQL;
  listIds(db: Db, where: SQL, opts: { limit: number; beforeId: number | null }): Promise<number[]>;
  count(db: Db, where: SQL): Promise<number>;
  present(ids: number[]): Promise<T[]>;
}

/**
 * `GET /api/K`: with text, the advanced search's ranked full text as one block; without, the
 * visible records newest first with a keyset cursor. One implementation for every kind.
 */
export async function listRecords<T>(
  db: Db,
  actor: ActingUser,
  query: ListQuery,
  lister: RecordLister<T>,
): Promise<ListResult<T>> {
  if (query.q?.trim()) {
    const page = await searchIds(db, actor, lister.kind, {
      blocks: [{ text: query.q }],
      limit: query.limit,
      cursor: query.cursor,
      count: query.count,
    });
    return {
      items: await lister.present(page.ids),
      nextCursor: page.nextCursor,
      total: page.total,
      ...(page.totalIsEstimate ? { totalIsEstimate: true } : {}),
      ...(page.fuzzy ? { fuzzy: true } : {}),
    };
  }
  const after = decodeCursor(query.cursor, isIdCursor);
  if (query.cursor && !after) throw new Invalid({ cursor: 'not a cursor this server issued' });
  const ids = await lister.listIds(db, lister.visible, { limit: query.limit + 1, beforeId: after?.id ?? null });
  const page = ids.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: await lister.present(page),
    nextCursor: ids.length > query.limit && last !== undefined ? encodeCursor({ id: last }) : null,
    total: query.count === 'none' ? null : await lister.count(db, lister.visible),
  };
}
