import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { loadEvents, locationRefColumns, replaceEvents as replaceRecordEvents } from '../records/records.events.js';
import type { EventInput } from '../records/records.schemas.js';
import type { EventRow, LocationRef, TermRef } from '../records/records.types.js';
import {
  bulletinGroups,
  bulletinLabels,
  bulletinLocations,
  bulletins,
  bulletinSources,
  bulletinVerifiedLabels,
  geoMarkers,
  labels,
  locations,
  sources,
  vocabTerms,
} from '../../db/schema/index.js';

export type BulletinRow = typeof bulletins.$inferSelect;

export type { EventRow, LocationRef, TermRef } from '../records/records.types.js';
export { existingIds, vocabTermIds, workflowStatusExists } from '../records/records.refs.js';

export interface GeoMarkerRow {
  id: number;
  title: string;
  main: boolean;
  lat: number;
  lng: number;
  comment: string;
  type: TermRef | null;
}

/** A bulletin with everything linked to it, loaded in a fixed number of queries. */
export interface BulletinAggregate {
  row: BulletinRow;
  labels: TermRef[];
  verifiedLabels: TermRef[];
  sources: TermRef[];
  locations: LocationRef[];
  events: EventRow[];
  geoMarkers: GeoMarkerRow[];
  accessGroups: number[];
}

function groupBy<T extends { bulletinId: number }>(rows: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.bulletinId);
    if (list) list.push(r);
    else out.set(r.bulletinId, [r]);
  }
  return out;
}

