import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  actorDialects,
  actorEthnographies,
  actorGroups,
  actorIdNumbers,
  actorNationalities,
  actors,
  locations,
  vocabTerms,
} from '../../db/schema/index.js';
import { loadEvents, locationRefColumns } from '../records/records.events.js';
import { groupByOwner, replaceLinkRows, type LinkTable } from '../records/records.links.js';
import type { EventRow, LocationRef, TermRef } from '../records/records.types.js';
import { loadProfiles, type ProfileAggregate } from './actors.profiles.repo.js';

export type ActorRow = typeof actors.$inferSelect;

export interface IdNumberRow {
  type: TermRef;
  number: string;
}

/** An actor with everything linked to it, loaded in a fixed number of queries. */
export interface ActorAggregate {
  row: ActorRow;
  originPlace: LocationRef | null;
  ethnographies: TermRef[];
  nationalities: TermRef[];
  dialects: TermRef[];
  idNumbers: IdNumberRow[];
  profiles: ProfileAggregate[];
  events: EventRow[];
  accessGroups: number[];
}

export const actorLinkTables = {
  ethnographies: {
    table: actorEthnographies,
    owner: actorEthnographies.actorId,
    ownerKey: 'actorId',
    targetKey: 'termId',
  },
  nationalities: {
    table: actorNationalities,
    owner: actorNationalities.actorId,
    ownerKey: 'actorId',
    targetKey: 'termId',
  },
  dialects: { table: actorDialects, owner: actorDialects.actorId, ownerKey: 'actorId', targetKey: 'termId' },
  accessGroups: { table: actorGroups, owner: actorGroups.actorId, ownerKey: 'actorId', targetKey: 'groupId' },
} satisfies Record<string, LinkTable>;

function termsOf(table: typeof actorEthnographies, db: Db, ids: number[]) {
  return db
    .select({ ownerId: table.actorId, id: vocabTerms.id, title: vocabTerms.title, titleAr: vocabTerms.titleAr })
    .from(table)
    .innerJoin(vocabTerms, eq(vocabTerms.id, table.termId))
    .where(inArray(table.actorId, ids))
    .orderBy(asc(vocabTerms.title));
}

/** Loads full aggregates for the given ids (order preserved), with no per-row queries. */
export async function loadActorAggregates(db: Db, ids: number[]): Promise<ActorAggregate[]> {
  if (!ids.length) return [];
  const [rows, places, eth, nat, dia, idNums, grp, evs, profiles] = await Promise.all([
    db.select().from(actors).where(inArray(actors.id, ids)),
    db
      .select({ ownerId: actors.id, ...locationRefColumns })
      .from(actors)
      .innerJoin(locations, eq(locations.id, actors.originPlaceId))
      .where(inArray(actors.id, ids)),
    termsOf(actorEthnographies, db, ids),
    termsOf(actorNationalities, db, ids),
    termsOf(actorDialects, db, ids),
    db
      .select({
        ownerId: actorIdNumbers.actorId,
        number: actorIdNumbers.number,
        type: { id: vocabTerms.id, title: vocabTerms.title, titleAr: vocabTerms.titleAr },
      })
      .from(actorIdNumbers)
      .innerJoin(vocabTerms, eq(vocabTerms.id, actorIdNumbers.typeId))
      .where(inArray(actorIdNumbers.actorId, ids))
      .orderBy(asc(actorIdNumbers.sortOrder), asc(actorIdNumbers.id)),
    db
      .select({ ownerId: actorGroups.actorId, groupId: actorGroups.groupId })
      .from(actorGroups)
      .where(inArray(actorGroups.actorId, ids))
      .orderBy(asc(actorGroups.groupId)),
    loadEvents(db, 'actor', ids),
    loadProfiles(db, ids),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const placeM = groupByOwner(places);
  const [ethM, natM, diaM, numM, grpM] = [
    groupByOwner(eth),
    groupByOwner(nat),
    groupByOwner(dia),
    groupByOwner(idNums),
    groupByOwner(grp),
  ];
  const out: ActorAggregate[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) continue;
    out.push({
      row,
      originPlace: (placeM.get(id)?.[0] as LocationRef | undefined) ?? null,
      ethnographies: ethM.get(id) ?? [],
      nationalities: natM.get(id) ?? [],
      dialects: diaM.get(id) ?? [],
      idNumbers: numM.get(id) ?? [],
      profiles: profiles.get(id) ?? [],
      events: evs.get(id) ?? [],
      accessGroups: (grpM.get(id) ?? []).map((g) => g.groupId),
    });
  }
  return out;
}

export async function insertActor(db: Db, values: typeof actors.$inferInsert): Promise<number> {
  const [row] = await db.insert(actors).values(values).returning({ id: actors.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export async function updateActorRow(db: Db, id: number, values: Partial<typeof actors.$inferInsert>): Promise<void> {
  await db.update(actors).set(values).where(eq(actors.id, id));
}

export async function replaceActorLinks(
  db: Db,
  actorId: number,
  key: keyof typeof actorLinkTables,
  targetIds: number[],
): Promise<void> {
  await replaceLinkRows(db, actorLinkTables[key], actorId, targetIds);
}

export async function replaceIdNumbers(
  db: Db,
  actorId: number,
  list: { type: number; number: string }[],
): Promise<void> {
  await db.delete(actorIdNumbers).where(eq(actorIdNumbers.actorId, actorId));
  if (list.length) {
    await db
      .insert(actorIdNumbers)
      .values(list.map((n, i) => ({ actorId, typeId: n.type, number: n.number, sortOrder: i })));
  }
}

/** Ids of non-deleted actors matching `where`, newest first, with keyset paging. */
export async function listActorIds(
  db: Db,
  where: SQL,
  opts: { limit: number; beforeId: number | null },
): Promise<number[]> {
  const conditions = [where, eq(actors.deleted, false)];
  if (opts.beforeId !== null) conditions.push(lt(actors.id, opts.beforeId));
  const found = await db
    .select({ id: actors.id })
    .from(actors)
    .where(and(...conditions))
    .orderBy(desc(actors.id))
    .limit(opts.limit);
  return found.map((r) => r.id);
}

export async function countActors(db: Db, where: SQL): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(actors)
    .where(and(where, eq(actors.deleted, false)));
  return row?.n ?? 0;
}
