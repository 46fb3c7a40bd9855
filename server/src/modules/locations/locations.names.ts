import { eq, like, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { locations } from '../../db/schema/index.js';
import { likeEscape } from '../../lib/normalize.js';
import { deriveNames, type DerivedNames, type NamedNode } from '../../lib/tree.js';

const BATCH = 500;

/** Writes derived full names and paths in batches of one UPDATE … FROM (VALUES …) each. */
async function writeNames(tx: Db, names: Map<number, DerivedNames>): Promise<void> {
  const entries = [...names.entries()];
  for (let i = 0; i < entries.length; i += BATCH) {
    const values = sql.join(
      entries.slice(i, i + BATCH).map(([id, n]) => sql`(${id}::int, ${n.fullName}::text, ${n.fullNameAr}::text, ${n.path}::text)`),
      sql`, `,
    );
    await tx.execute(sql`update ${locations} set full_name = v.full_name, full_name_ar = v.full_name_ar, path = v.path
      from (values ${values}) as v(id, full_name, full_name_ar, path)
      where ${locations.id} = v.id and (${locations.fullName} <> v.full_name or ${locations.fullNameAr} <> v.full_name_ar or ${locations.path} <> v.path)`);
  }
}

const nodeColumns = { id: locations.id, parentId: locations.parentId, title: locations.title, titleAr: locations.titleAr, path: locations.path };

/**
 * Recomputes "self, parent, …, root" names and "/root/…/self/" paths for a node and all its
 * descendants, after it was created, renamed or moved. Descendants are found by the node's
 * old path, so this runs after the node's own row changed but before its path did.
 */
export async function rebuildLocationSubtree(tx: Db, id: number): Promise<void> {
  const [self] = await tx.select(nodeColumns).from(locations).where(eq(locations.id, id)).limit(1);
  if (!self) return;
  const subtree: NamedNode[] = self.path
    ? await tx.select(nodeColumns).from(locations).where(like(locations.path, `${likeEscape(self.path)}%`))
    : [];
  if (!subtree.some((n) => n.id === id)) subtree.push(self);
  const known = new Map<number, DerivedNames>();
  if (self.parentId !== null) {
    const [parent] = await tx
      .select({ id: locations.id, fullName: locations.fullName, fullNameAr: locations.fullNameAr, path: locations.path })
      .from(locations)
      .where(eq(locations.id, self.parentId))
      .limit(1);
    if (parent) known.set(parent.id, parent);
  }
  await writeNames(tx, deriveNames(subtree, known));
}

/** Recomputes names and paths of every location (after a bulk import). */
export async function rebuildAllLocationNames(tx: Db): Promise<void> {
  const all = await tx.select(nodeColumns).from(locations);
  await writeNames(tx, deriveNames(all));
}
