import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * A column mapping for importing a sheet as bulletins. The same document is what a
 * sheet-import screen saves; see data/mappings/*.json for examples.
 */
const parseSpec = z.union([z.literal('text'), z.literal('url'), z.strictObject({ date: z.string().min(2) })]);

/** Where a value comes from: one column, several columns joined, a constant, or the first of several that is not empty. */
const plainSource = z.union([
  z.strictObject({ column: z.string().min(1), parse: parseSpec.optional() }),
  z.strictObject({
    columns: z
      .array(z.union([z.string().min(1), z.strictObject({ column: z.string().min(1), label: z.string() })]))
      .min(1),
    separator: z.string().default('\n\n'),
  }),
  z.strictObject({ value: z.string() }),
]);
export const valueSource = z.union([plainSource, z.strictObject({ firstOf: z.array(plainSource).min(1) })]);
export type ValueSource = z.infer<typeof valueSource>;

const locationRef = z.strictObject({
  /** Columns holding the place name (e.g. English and Arabic), matched against the location tree. */
  names: z.array(z.string().min(1)).min(1),
  /** Columns with the coordinates; used to choose among same-named places and to create new ones. */
  lat: z.string().optional(),
  lng: z.string().optional(),
  /** Only match places under this location (by name), e.g. a governorate. */
  within: z.string().optional(),
  /** Create the place (under `within`) when no location matches. */
  create: z.boolean().default(false),
  /** Place (by name) for rows that name none, e.g. the region the whole file is about. */
  fallback: z.string().optional(),
});

const sourceRef = z.strictObject({
  title: z.string().min(1),
  titleAr: z.string().optional(),
  /** Split one cell into several sources. */
  split: z.string().optional(),
  create: z.boolean().default(false),
});

const titleRef = z.strictObject({ column: z.string().min(1), split: z.string().optional() });

export const bulletinMapping = z.strictObject({
  kind: z.literal('bulletins'),
  description: z.string().optional(),
  /** Rows are keyed "<prefix>:<value of column>" so a second import adds nothing. */
  importKey: z.strictObject({
    prefix: z
      .string()
      .min(1)
      .regex(/^[\w.-]+$/),
    column: z.string().min(1),
  }),
  status: z.string().min(1).default('Machine Created'),
  /** The change reason recorded in each bulletin's history. */
  comment: z.string().min(1),
  fields: z.strictObject({
    title: valueSource,
    titleAr: valueSource.optional(),
    analystTitle: valueSource.optional(),
    analystTitleAr: valueSource.optional(),
    description: valueSource.optional(),
    sourceLink: valueSource.optional(),
    publishDate: valueSource.optional(),
    documentationDate: valueSource.optional(),
    originId: valueSource.optional(),
  }),
  tags: z.array(valueSource).default([]),
  labels: z.array(titleRef).default([]),
  verifiedLabels: z.array(titleRef).default([]),
  locations: z.array(locationRef).default([]),
  sources: z.array(sourceRef).default([]),
  events: z
    .array(
      z.strictObject({
        /** Event type by title. */
        type: z.string().optional(),
        title: valueSource.optional(),
        titleAr: valueSource.optional(),
        /** Index into `locations` of the place the event happened at. */
        location: z.number().int().min(0).optional(),
        from: valueSource.optional(),
        to: valueSource.optional(),
        estimated: z.boolean().default(false),
      }),
    )
    .default([]),
  geoMarkers: z
    .array(
      z.strictObject({
        lat: z.string().min(1),
        lng: z.string().min(1),
        title: valueSource.optional(),
        main: z.boolean().default(false),
      }),
    )
    .default([]),
  /** Columns known to carry nothing (placeholders), listed so readers know they were seen. */
  ignoreColumns: z.array(z.string()).default([]),
});
export type BulletinMapping = z.infer<typeof bulletinMapping>;

export class MappingError extends Error {}

export function readMapping<T>(file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new MappingError(`Cannot read mapping ${file}: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new MappingError(`Mapping ${file} is not valid: ${problems}`);
  }
  return parsed.data;
}

/** Every column a mapping reads, to check against the file's header before importing. */
export function columnsOf(m: BulletinMapping): string[] {
  const cols = new Set<string>([m.importKey.column]);
  const add = (v: ValueSource | undefined) => {
    if (!v) return;
    if ('column' in v) cols.add(v.column);
    if ('columns' in v) for (const c of v.columns) cols.add(typeof c === 'string' ? c : c.column);
    if ('firstOf' in v) v.firstOf.forEach(add);
  };
  Object.values(m.fields).forEach(add);
  m.tags.forEach(add);
  for (const l of [...m.labels, ...m.verifiedLabels]) cols.add(l.column);
  for (const l of m.locations) {
    l.names.forEach((n) => cols.add(n));
    if (l.lat) cols.add(l.lat);
    if (l.lng) cols.add(l.lng);
  }
  for (const s of m.sources) {
    cols.add(s.title);
    if (s.titleAr) cols.add(s.titleAr);
  }
  for (const e of m.events) [e.title, e.titleAr, e.from, e.to].forEach(add);
  for (const g of m.geoMarkers) {
    cols.add(g.lat);
    cols.add(g.lng);
    add(g.title);
  }
  return [...cols];
}
