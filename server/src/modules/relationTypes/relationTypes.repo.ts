import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { relationTypes } from '../../db/schema/index.js';
import { afterCursor, matchesQuery } from '../../lib/vocabList.js';
import type { RelationTypeListQuery } from './relationTypes.schemas.js';

export type RelationTypeRow = typeof relationTypes.$inferSelect;
export type RelationTypeValues = Omit<typeof relationTypes.$inferInsert, 'id' | 'createdAt'>;

function listFilter(q: RelationTypeListQuery): SQL | undefined {
  return and(matchesQuery(relationTypes.searchText, q.q), q.pair ? eq(relationTypes.pair, q.pair) : undefined);
}

export async function listRelationTypeRows(db: Db, q: RelationTypeListQuery): Promise<RelationTypeRow[]> {
  return db
    .select()
    .from(relationTypes)
    .where(and(listFilter(q), afterCursor(relationTypes.id, q.cursor)))
    .orderBy(asc(relationTypes.id))
    .limit(q.limit + 1);
}

export async function countRelationTypes(db: Db, q: RelationTypeListQuery): Promise<number> {
  const [row] = await db.select({ n: count() }).from(relationTypes).where(listFilter(q));
  return Number(row?.n ?? 0);
}

export async function findRelationType(db: Db, id: number): Promise<RelationTypeRow | undefined> {
  const [row] = await db.select().from(relationTypes).where(eq(relationTypes.id, id)).limit(1);
  return row;
}

export async function findRelationTypeByTitle(
  db: Db,
  pair: string,
  title: string,
): Promise<RelationTypeRow | undefined> {
  const [row] = await db
    .select()
    .from(relationTypes)
    .where(and(eq(relationTypes.pair, pair), sql`lower(${relationTypes.title}) = lower(${title})`))
    .limit(1);
  return row;
}

export async function insertRelationType(tx: Db, values: RelationTypeValues): Promise<RelationTypeRow> {
  const [row] = await tx.insert(relationTypes).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateRelationTypeRow(tx: Db, id: number, values: Partial<RelationTypeValues>): Promise<void> {
  await tx
    .update(relationTypes)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(relationTypes.id, id));
}

export async function deleteRelationTypeRow(tx: Db, id: number): Promise<void> {
  await tx.delete(relationTypes).where(eq(relationTypes.id, id));
}
