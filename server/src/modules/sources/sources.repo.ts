import { and, asc, count, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bulletinSources, sources } from '../../db/schema/index.js';
import type { UsageCheck } from '../../lib/usage.js';
import { afterCursor, matchesQuery } from '../../lib/vocabList.js';
import type { SourceListQuery } from './sources.schemas.js';

export type SourceRow = typeof sources.$inferSelect;
export type SourceValues = Omit<typeof sources.$inferInsert, 'id' | 'createdAt'>;

function listFilter(q: SourceListQuery): SQL | undefined {
  return and(
    matchesQuery(sources.searchText, q.q),
    q.parentId === 'root' ? isNull(sources.parentId) : q.parentId ? eq(sources.parentId, q.parentId) : undefined,
  );
}

export async function listSourceRows(db: Db, q: SourceListQuery): Promise<SourceRow[]> {
  return db
    .select()
    .from(sources)
    .where(and(listFilter(q), afterCursor(sources.id, q.cursor)))
    .orderBy(asc(sources.id))
    .limit(q.limit + 1);
}

export async function countSources(db: Db, q: SourceListQuery): Promise<number> {
  const [row] = await db.select({ n: count() }).from(sources).where(listFilter(q));
  return Number(row?.n ?? 0);
}

export async function findSource(db: Db, id: number): Promise<SourceRow | undefined> {
  const [row] = await db.select().from(sources).where(eq(sources.id, id)).limit(1);
  return row;
}

export async function findSourceTwin(
  db: Db,
  v: { title: string; parentId: number | null },
): Promise<number | undefined> {
  const [row] = await db
    .select({ id: sources.id })
    .from(sources)
    .where(
      and(
        sql`lower(${sources.title}) = lower(${v.title})`,
        v.parentId === null ? isNull(sources.parentId) : eq(sources.parentId, v.parentId),
      ),
    )
    .limit(1);
  return row?.id;
}

export async function insertSource(tx: Db, values: SourceValues): Promise<SourceRow> {
  const [row] = await tx.insert(sources).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateSourceRow(tx: Db, id: number, values: Partial<SourceValues>): Promise<void> {
  await tx
    .update(sources)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(sources.id, id));
}

export async function deleteSourceRow(tx: Db, id: number): Promise<void> {
  await tx.delete(sources).where(eq(sources.id, id));
}

export function sourceUsage(id: number): UsageCheck[] {
  return [
    {
      what: 'bulletins',
      count: sql`select count(*) from ${bulletinSources} where ${bulletinSources.sourceId} = ${id}`,
    },
    { what: 'child sources', count: sql`select count(*) from ${sources} where ${sources.parentId} = ${id}` },
  ];
}
