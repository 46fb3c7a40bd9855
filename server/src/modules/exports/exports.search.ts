import type { Db } from '../../db/client.js';
import type { ActingUser } from '../../http/actingUser.js';
import { Invalid } from '../../http/errors.js';
import { searchIds, SearchTimedOut, searchTimeoutMs } from '../search/search.engine.js';
import { searchBodies, type Block } from '../search/search.schemas.js';
import type { RecordKind } from '../records/records.types.js';
import { MAX_EXPORT_IDS } from './exports.schemas.js';

const PAGE = 200;

/**
 * The ids an advanced search finds for the requester (the search composes their visibility),
 * in the search's order, for an export of "these results". More than MAX_EXPORT_IDS is refused
 * rather than cut silently.
 */
export async function idsOfSearch(
  db: Db,
  actor: ActingUser,
  kind: RecordKind,
  search: { blocks: Record<string, unknown>[] },
): Promise<number[]> {
  const parsed = searchBodies[kind].safeParse({ blocks: search.blocks });
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[['search', ...issue.path].join('.')] ??= issue.message;
    throw new Invalid(fields);
  }
  const blocks = parsed.data.blocks as Block[];
  const timeoutMs = await searchTimeoutMs(db);
  const ids: number[] = [];
  let cursor: string | undefined;
  try {
    do {
      const page = await searchIds(db, actor, kind, { blocks, limit: PAGE, cursor, count: 'none' }, { timeoutMs });
      ids.push(...page.ids);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && ids.length <= MAX_EXPORT_IDS);
  } catch (err) {
    if (err instanceof SearchTimedOut)
      throw new Invalid({ search: 'the search took too long; narrow it and try again' });
    throw err;
  }
  if (ids.length > MAX_EXPORT_IDS)
    throw new Invalid({ search: `finds more than ${MAX_EXPORT_IDS} records; narrow it to export` });
  if (!ids.length) throw new Invalid({ search: 'finds no records' });
  return ids;
}