/** Loads full aggregates for the given ids (order preserved), with no per-row queries. */
export async function loadBulletinAggregates(db: Db, ids: number[]): Promise<BulletinAggregate[]> {
  if (!ids.length) return [];
  const [rows, lab, vlab, src, loc, grp, evs, geo] = await Promise.all([
    db.select().from(bulletins).where(inArray(bulletins.id, ids)),
    db
      .select({ bulletinId: bulletinLabels.bulletinId, id: labels.id, title: labels.title, titleAr: labels.titleAr })
      .from(bulletinLabels)
      .innerJoin(labels, eq(labels.id, bulletinLabels.labelId))
      .where(inArray(bulletinLabels.bulletinId, ids))
      .orderBy(asc(labels.title)),
    db
      .select({
        bulletinId: bulletinVerifiedLabels.bulletinId,
        id: labels.id,
        title: labels.title,
        titleAr: labels.titleAr,
      })
      .from(bulletinVerifiedLabels)
      .innerJoin(labels, eq(labels.id, bulletinVerifiedLabels.labelId))
      .where(inArray(bulletinVerifiedLabels.bulletinId, ids))
      .orderBy(asc(labels.title)),
    db
      .select({
        bulletinId: bulletinSources.bulletinId,
        id: sources.id,
        title: sources.title,
        titleAr: sources.titleAr,
      })
      .from(bulletinSources)
      .innerJoin(sources, eq(sources.id, bulletinSources.sourceId))
      .where(inArray(bulletinSources.bulletinId, ids))
      .orderBy(asc(sources.title)),
    db
      .select({ bulletinId: bulletinLocations.bulletinId, ...locationRefColumns })
      .from(bulletinLocations)
      .innerJoin(locations, eq(locations.id, bulletinLocations.locationId))
      .where(inArray(bulletinLocations.bulletinId, ids))
      .orderBy(asc(locations.fullName)),
    db
      .select({ bulletinId: bulletinGroups.bulletinId, groupId: bulletinGroups.groupId })
      .from(bulletinGroups)
      .where(inArray(bulletinGroups.bulletinId, ids))
      .orderBy(asc(bulletinGroups.groupId)),
    loadEvents(db, 'bulletin', ids),
    db
      .select({
        bulletinId: geoMarkers.bulletinId,
        marker: geoMarkers,
        type: { id: vocabTerms.id, title: vocabTerms.title, titleAr: vocabTerms.titleAr },
      })
      .from(geoMarkers)
      .leftJoin(vocabTerms, eq(vocabTerms.id, geoMarkers.typeId))
      .where(inArray(geoMarkers.bulletinId, ids))
      .orderBy(asc(geoMarkers.sortOrder), asc(geoMarkers.id)),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const [labM, vlabM, srcM, locM, grpM, geoM] = [lab, vlab, src, loc, grp, geo].map((x) =>
    groupBy(x as { bulletinId: number }[]),
  );
  const strip = <T extends { bulletinId: number }>(list: T[] | undefined) =>
    (list ?? []).map(({ bulletinId: _b, ...rest }) => rest);
  const out: BulletinAggregate[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) continue;
    out.push({
      row,
      labels: strip(labM?.get(id) as (TermRef & { bulletinId: number })[] | undefined),
      verifiedLabels: strip(vlabM?.get(id) as (TermRef & { bulletinId: number })[] | undefined),
      sources: strip(srcM?.get(id) as (TermRef & { bulletinId: number })[] | undefined),
      locations: strip(locM?.get(id) as (LocationRef & { bulletinId: number })[] | undefined),
      accessGroups: ((grpM?.get(id) ?? []) as unknown as { groupId: number }[]).map((g) => g.groupId),
      events: evs.get(id) ?? [],
      geoMarkers: ((geoM?.get(id) ?? []) as (typeof geo)[number][]).map((g) => ({
        id: g.marker.id,
        title: g.marker.title,
        main: g.marker.main,
        lat: g.marker.lat,
        lng: g.marker.lng,
        comment: g.marker.comment,
        type: g.type?.id ? g.type : null,
      })),
    });
  }
  return out;
}

export async function insertBulletin(db: Db, values: typeof bulletins.$inferInsert): Promise<number> {
  const [row] = await db.insert(bulletins).values(values).returning({ id: bulletins.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export async function updateBulletinRow(
  db: Db,
  id: number,
  values: Partial<typeof bulletins.$inferInsert>,
): Promise<void> {
  await db.update(bulletins).set(values).where(eq(bulletins.id, id));
}

type LinkTable =
  | typeof bulletinLabels
  | typeof bulletinVerifiedLabels
  | typeof bulletinSources
  | typeof bulletinLocations
  | typeof bulletinGroups;

export const linkTables = {
  labels: { table: bulletinLabels, column: 'labelId' },
  verifiedLabels: { table: bulletinVerifiedLabels, column: 'labelId' },
  sources: { table: bulletinSources, column: 'sourceId' },
  locations: { table: bulletinLocations, column: 'locationId' },
  accessGroups: { table: bulletinGroups, column: 'groupId' },
} as const;

export async function replaceLinks(
  db: Db,
  bulletinId: number,
  key: keyof typeof linkTables,
  targetIds: number[],
): Promise<void> {
  const { table, column } = linkTables[key];
  const t = table as LinkTable;
  await db.delete(t).where(eq(t.bulletinId, bulletinId));
  const unique = [...new Set(targetIds)];
  if (unique.length) {
    await db.insert(t).values(unique.map((v) => ({ bulletinId, [column]: v })) as never);
  }
}

export async function replaceEvents(db: Db, bulletinId: number, list: EventInput[]): Promise<void> {
  await replaceRecordEvents(db, 'bulletin', bulletinId, list);
}

export async function replaceGeoMarkers(
  db: Db,
  bulletinId: number,
  list: Omit<typeof geoMarkers.$inferInsert, 'bulletinId'>[],
): Promise<void> {
  await db.delete(geoMarkers).where(eq(geoMarkers.bulletinId, bulletinId));
  if (list.length) await db.insert(geoMarkers).values(list.map((g, i) => ({ ...g, bulletinId, sortOrder: i })));
}

/** Labels among `wanted` with their verified flag and bulletin scope. */
export async function labelFlags(
  db: Db,
  wanted: number[],
): Promise<Map<number, { verified: boolean; forBulletin: boolean }>> {
  const unique = [...new Set(wanted)];
  if (!unique.length) return new Map();
  const found = await db
    .select({ id: labels.id, verified: labels.verified, forBulletin: labels.forBulletin })
    .from(labels)
    .where(inArray(labels.id, unique));
  return new Map(found.map((l) => [l.id, { verified: l.verified, forBulletin: l.forBulletin }]));
}

/** Ids of visible, non-deleted bulletins, newest first, with keyset paging. */
export async function listBulletinIds(
  db: Db,
  where: SQL,
  opts: { limit: number; beforeId: number | null },
): Promise<number[]> {
  const conditions = [where, eq(bulletins.deleted, false)];
  if (opts.beforeId !== null) conditions.push(lt(bulletins.id, opts.beforeId));
  const found = await db
    .select({ id: bulletins.id })
    .from(bulletins)
    .where(and(...conditions))
    .orderBy(desc(bulletins.id))
    .limit(opts.limit);
  return found.map((r) => r.id);
}

export async function countBulletins(db: Db, where: SQL): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(bulletins)
    .where(and(where, eq(bulletins.deleted, false)));
  return row?.n ?? 0;
}

export async function findByImportKey(db: Db, importKey: string): Promise<number | null> {
  const [row] = await db
    .select({ id: bulletins.id })
    .from(bulletins)
    .where(eq(bulletins.importKey, importKey))
    .limit(1);
  return row?.id ?? null;
}
