import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { locations, vocabTerms } from '../db/schema/index.js';
import { normalizeText, searchTextOf } from '../lib/normalize.js';
import { rebuildLocationSubtree } from '../modules/locations/locations.names.js';
import { cleanName, splitAdminSuffix, tidyCase } from './placeNames.js';
import { emptyReport, type ImportReport } from './report.js';

/** Optional corrections for the fixture: misspelt English names, by their cleaned form. */
export const locationsXmlMapping = z.strictObject({
  kind: z.literal('locations-xml'),
  description: z.string().optional(),
  /** English name of the country the places lie in; becomes the root of the tree. */
  country: z.string().min(1).default('Syria'),
  /** Prefix of `external_id`, so two gazetteers never collide. */
  externalIdPrefix: z.string().min(1).default('syrian-archive'),
  rename: z.record(z.string(), z.string()).default({}),
});
export type LocationsXmlMapping = z.infer<typeof locationsXmlMapping>;

interface FixturePlace {
  pk: number;
  nameEn: string;
  nameAr: string;
  region: number | null;
  lat: number | null;
  lng: number | null;
}

type FieldNode = { '@_name': string; '#text'?: string | number; None?: unknown };

/** Reads the Django fixture: `<object pk model><field name=…>value</field>…</object>`. */
export function readFixture(file: string): FixturePlace[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => name === 'object' || name === 'field',
  });
  const doc = parser.parse(readFileSync(file, 'utf8')) as {
    'django-objects'?: { object?: { '@_pk': string; field?: FieldNode[] }[] };
  };
  return (doc['django-objects']?.object ?? []).map((o) => {
    const f = new Map(
      (o.field ?? []).map((n) => [n['@_name'], n.None !== undefined ? null : String(n['#text'] ?? '')]),
    );
    const num = (v: string | null | undefined) =>
      v && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null;
    let lat = num(f.get('latitude'));
    let lng = num(f.get('longitude'));
    // GeoJSON points are [longitude, latitude]; the separate columns are a fallback.
    const geom = f.get('geom');
    if (geom) {
      try {
        const point = JSON.parse(geom) as { type?: string; coordinates?: [number, number] };
        if (point.type === 'Point' && point.coordinates) [lng, lat] = point.coordinates;
      } catch {
        /* keep the column values */
      }
    }
    // A point outside the globe is a data error; keep the place without coordinates.
    if (lat === null || lng === null || Math.abs(lat) > 90 || Math.abs(lng) > 180) lat = lng = null;
    return {
      pk: Number(o['@_pk']),
      nameEn: f.get('name_en') ?? f.get('name') ?? '',
      nameAr: f.get('name_ar') ?? '',
      region: num(f.get('region')),
      lat,
      lng,
    };
  });
}

interface CleanPlace {
  pk: number;
  title: string;
  titleAr: string;
  /** pk of the canonical parent, or null for a governorate. */
  parentPk: number | null;
  lat: number | null;
  lng: number | null;
  adminLevel: number | null;
}

/**
 * Cleans the fixture into a tree: trimmed names, self-parented rows as governorates, exact
 * duplicates (the fixture lists most places twice) merged into the lowest pk, and admin
 * levels from the names where they say so.
 */
export function cleanFixture(
  places: FixturePlace[],
  rename: Record<string, string>,
): { kept: CleanPlace[]; merged: number; failed: { row: string; reason: string }[] } {
  const byPk = new Map(places.map((p) => [p.pk, p]));
  const failed: { row: string; reason: string }[] = [];
  const canonical = new Map<number, number>();
  const kept: CleanPlace[] = [];
  const seen = new Map<string, number>();
  const nameOf = (p: FixturePlace) => {
    const cleaned = cleanName(p.nameEn);
    return rename[cleaned] ?? tidyCase(cleaned);
  };
  const isRoot = (p: FixturePlace) => p.region === null || p.region === p.pk || !byPk.has(p.region);
  const sorted = [...places].sort((a, b) => Number(!isRoot(a)) - Number(!isRoot(b)) || a.pk - b.pk);
  for (const p of sorted) {
    const title0 = nameOf(p);
    if (!title0) {
      failed.push({ row: `pk ${p.pk}`, reason: 'no English name' });
      continue;
    }
    const root = isRoot(p);
    const parentPk = root ? null : canonical.get(p.region!);
    if (parentPk === undefined) {
      failed.push({ row: `pk ${p.pk}`, reason: `region ${p.region} could not be imported` });
      continue;
    }
    const { name: title, level } = root ? { name: title0, level: 1 } : splitAdminSuffix(title0);
    const titleAr = cleanName(p.nameAr);
    // Governorates merge by name; other places only when name, parent and point all agree.
    const dupKey = root
      ? `root|${normalizeText(title)}`
      : `${parentPk}|${normalizeText(titleAr || title)}|${p.lat}|${p.lng}|${level}`;
    const twin = seen.get(dupKey);
    if (twin !== undefined) {
      canonical.set(p.pk, twin);
      continue;
    }
    seen.set(dupKey, p.pk);
    canonical.set(p.pk, p.pk);
    kept.push({ pk: p.pk, title, titleAr, parentPk, lat: p.lat, lng: p.lng, adminLevel: level });
  }
  return { kept, merged: places.length - kept.length - failed.length, failed };
}

