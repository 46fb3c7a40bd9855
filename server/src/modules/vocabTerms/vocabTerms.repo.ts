import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bulletins, geoMarkers, locations, vocabTerms } from '../../db/schema/index.js';
import type { UsageCheck } from '../../lib/usage.js';
import { afterCursor, matchesQuery } from '../../lib/vocabList.js';
import type { VocabKind } from './vocabKinds.js';
import type { VocabTermListQuery } from './vocabTerms.schemas.js';

export type VocabTermRow = typeof vocabTerms.$inferSelect;
export type VocabTermValues = Omit<typeof vocabTerms.$inferInsert, 'id' | 'createdAt'>;

function listFilter(kind: VocabKind, q: VocabTermListQuery): SQL | undefined {
  return and(eq(vocabTerms.kind, kind), matchesQuery(vocabTerms.searchText, q.q));
}

/** Ordered by id so the keyset cursor stays stable; `sortOrder` is for the UI to apply. */
export async function listVocabTermRows(db: Db, kind: VocabKind, q: VocabTermListQuery): Promise<VocabTermRow[]> {
  return db
    .select()
    .from(vocabTerms)
    .where(and(listFilter(kind, q), afterCursor(vocabTerms.id, q.cursor)))
    .orderBy(asc(vocabTerms.id))
    .limit(q.limit + 1);
}

export async function countVocabTerms(db: Db, kind: VocabKind, q: VocabTermListQuery): Promise<number> {
  const [row] = await db.select({ n: count() }).from(vocabTerms).where(listFilter(kind, q));
  return Number(row?.n ?? 0);
}

export async function findVocabTerm(db: Db, kind: VocabKind, id: number): Promise<VocabTermRow | undefined> {
  const [row] = await db
    .select()
    .from(vocabTerms)
    .where(and(eq(vocabTerms.kind, kind), eq(vocabTerms.id, id)))
    .limit(1);
  return row;
}

export async function findVocabTermByTitle(db: Db, kind: VocabKind, title: string): Promise<VocabTermRow | undefined> {
  const [row] = await db
    .select()
    .from(vocabTerms)
    .where(and(eq(vocabTerms.kind, kind), sql`lower(${vocabTerms.title}) = lower(${title})`))
    .limit(1);
  return row;
}

export async function findVocabTermByCode(db: Db, kind: VocabKind, code: number): Promise<VocabTermRow | undefined> {
  const [row] = await db
    .select()
    .from(vocabTerms)
    .where(and(eq(vocabTerms.kind, kind), eq(vocabTerms.code, code)))
    .limit(1);
  return row;
}

export async function insertVocabTerm(tx: Db, values: VocabTermValues): Promise<VocabTermRow> {
  const [row] = await tx.insert(vocabTerms).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateVocabTermRow(tx: Db, id: number, values: Partial<VocabTermValues>): Promise<void> {
  await tx
    .update(vocabTerms)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(vocabTerms.id, id));
}

export async function deleteVocabTermRow(tx: Db, id: number): Promise<void> {
  await tx.delete(vocabTerms).where(eq(vocabTerms.id, id));
}

/**
 * Where a term of each kind can be referenced. Kinds used only by actors, incidents or media
 * (ethnographies, dialects, ID-number types, violations, media categories) get their checks
 * when those tables exist.
 */
export function vocabTermUsage(kind: VocabKind, term: { id: number; title: string }): UsageCheck[] {
  const id = term.id;
  switch (kind) {
    case 'geo-location-types':
      return [
        { what: 'geo markers', count: sql`select count(*) from ${geoMarkers} where ${geoMarkers.typeId} = ${id}` },
      ];
    case 'location-types':
      return [
        { what: 'locations', count: sql`select count(*) from ${locations} where ${locations.locationTypeId} = ${id}` },
      ];
    case 'location-admin-levels':
      return [
        { what: 'locations', count: sql`select count(*) from ${locations} where ${locations.adminLevelId} = ${id}` },
      ];
    case 'countries':
      return [
        { what: 'locations', count: sql`select count(*) from ${locations} where ${locations.countryId} = ${id}` },
      ];
    case 'workflow-statuses':
      // Records store the status by its title.
      return [
        { what: 'bulletins', count: sql`select count(*) from ${bulletins} where ${bulletins.status} = ${term.title}` },
      ];
    default:
      return [];
  }
}
