import { and, asc, count, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { bulletinLocations, events, locations, vocabTerms } from '../../db/schema/index.js';
import type { UsageCheck } from '../../lib/usage.js';
import { afterCursor, matchesQuery } from '../../lib/vocabList.js';
import type { LocationListQuery } from './locations.schemas.js';

export type LocationRow = typeof locations.$inferSelect;
export type LocationValues = Omit<typeof locations.$inferInsert, 'id' | 'createdAt'>;

const adminLevel = alias(vocabTerms, 'admin_level');
const locationType = alias(vocabTerms, 'location_type');
const country = alias(vocabTerms, 'country');

/** A location with its admin level, type and country titles, fetched in one joined query. */
export interface LocationWithTerms {
  location: LocationRow;
  adminLevel: { id: number; title: string; code: number | null } | null;
  locationType: { id: number; title: string } | null;
  country: { id: number; title: string } | null;
}

function listFilter(q: LocationListQuery): SQL | undefined {
  return and(
    matchesQuery(locations.searchText, q.q),
    q.parentId === 'root' ? isNull(locations.parentId) : q.parentId ? eq(locations.parentId, q.parentId) : undefined,
    q.adminLevel !== undefined ? eq(adminLevel.code, q.adminLevel) : undefined,
  );
}

function selectWithTerms(db: Db) {
  return db
    .select({
      location: locations,
      adminLevel: { id: adminLevel.id, title: adminLevel.title, code: adminLevel.code },
      locationType: { id: locationType.id, title: locationType.title },
      country: { id: country.id, title: country.title },
    })
    .from(locations)
    .leftJoin(adminLevel, eq(adminLevel.id, locations.adminLevelId))
    .leftJoin(locationType, eq(locationType.id, locations.locationTypeId))
    .leftJoin(country, eq(country.id, locations.countryId));
}

export async function listLocationRows(db: Db, q: LocationListQuery): Promise<LocationWithTerms[]> {
  return selectWithTerms(db)
    .where(and(listFilter(q), afterCursor(locations.id, q.cursor)))
    .orderBy(asc(locations.id))
    .limit(q.limit + 1);
}

export async function countLocations(db: Db, q: LocationListQuery): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(locations)
    .leftJoin(adminLevel, eq(adminLevel.id, locations.adminLevelId))
    .where(listFilter(q));
  return Number(row?.n ?? 0);
}

export async function findLocationWithTerms(db: Db, id: number): Promise<LocationWithTerms | undefined> {
  const [row] = await selectWithTerms(db).where(eq(locations.id, id)).limit(1);
  return row;
}

export async function findLocation(db: Db, id: number): Promise<LocationRow | undefined> {
  const [row] = await db.select().from(locations).where(eq(locations.id, id)).limit(1);
  return row;
}

/** Which of the given vocab term ids exist with the given kind. */
export async function existingTermIds(db: Db, kind: string, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const found = await db
    .select({ id: vocabTerms.id })
    .from(vocabTerms)
    .where(and(eq(vocabTerms.kind, kind), inArray(vocabTerms.id, ids)));
  return new Set(found.map((r) => r.id));
}

export async function insertLocation(tx: Db, values: LocationValues): Promise<LocationRow> {
  const [row] = await tx.insert(locations).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateLocationRow(tx: Db, id: number, values: Partial<LocationValues>): Promise<void> {
  await tx
    .update(locations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(locations.id, id));
}

export async function deleteLocationRow(tx: Db, id: number): Promise<void> {
  await tx.delete(locations).where(eq(locations.id, id));
}

/** Every place a location can be referenced from. */
export function locationUsage(id: number): UsageCheck[] {
  return [
    {
      what: 'bulletins',
      count: sql`select count(*) from ${bulletinLocations} where ${bulletinLocations.locationId} = ${id}`,
    },
    { what: 'events', count: sql`select count(*) from ${events} where ${events.locationId} = ${id}` },
    { what: 'child locations', count: sql`select count(*) from ${locations} where ${locations.parentId} = ${id}` },
  ];
}
