import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { ActingUser } from '../../http/actingUser.js';
import type { KindSpec } from './search.kinds.js';
import type { Block } from './search.schemas.js';
import { locationTrees, subtrees } from './search.trees.js';

/** What filters need besides the block: trees resolved up front, so compiled SQL holds constants. */
export interface Ctx {
  db: Db;
  actor: ActingUser;
  spec: KindSpec;
  labels: Map<number, number[]>;
  sources: Map<number, number[]>;
  locations: Map<number, number[]>;
  /** relatedTo targets the viewer may see ("kind:id"). */
  visibleTargets: Set<string>;
}

export type Filter = (block: Block, ctx: Ctx) => SQL[];

export async function resolveContext(
  db: Db,
  actor: ActingUser,
  spec: KindSpec,
  blocks: Block[],
  targets: Set<string>,
): Promise<Ctx> {
  const labelIds = new Set<number>();
  const sourceIds = new Set<number>();
  const locationIds = new Set<number>();
  for (const b of blocks) {
    for (const x of [
      ...(b.labels ?? []),
      ...(b.excludeLabels ?? []),
      ...(b.verifiedLabels ?? []),
      ...(b.excludeVerifiedLabels ?? []),
    ])
      labelIds.add(x);
    for (const x of [...(b.sources ?? []), ...(b.excludeSources ?? [])]) sourceIds.add(x);
    for (const x of [
      ...(b.locations ?? []),
      ...(b.excludeLocations ?? []),
      ...(b.event?.locations ?? []),
      ...(b.originLocations ?? []),
      ...(b.excludeOriginLocations ?? []),
    ])
      locationIds.add(x);
  }
  // One after another: inside a transaction the queries share one connection.
  const labels = await subtrees(db, 'labels', [...labelIds]);
  const sources = await subtrees(db, 'sources', [...sourceIds]);
  const locations = await locationTrees(db, [...locationIds]);
  return { db, actor, spec, labels, sources, locations, visibleTargets: targets };
}

/** Ids for a list of roots: the roots alone, or with their subtrees. */
export function expand(tree: Map<number, number[]>, roots: readonly number[], withChildren: boolean): number[] {
  if (!withChildren) return [...new Set(roots)];
  return [...new Set(roots.flatMap((r) => tree.get(r) ?? [r]))];
}
