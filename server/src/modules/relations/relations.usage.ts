import { sql } from 'drizzle-orm';
import type { UsageCheck } from '../../lib/usage.js';
import { ALL_PAIR_TABLES } from './relations.pairs.js';

/**
 * Where a relation type is used: one check per relation table (GIN-indexed `types`), for the
 * relation-types module to refuse deleting a type still in use.
 */
export function relationTypeUsage(typeId: number): UsageCheck[] {
  return ALL_PAIR_TABLES.map((p) => ({
    what: `${p.pair} relations`,
    count: sql`select count(*) from ${p.table} where ${p.table.types} @> array[${typeId}]::int[]`,
  }));
}
