import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../db/client.js';
import { Invalid } from '../http/errors.js';

/** Tables that form a tree through a `parent_id` column. */
export type TreeTable = 'labels' | 'sources' | 'locations';

/** Longest ancestor chain we follow; deeper chains can only come from corrupt data. */
const MAX_DEPTH = 64;

/** `(1, 2, 3)` for raw SQL; callers guard against empty lists. */
export function idList(ids: readonly number[]): SQL {
  return sql`(${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}

/** The chain from `id` up to its root, `id` first; empty when `id` does not exist. */
export async function ancestorChain(db: Db, table: TreeTable, id: number): Promise<number[]> {
  const t = sql.identifier(table);
  const found = await rows<{ id: number }>(
    db,
    sql`with recursive chain(id, parent_id, depth) as (
          select id, parent_id, 0 from ${t} where id = ${id}
          union all
          select p.id, p.parent_id, c.depth + 1 from chain c join ${t} p on p.id = c.parent_id where c.depth < ${MAX_DEPTH}
        )
        select id from chain order by depth`,
  );
  return found.map((r) => Number(r.id));
}

/**
 * Refuses a parent that does not exist, or that would close a cycle: the node itself or one
 * of its descendants (that is, a node whose ancestor chain contains `selfId`).
 */
export async function assertValidParent(
  db: Db,
  table: TreeTable,
  selfId: number | null,
  parentId: number | null | undefined,
): Promise<void> {
  if (parentId === null || parentId === undefined) return;
  if (selfId !== null && parentId === selfId) throw new Invalid({ parentId: 'a node cannot be its own parent' });
  const chain = await ancestorChain(db, table, parentId);
  if (chain.length === 0) throw new Invalid({ parentId: 'no such parent' });
  if (selfId !== null && chain.includes(selfId))
    throw new Invalid({ parentId: 'would make the node its own ancestor' });
}

export interface TitledPath {
  path: string;
  pathAr: string;
}

/**
 * "A > B > C" (root first, self last) for many nodes in one recursive query.
 * The Arabic path falls back to the English title where a node has no Arabic one.
 */
export async function titlePaths(
  db: Db,
  table: 'labels' | 'sources',
  ids: readonly number[],
): Promise<Map<number, TitledPath>> {
  const out = new Map<number, TitledPath>();
  if (ids.length === 0) return out;
  const t = sql.identifier(table);
  const found = await rows<{ id: number; path: string; path_ar: string }>(
    db,
    sql`with recursive chain(start_id, parent_id, title, title_ar, depth) as (
          select id, parent_id, title, title_ar, 0 from ${t} where id in ${idList(ids)}
          union all
          select c.start_id, p.parent_id, p.title, p.title_ar, c.depth + 1
            from chain c join ${t} p on p.id = c.parent_id where c.depth < ${MAX_DEPTH}
        )
        select start_id as id,
               string_agg(title, ' > ' order by depth desc) as path,
               string_agg(coalesce(nullif(title_ar, ''), title), ' > ' order by depth desc) as path_ar
          from chain group by start_id`,
  );
  for (const r of found) out.set(Number(r.id), { path: r.path, pathAr: r.path_ar });
  return out;
}

/** Number of direct children of each node, in one grouped query. */
export async function childCounts(db: Db, table: TreeTable, ids: readonly number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (ids.length === 0) return out;
  const t = sql.identifier(table);
  const found = await rows<{ parent_id: number; n: number }>(
    db,
    sql`select parent_id, count(*)::int as n from ${t} where parent_id in ${idList(ids)} group by parent_id`,
  );
  for (const r of found) out.set(Number(r.parent_id), Number(r.n));
  return out;
}

/** A node of an in-memory tree, for computing denormalised names of a whole subtree. */
export interface NamedNode {
  id: number;
  parentId: number | null;
  title: string;
  titleAr: string;
}

export interface DerivedNames {
  /** "self, parent, …, root" */
  fullName: string;
  fullNameAr: string;
  /** "/rootId/…/selfId/" */
  path: string;
}

/**
 * Full names and id paths for every node of `nodes`, given the already-derived names of the
 * parents that lie outside the set (`known`). Nodes whose parent is unknown are treated as roots.
 */
export function deriveNames(
  nodes: readonly NamedNode[],
  known: ReadonlyMap<number, DerivedNames> = new Map(),
): Map<number, DerivedNames> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<number, DerivedNames>();
  const visit = (node: NamedNode, guard: number): DerivedNames => {
    const done = out.get(node.id);
    if (done) return done;
    const arabic = node.titleAr || node.title;
    const parentNode = node.parentId !== null ? byId.get(node.parentId) : undefined;
    const parent =
      node.parentId === null || guard > MAX_DEPTH
        ? undefined
        : parentNode
          ? visit(parentNode, guard + 1)
          : known.get(node.parentId);
    const names: DerivedNames = parent
      ? {
          fullName: `${node.title}, ${parent.fullName}`,
          fullNameAr: `${arabic}، ${parent.fullNameAr}`,
          path: `${parent.path}${node.id}/`,
        }
      : { fullName: node.title, fullNameAr: arabic, path: `/${node.id}/` };
    out.set(node.id, names);
    return names;
  };
  for (const n of nodes) visit(n, 0);
  return out;
}
