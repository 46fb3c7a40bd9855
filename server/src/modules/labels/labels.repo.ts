import { and, asc, count, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bulletinLabels, bulletinVerifiedLabels, labels } from '../../db/schema/index.js';
import type { UsageCheck } from '../../lib/usage.js';
import { afterCursor, matchesQuery } from '../../lib/vocabList.js';
import type { LabelListQuery } from './labels.schemas.js';

export type LabelRow = typeof labels.$inferSelect;
export type LabelValues = Omit<typeof labels.$inferInsert, 'id' | 'createdAt'>;

const forColumn = { bulletin: labels.forBulletin, actor: labels.forActor, incident: labels.forIncident } as const;

function listFilter(q: LabelListQuery): SQL | undefined {
  return and(
    matchesQuery(labels.searchText, q.q),
    q.verified ? eq(labels.verified, q.verified === 'true') : undefined,
    q.for ? eq(forColumn[q.for], true) : undefined,
    q.parentId === 'root' ? isNull(labels.parentId) : q.parentId ? eq(labels.parentId, q.parentId) : undefined,
  );
}

export async function listLabelRows(db: Db, q: LabelListQuery): Promise<LabelRow[]> {
  return db
    .select()
    .from(labels)
    .where(and(listFilter(q), afterCursor(labels.id, q.cursor)))
    .orderBy(asc(labels.id))
    .limit(q.limit + 1);
}

export async function countLabels(db: Db, q: LabelListQuery): Promise<number> {
  const [row] = await db.select({ n: count() }).from(labels).where(listFilter(q));
  return Number(row?.n ?? 0);
}

export async function findLabel(db: Db, id: number): Promise<LabelRow | undefined> {
  const [row] = await db.select().from(labels).where(eq(labels.id, id)).limit(1);
  return row;
}

/** A label with the same title under the same parent in the same (verified/unverified) tree. */
export async function findLabelTwin(
  db: Db,
  v: { title: string; parentId: number | null; verified: boolean },
): Promise<number | undefined> {
  const [row] = await db
    .select({ id: labels.id })
    .from(labels)
    .where(
      and(
        sql`lower(${labels.title}) = lower(${v.title})`,
        v.parentId === null ? isNull(labels.parentId) : eq(labels.parentId, v.parentId),
        eq(labels.verified, v.verified),
      ),
    )
    .limit(1);
  return row?.id;
}

export async function insertLabel(tx: Db, values: LabelValues): Promise<LabelRow> {
  const [row] = await tx.insert(labels).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateLabelRow(tx: Db, id: number, values: Partial<LabelValues>): Promise<LabelRow> {
  const [row] = await tx
    .update(labels)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(labels.id, id))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

export async function deleteLabelRow(tx: Db, id: number): Promise<void> {
  await tx.delete(labels).where(eq(labels.id, id));
}

/** Every place a label can be referenced from. */
export function labelUsage(id: number): UsageCheck[] {
  return [
    {
      what: 'bulletins (labels)',
      count: sql`select count(*) from ${bulletinLabels} where ${bulletinLabels.labelId} = ${id}`,
    },
    {
      what: 'bulletins (verified labels)',
      count: sql`select count(*) from ${bulletinVerifiedLabels} where ${bulletinVerifiedLabels.labelId} = ${id}`,
    },
    { what: 'child labels', count: sql`select count(*) from ${labels} where ${labels.parentId} = ${id}` },
  ];
}
