import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  incidentClaimedViolations,
  incidentGroups,
  incidentLabels,
  incidentLocations,
  incidentPotentialViolations,
  incidents,
  labels,
  locations,
  vocabTerms,
} from '../../db/schema/index.js';
import { loadEvents, locationRefColumns } from '../records/records.events.js';
import { groupByOwner, replaceLinkRows, type LinkTable } from '../records/records.links.js';
import type { EventRow, LocationRef, TermRef } from '../records/records.types.js';

export type IncidentRow = typeof incidents.$inferSelect;

/** An incident with everything linked to it, loaded in a fixed number of queries. */
export interface IncidentAggregate {
  row: IncidentRow;
  potentialViolations: TermRef[];
  claimedViolations: TermRef[];
  labels: TermRef[];
  locations: LocationRef[];
  events: EventRow[];
  accessGroups: number[];
}

const link = (table: typeof incidentLabels): LinkTable => ({
  table,
  owner: table.incidentId,
  ownerKey: 'incidentId',
  targetKey: 'targetId',
});
export const incidentLinkTables = {
  potentialViolations: link(incidentPotentialViolations),
  claimedViolations: link(incidentClaimedViolations),
  labels: link(incidentLabels),
  locations: link(incidentLocations),
  accessGroups: link(incidentGroups),
};

function violationsOf(table: typeof incidentPotentialViolations, db: Db, ids: number[]) {
  return db
    .select({ ownerId: table.incidentId, id: vocabTerms.id, title: vocabTerms.title, titleAr: vocabTerms.titleAr })
    .from(table)
    .innerJoin(vocabTerms, eq(vocabTerms.id, table.targetId))
    .where(inArray(table.incidentId, ids))
    .orderBy(asc(vocabTerms.title));
}

export async function loadIncidentAggregates(db: Db, ids: number[]): Promise<IncidentAggregate[]> {
  if (!ids.length) return [];
  const [rows, pv, cv, lab, loc, grp, evs] = await Promise.all([
    db.select().from(incidents).where(inArray(incidents.id, ids)),
    violationsOf(incidentPotentialViolations, db, ids),
    violationsOf(incidentClaimedViolations, db, ids),
    db
      .select({ ownerId: incidentLabels.incidentId, id: labels.id, title: labels.title, titleAr: labels.titleAr })
      .from(incidentLabels)
      .innerJoin(labels, eq(labels.id, incidentLabels.targetId))
      .where(inArray(incidentLabels.incidentId, ids))
      .orderBy(asc(labels.title)),
    db
      .select({ ownerId: incidentLocations.incidentId, ...locationRefColumns })
      .from(incidentLocations)
      .innerJoin(locations, eq(locations.id, incidentLocations.targetId))
      .where(inArray(incidentLocations.incidentId, ids))
      .orderBy(asc(locations.fullName)),
    db
      .select({ ownerId: incidentGroups.incidentId, groupId: incidentGroups.targetId })
      .from(incidentGroups)
      .where(inArray(incidentGroups.incidentId, ids))
      .orderBy(asc(incidentGroups.targetId)),
    loadEvents(db, 'incident', ids),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const [pvM, cvM, labM, locM, grpM] = [
    groupByOwner(pv),
    groupByOwner(cv),
    groupByOwner(lab),
    groupByOwner(loc),
    groupByOwner(grp),
  ];
  const out: IncidentAggregate[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) continue;
    out.push({
      row,
      potentialViolations: pvM.get(id) ?? [],
      claimedViolations: cvM.get(id) ?? [],
      labels: labM.get(id) ?? [],
      locations: (locM.get(id) ?? []) as LocationRef[],
      events: evs.get(id) ?? [],
      accessGroups: (grpM.get(id) ?? []).map((g) => g.groupId),
    });
  }
  return out;
}

export async function insertIncident(db: Db, values: typeof incidents.$inferInsert): Promise<number> {
  const [row] = await db.insert(incidents).values(values).returning({ id: incidents.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export async function updateIncidentRow(
  db: Db,
  id: number,
  values: Partial<typeof incidents.$inferInsert>,
): Promise<void> {
  await db.update(incidents).set(values).where(eq(incidents.id, id));
}

export async function replaceIncidentLinks(
  db: Db,
  id: number,
  key: keyof typeof incidentLinkTables,
  targetIds: number[],
): Promise<void> {
  await replaceLinkRows(db, incidentLinkTables[key], id, targetIds);
}

export async function listIncidentIds(
  db: Db,
  where: SQL,
  opts: { limit: number; beforeId: number | null },
): Promise<number[]> {
  const conditions = [where, eq(incidents.deleted, false)];
  if (opts.beforeId !== null) conditions.push(lt(incidents.id, opts.beforeId));
  const found = await db
    .select({ id: incidents.id })
    .from(incidents)
    .where(and(...conditions))
    .orderBy(desc(incidents.id))
    .limit(opts.limit);
  return found.map((r) => r.id);
}

export async function countIncidents(db: Db, where: SQL): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(incidents)
    .where(and(where, eq(incidents.deleted, false)));
  return row?.n ?? 0;
}
