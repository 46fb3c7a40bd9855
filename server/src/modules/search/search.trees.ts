import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../db/client.js';
import { descendantLocationIds } from '../locations/locations.subtree.js';
import { idList } from './search.kinds.js';

/** Each given label/source id with its whole subtree (labels and sources are parent_id trees). */
export async function subtrees(
  db: Db,
  table: 'labels' | 'sources',
  roots: readonly number[],
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>(roots.map((r) => [r, [r]]));
  if (!roots.length) return out;
  const found = await rows<{ root: number; id: number }>(
    db,
    sql`with recursive d(root, id) as (
        select id, id from ${sql.identifier(table)} where id in (${idList(roots)})
        union
        select d.root, t.id from ${sql.identifier(table)} t join d on t.parent_id = d.id
      ) select root, id from d`,
  );
  for (const r of found) {
    const list = out.get(Number(r.root));
    if (list && !list.includes(Number(r.id))) list.push(Number(r.id));
  }
  return out;
}

/** Each location with all its descendants (always included for location filters). */
export async function locationTrees(db: Db, roots: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  for (const r of new Set(roots)) {
    const ids = await descendantLocationIds(db, [r]);
    out.set(r, ids.length ? ids : [r]);
  }
  return out;
}
