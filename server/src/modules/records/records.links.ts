import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';

/** A many-to-many link table of a record: (owner id, target id). */
export interface LinkTable {
  table: PgTable;
  owner: PgColumn;
  ownerKey: string;
  targetKey: string;
}

/** Replaces every link of one owner with `targetIds` (duplicates dropped). */
export async function replaceLinkRows(tx: Db, link: LinkTable, ownerId: number, targetIds: number[]): Promise<void> {
  await tx.delete(link.table).where(eq(link.owner, ownerId));
  const unique = [...new Set(targetIds)];
  if (unique.length) {
    await tx.insert(link.table).values(unique.map((v) => ({ [link.ownerKey]: ownerId, [link.targetKey]: v })) as never);
  }
}

/** Groups rows of a multi-owner query by their owner id. */
export function groupByOwner<T extends { ownerId: number }>(list: T[]): Map<number, Omit<T, 'ownerId'>[]> {
  const out = new Map<number, Omit<T, 'ownerId'>[]>();
  for (const { ownerId, ...rest } of list) {
    const bucket = out.get(ownerId);
    if (bucket) bucket.push(rest);
    else out.set(ownerId, [rest]);
  }
  return out;
}
