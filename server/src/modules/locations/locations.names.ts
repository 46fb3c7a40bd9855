import { eq, sql } from 'drizzle-orm';
import { rows, type Db } from '../../db/client.js';
import { locations } from '../../db/schema/index.js';
import { deriveNames, type DerivedNames, type NamedNode } from '../../lib/tree.js';

const BATCH = 500;

/** Writes derived full names and paths in batches of one UPDATE … FROM (VALUES …) each. */
async function writeNames(tx: Db, names: Map<number, DerivedNames>): Promise<void> {
  const entries = [...names.entries()];
  for (let i = 0; i < entries.length; i += BATCH) {
    const values = sql.join(
      entries
        .slice(i, i + BATCH)
        .map(([id, n]) => sql`(${id}::int, ${n.fullName}::text, ${n.fullNameAr}::text, ${n.path}::text)`),
      sql`, `,
    );
    await tx.execute(sql`update ${locations} set full_name = v.full_name, full_name_ar = v.full_name_ar, path = v.path
      from (values ${values}) as v(id, full_name, full_name_ar, path)
      where ${locations.id} = v.id and (${locations.fullName} <> v.full_name or ${locations.fullNameAr} <> v.full_name_ar or ${locations.path} <> v.path)`);
  }
}

const nodeColumns = {
  id: locations.id,
  parentId: locations.parentId,
  title: locations.title,
  titleAr: locations.titleAr,
};

/**
 * Recomputes "self, parent, …, root" names and "/root/…/self/" paths for a node and all its
 * descendants, after it was created, renamed or moved. The subtree is found through
 * parent links (one recursive query), so stale or missing paths do not matter.
 */
export async function rebuildLocationSubtree(tx: Db, id: number): Promise<void> {
  const subtree = await rows<{ id: number; parent_id: number | null; title: string; title_ar: string }>(
    tx,
    sql`with recursive sub(id, parent_id, title, title_ar, depth) as (
          select id, parent_id, title, title_ar, 0 from ${locations} where id = ${id}
          union all
          select c.id, c.parent_id, c.title, c.title_ar, s.depth + 1 from ${locations} c join sub s on c.parent_id = s.id where s.depth < 64
        )
        select id, parent_id, title, title_ar from sub`,
  );
  const self = subtree.find((n) => Number(n.id) === id);
  if (!self) return;
  const nodes: NamedNode[] = subtree.map((n) => ({
    id: Number(n.id),
    parentId: n.parent_id === null ? null : Number(n.parent_id),
    title: n.title,
    titleAr: n.title_ar,
  }));
  const known = new Map<number, DerivedNames>();
  if (self.parent_id !== null) {
    const [parent] = await tx
      .select({
        id: locations.id,
        fullName: locations.fullName,
        fullNameAr: locations.fullNameAr,
        path: locations.path,
      })
      .from(locations)
      .where(eq(locations.id, Number(self.parent_id)))
      .limit(1);
    if (parent) known.set(parent.id, parent);
  }
  await writeNames(tx, deriveNames(nodes, known));
}

/** Recomputes names and paths of every location (after a bulk import). */
export async function rebuildAllLocationNames(tx: Db): Promise<void> {
  const all = await tx.select(nodeColumns).from(locations);
  await writeNames(tx, deriveNames(all));
}
