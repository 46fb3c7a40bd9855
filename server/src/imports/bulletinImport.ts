import { basename } from 'node:path';
import { like } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { bulletins, eventTypes, labels, sources } from '../db/schema/index.js';
import { AppError } from '../http/errors.js';
import { likeEscape, normalizeText } from '../lib/normalize.js';
import type { BulletinInput } from '../modules/bulletins/bulletins.schemas.js';
import { createBulletin } from '../modules/bulletins/bulletins.service.js';
import { createLocation } from '../modules/locations/locations.service.js';
import { insertSourceWithActivity } from '../modules/sources/sources.service.js';
import type { Performer } from '../modules/users/users.service.js';
import { readCsv, type CsvRecord } from './csv.js';
import { LocationIndex, type Place } from './locationIndex.js';
import { MappingError, columnsOf, type BulletinMapping, type ValueSource } from './mapping.js';
import { emptyReport, type ImportReport } from './report.js';
import { dateForApi, isHttpUrl, parseDateByFormat, parseNumber } from './valueParsers.js';

/** A problem with one row: the row is reported and skipped, the import goes on. */
class RowError extends Error {}

const ARABIC = /[\u0600-\u06FF]/;

function valueOf(source: ValueSource | undefined, values: Record<string, string>): string {
  if (!source) return '';
  if ('firstOf' in source) {
    for (const s of source.firstOf) {
      const v = valueOf(s, values);
      if (v) return v;
    }
    return '';
  }
  if ('value' in source) return source.value;
  if ('columns' in source) {
    return source.columns
      .map((c) => (typeof c === 'string' ? { column: c, label: '' } : c))
      .map(({ column, label }) => {
        const v = (values[column] ?? '').trim();
        return v && label ? `${label}: ${v}` : v;
      })
      .filter(Boolean)
      .join(source.separator);
  }
  const raw = (values[source.column] ?? '').trim();
  if (!raw || !source.parse || source.parse === 'text') return raw;
  if (source.parse === 'url') {
    if (!isHttpUrl(raw)) throw new RowError(`column "${source.column}": "${raw.slice(0, 80)}" is not an http(s) URL`);
    return raw;
  }
  const date = parseDateByFormat(raw, source.parse.date);
  if (!date) throw new RowError(`column "${source.column}": "${raw}" is not a date like ${source.parse.date}`);
  return dateForApi(date);
}

function coordinate(values: Record<string, string>, column: string | undefined, max: number): number | null {
  if (!column) return null;
  const raw = values[column] ?? '';
  const n = parseNumber(raw);
  if (raw.trim() && (n === null || Math.abs(n) > max))
    throw new RowError(`column "${column}": "${raw}" is not a coordinate within ±${max}`);
  return n;
}

/** Titles → ids of a vocabulary, normalised, loaded once per import. */
async function titleIndex(
  db: Db,
  table: typeof labels | typeof sources | typeof eventTypes,
): Promise<Map<string, number>> {
  const found = await db.select({ id: table.id, title: table.title, titleAr: table.titleAr }).from(table);
  const index = new Map<string, number>();
  for (const r of found)
    for (const t of [r.title, r.titleAr]) if (t && !index.has(normalizeText(t))) index.set(normalizeText(t), r.id);
  return index;
}

interface Context {
  db: Db;
  by: Performer;
  mapping: BulletinMapping;
  places: LocationIndex;
  sourceIds: Map<string, number>;
  labelIds: Map<string, number>;
  eventTypeIds: Map<string, number>;
}

async function resolvePlaces(ctx: Context, values: Record<string, string>): Promise<(number | null)[]> {
  const out: (number | null)[] = [];
  for (const ref of ctx.mapping.locations) {
    const names = ref.names.map((c) => (values[c] ?? '').trim()).filter(Boolean);
    const lat = coordinate(values, ref.lat, 90);
    const lng = coordinate(values, ref.lng, 180);
    const point = lat !== null && lng !== null ? { lat, lng } : null;
    const within = ref.within ? ctx.places.region(ref.within) : undefined;
    if (ref.within && !within)
      throw new MappingError(`"within": no location named "${ref.within}"; import the location tree first`);
    let place: Place | undefined = ctx.places.match(names, point, within);
    if (!place && names.length && ref.create) {
      const title = names.find((n) => !ARABIC.test(n)) ?? names[0]!;
      const titleAr = names.find((n) => ARABIC.test(n)) ?? '';
      const created = await createLocation(ctx.db, ctx.by, {
        title,
        titleAr,
        parentId: within?.id ?? null,
        lat: point?.lat ?? null,
        lng: point?.lng ?? null,
      });
      place = { id: created.id, title, titleAr, lat: created.lat, lng: created.lng, path: '' };
      ctx.places.add(place);
    }
    if (!place && names.length === 0 && ref.fallback) place = ctx.places.region(ref.fallback);
    if (!place && names.length) throw new RowError(`no location matches "${names.join('" / "')}"`);
    out.push(place?.id ?? null);
  }
  return out;
}

async function resolveSources(ctx: Context, values: Record<string, string>): Promise<number[]> {
  const ids: number[] = [];
  for (const ref of ctx.mapping.sources) {
    const cell = (values[ref.title] ?? '').trim();
    const titles = (ref.split ? cell.split(ref.split) : [cell]).map((t) => t.trim()).filter(Boolean);
    for (const title of titles) {
      let id = ctx.sourceIds.get(normalizeText(title));
      if (id === undefined && ref.create) {
        const titleAr = !ref.split && ref.titleAr ? (values[ref.titleAr] ?? '').trim() : '';
        const created = await ctx.db.transaction((tx) => insertSourceWithActivity(tx, ctx.by, { title, titleAr }));
        id = created.id;
        ctx.sourceIds.set(normalizeText(title), id);
      }
      if (id === undefined) throw new RowError(`no source titled "${title}"`);
      ids.push(id);
    }
  }
  return [...new Set(ids)];
}