async function termId(tx: Db, kind: string, match: { title?: string; code?: number }): Promise<number | null> {
  const terms = await tx
    .select({ id: vocabTerms.id, title: vocabTerms.title, code: vocabTerms.code })
    .from(vocabTerms)
    .where(eq(vocabTerms.kind, kind));
  const found =
    match.code !== undefined
      ? terms.find((t) => t.code === match.code)
      : terms.find((t) => normalizeText(t.title) === normalizeText(match.title ?? ''));
  return found?.id ?? null;
}

/**
 * Imports the Syrian Archive places fixture under a country root. Idempotent: every place
 * carries `external_id` "<prefix>:<pk>", and places already present are left as they are.
 */
export async function importLocationsXml(tx: Db, file: string, mapping: LocationsXmlMapping): Promise<ImportReport> {
  const report = emptyReport('locations-xml', file);
  const places = readFixture(file);
  const { kept, failed } = cleanFixture(places, mapping.rename);
  report.failed.push(...failed);
  const prefix = mapping.externalIdPrefix;

  const countryId = await termId(tx, 'countries', { title: mapping.country });
  const adminType = await termId(tx, 'location-types', { title: 'Administrative Location' });
  const levelIds = new Map<number, number | null>();
  for (const code of [1, 2, 3]) levelIds.set(code, await termId(tx, 'location-admin-levels', { code }));

  const existing = await tx
    .select({ id: locations.id, externalId: locations.externalId })
    .from(locations)
    .where(isNotNull(locations.externalId));
  const idOf = new Map(existing.map((l) => [l.externalId!, l.id]));

  const rootKey = `${prefix}:country`;
  let rootId = idOf.get(rootKey);
  if (rootId === undefined) {
    const ar = countryId
      ? ((await tx.select({ titleAr: vocabTerms.titleAr }).from(vocabTerms).where(eq(vocabTerms.id, countryId)))[0]
          ?.titleAr ?? '')
      : '';
    const [row] = await tx
      .insert(locations)
      .values({
        title: mapping.country,
        titleAr: ar,
        countryId,
        locationTypeId: adminType,
        externalId: rootKey,
        searchText: searchTextOf([mapping.country, ar]),
      })
      .returning({ id: locations.id });
    rootId = row!.id;
    idOf.set(rootKey, rootId);
    report.created++;
  }

  // Governorates first, then the places under them, each level in one insert.
  for (const level of [kept.filter((p) => p.parentPk === null), kept.filter((p) => p.parentPk !== null)]) {
    const fresh = level.filter((p) => {
      if (idOf.has(`${prefix}:${p.pk}`)) {
        report.present++;
        return false;
      }
      return true;
    });
    if (fresh.length === 0) continue;
    const inserted = await tx
      .insert(locations)
      .values(
        fresh.map((p) => ({
          title: p.title,
          titleAr: p.titleAr,
          parentId: p.parentPk === null ? rootId : idOf.get(`${prefix}:${p.parentPk}`)!,
          lat: p.lat,
          lng: p.lng,
          adminLevelId: p.adminLevel ? (levelIds.get(p.adminLevel) ?? null) : null,
          locationTypeId: p.adminLevel ? adminType : null,
          countryId,
          externalId: `${prefix}:${p.pk}`,
          searchText: searchTextOf([p.title, p.titleAr]),
        })),
      )
      .returning({ id: locations.id, externalId: locations.externalId });
    for (const row of inserted) idOf.set(row.externalId!, row.id);
    report.created += inserted.length;
  }
  await rebuildLocationSubtree(tx, rootId);
  return report;
}
