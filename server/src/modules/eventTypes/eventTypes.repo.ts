import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { eventTypes, events } from '../../db/schema/index.js';
import type { UsageCheck } from '../../lib/usage.js';
import { afterCursor, matchesQuery } from '../../lib/vocabList.js';
import type { EventTypeListQuery } from './eventTypes.schemas.js';

export type EventTypeRow = typeof eventTypes.$inferSelect;
export type EventTypeValues = Omit<typeof eventTypes.$inferInsert, 'id' | 'createdAt'>;

const forColumn = {
  bulletin: eventTypes.forBulletin,
  actor: eventTypes.forActor,
  incident: eventTypes.forIncident,
} as const;

function listFilter(q: EventTypeListQuery): SQL | undefined {
  return and(matchesQuery(eventTypes.searchText, q.q), q.for ? eq(forColumn[q.for], true) : undefined);
}

export async function listEventTypeRows(db: Db, q: EventTypeListQuery): Promise<EventTypeRow[]> {
  return db
    .select()
    .from(eventTypes)
    .where(and(listFilter(q), afterCursor(eventTypes.id, q.cursor)))
    .orderBy(asc(eventTypes.id))
    .limit(q.limit + 1);
}

export async function countEventTypes(db: Db, q: EventTypeListQuery): Promise<number> {
  const [row] = await db.select({ n: count() }).from(eventTypes).where(listFilter(q));
  return Number(row?.n ?? 0);
}

export async function findEventType(db: Db, id: number): Promise<EventTypeRow | undefined> {
  const [row] = await db.select().from(eventTypes).where(eq(eventTypes.id, id)).limit(1);
  return row;
}

export async function findEventTypeByTitle(db: Db, title: string): Promise<EventTypeRow | undefined> {
  const [row] = await db
    .select()
    .from(eventTypes)
    .where(sql`lower(${eventTypes.title}) = lower(${title})`)
    .limit(1);
  return row;
}

export async function insertEventType(tx: Db, values: EventTypeValues): Promise<EventTypeRow> {
  const [row] = await tx.insert(eventTypes).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateEventTypeRow(tx: Db, id: number, values: Partial<EventTypeValues>): Promise<void> {
  await tx
    .update(eventTypes)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(eventTypes.id, id));
}

export async function deleteEventTypeRow(tx: Db, id: number): Promise<void> {
  await tx.delete(eventTypes).where(eq(eventTypes.id, id));
}

export function eventTypeUsage(id: number): UsageCheck[] {
  return [{ what: 'events', count: sql`select count(*) from ${events} where ${events.eventTypeId} = ${id}` }];
}