function resolveLabels(ctx: Context, refs: BulletinMapping['labels'], values: Record<string, string>): number[] {
  const ids: number[] = [];
  for (const ref of refs) {
    const cell = (values[ref.column] ?? '').trim();
    for (const title of (ref.split ? cell.split(ref.split) : [cell]).map((t) => t.trim()).filter(Boolean)) {
      const id = ctx.labelIds.get(normalizeText(title));
      if (id === undefined) throw new RowError(`no label titled "${title}"`);
      ids.push(id);
    }
  }
  return [...new Set(ids)];
}

async function buildInput(ctx: Context, values: Record<string, string>): Promise<BulletinInput> {
  const { fields } = ctx.mapping;
  const title = valueOf(fields.title, values);
  if (!title) throw new RowError('the title is empty');
  const placeIds = await resolvePlaces(ctx, values);
  const optional = (v: ValueSource | undefined) => {
    const s = valueOf(v, values);
    return s === '' ? undefined : s;
  };
  const input: BulletinInput = {
    title: title.slice(0, 255),
    titleAr: optional(fields.titleAr)?.slice(0, 255),
    analystTitle: optional(fields.analystTitle)?.slice(0, 255),
    analystTitleAr: optional(fields.analystTitleAr)?.slice(0, 255),
    description: optional(fields.description),
    sourceLink: optional(fields.sourceLink),
    publishDate: optional(fields.publishDate),
    documentationDate: optional(fields.documentationDate),
    originId: optional(fields.originId),
    tags: [...new Set(ctx.mapping.tags.map((t) => valueOf(t, values)).filter(Boolean))],
    labels: resolveLabels(ctx, ctx.mapping.labels, values),
    verifiedLabels: resolveLabels(ctx, ctx.mapping.verifiedLabels, values),
    sources: await resolveSources(ctx, values),
    locations: [...new Set(placeIds.filter((id): id is number => id !== null))],
    events: ctx.mapping.events.map((e) => {
      const typeId = e.type ? ctx.eventTypeIds.get(normalizeText(e.type)) : undefined;
      if (e.type && typeId === undefined) throw new MappingError(`events: no event type titled "${e.type}"`);
      return {
        title: optional(e.title),
        titleAr: optional(e.titleAr),
        typeId: typeId ?? null,
        locationId: e.location !== undefined ? (placeIds[e.location] ?? null) : null,
        fromDate: optional(e.from) ?? null,
        toDate: optional(e.to) ?? null,
        estimated: e.estimated,
      };
    }),
    geoMarkers: ctx.mapping.geoMarkers.flatMap((g) => {
      const lat = coordinate(values, g.lat, 90);
      const lng = coordinate(values, g.lng, 180);
      if (lat === null || lng === null) return [];
      return [{ title: optional(g.title), lat, lng, main: g.main }];
    }),
    comment: ctx.mapping.comment,
  };
  // Leave out empty optional values so the bulletin keeps its defaults.
  for (const k of Object.keys(input) as (keyof BulletinInput)[]) if (input[k] === undefined) delete input[k];
  return input;
}

function reasonOf(err: unknown): string {
  if (err instanceof AppError)
    return err.fields
      ? `${err.message} ${Object.entries(err.fields)
          .map(([f, m]) => `${f}: ${m}`)
          .join('; ')}`
      : err.message;
  return err instanceof Error ? err.message : String(err);
}

/**
 * Imports a CSV as bulletins through the bulletins service, as the mapping says. A row whose
 * import key is already present is skipped, so importing the same file twice adds nothing.
 */
export async function importBulletins(
  db: Db,
  by: Performer,
  file: string,
  mapping: BulletinMapping,
): Promise<ImportReport> {
  const report = emptyReport('bulletins', basename(file));
  report.file = file;
  const { header, records } = readCsv(file);
  const missing = columnsOf(mapping).filter((c) => !header.includes(c));
  if (missing.length)
    throw new MappingError(`The file has no column ${missing.map((c) => `"${c}"`).join(', ')} that the mapping reads.`);

  const prefix = `${mapping.importKey.prefix}:`;
  const present = new Set(
    (
      await db
        .select({ key: bulletins.importKey })
        .from(bulletins)
        .where(like(bulletins.importKey, `${likeEscape(prefix)}%`))
    ).map((r) => r.key),
  );
  const ctx: Context = {
    db,
    by,
    mapping,
    places: await LocationIndex.load(db),
    sourceIds: await titleIndex(db, sources),
    labelIds: await titleIndex(db, labels),
    eventTypeIds: await titleIndex(db, eventTypes),
  };
  for (const record of records) await importRow(ctx, record, prefix, present, report);
  return report;
}

async function importRow(
  ctx: Context,
  record: CsvRecord,
  prefix: string,
  present: Set<string | null>,
  report: ImportReport,
): Promise<void> {
  const keyValue = (record.values[ctx.mapping.importKey.column] ?? '').trim();
  if (!keyValue) {
    report.failed.push({ row: record.line, reason: `no value in the key column "${ctx.mapping.importKey.column}"` });
    return;
  }
  const importKey = prefix + keyValue;
  if (present.has(importKey)) {
    report.present++;
    return;
  }
  try {
    const input = await buildInput(ctx, record.values);
    await createBulletin(ctx.db, ctx.by, input, { importKey, status: ctx.mapping.status });
    present.add(importKey);
    report.created++;
  } catch (err) {
    if (err instanceof MappingError) throw err;
    report.failed.push({ row: record.line, reason: reasonOf(err) });
  }
}
