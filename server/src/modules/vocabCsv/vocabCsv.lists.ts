import { and, eq, sql } from 'drizzle-orm';
import type { ZodType } from 'zod';
import type { Db } from '../../db/client.js';
import { eventTypes, labels, locations, relationTypes, sources, vocabTerms } from '../../db/schema/index.js';
import type { Access } from '../../http/access.js';
import type { Performer } from '../users/users.service.js';
import { eventTypeCreateBody, eventTypeUpdateBody } from '../eventTypes/eventTypes.schemas.js';
import { createEventType, updateEventType } from '../eventTypes/eventTypes.service.js';
import { labelCreateBody, labelUpdateBody } from '../labels/labels.schemas.js';
import { createLabel, updateLabel } from '../labels/labels.service.js';
import { locationCreateBody, locationUpdateBody } from '../locations/locations.schemas.js';
import { createLocation, updateLocation } from '../locations/locations.service.js';
import { relationTypeCreateBody, relationTypeUpdateBody } from '../relationTypes/relationTypes.schemas.js';
import { createRelationType, updateRelationType } from '../relationTypes/relationTypes.service.js';
import { sourceCreateBody, sourceUpdateBody } from '../sources/sources.schemas.js';
import { createSource, updateSource } from '../sources/sources.service.js';
import { VOCAB_KINDS, type VocabKind } from '../vocabTerms/vocabKinds.js';
import { vocabTermCreateBody, vocabTermUpdateBody } from '../vocabTerms/vocabTerms.schemas.js';
import { createVocabTerm, updateVocabTerm } from '../vocabTerms/vocabTerms.service.js';

/**
 * How a CSV column maps to an API field.
 * text: trimmed string · bool: true/false · int0: whole number, blank = 0 · intNull: whole number or blank
 * num: decimal or blank · adminLevel: an admin level's code · termTitle: a title in `termKind`.
 */
export type ColumnType = 'text' | 'bool' | 'int0' | 'intNull' | 'num' | 'adminLevel' | 'termTitle';

export interface Column {
  name: string;
  field: string;
  type: ColumnType;
  termKind?: VocabKind;
}

/** One stored term as CSV: its id and parent (trees) and a canonical cell per column. */
export interface StoredRow {
  id: number;
  parentId: number | null;
  cells: Record<string, string>;
}

export interface ListSpec {
  /** Who may export and import this list: the same rule as its writes. */
  access: Access;
  /** Trees carry a `parent` column: the English titles of the ancestors, root first, joined by " > ". */
  tree: boolean;
  columns: Column[];
  /** Columns besides title (and parent) that tell two terms apart, e.g. verified for labels. */
  keyColumns: string[];
  /** Columns that cannot change after creation (relation type pair). */
  fixedColumns: string[];
  load(db: Db): Promise<StoredRow[]>;
  createSchema: ZodType;
  updateSchema: ZodType;
  create(db: Db, by: Performer, input: never): Promise<{ id: number }>;
  update(db: Db, by: Performer, id: number, patch: never): Promise<unknown>;
}

export const PARENT_SEPARATOR = ' > ';

const bool = (v: boolean) => (v ? 'true' : 'false');
const num = (v: number | null) => (v === null ? '' : String(v));

const labelColumns: Column[] = [
  { name: 'title', field: 'title', type: 'text' },
  { name: 'title_ar', field: 'titleAr', type: 'text' },
  { name: 'comments', field: 'comments', type: 'text' },
  { name: 'comments_ar', field: 'commentsAr', type: 'text' },
  { name: 'verified', field: 'verified', type: 'bool' },
  { name: 'for_bulletin', field: 'forBulletin', type: 'bool' },
  { name: 'for_actor', field: 'forActor', type: 'bool' },
  { name: 'for_incident', field: 'forIncident', type: 'bool' },
  { name: 'for_offline', field: 'forOffline', type: 'bool' },
  { name: 'order', field: 'sortOrder', type: 'int0' },
];

const labelSpec: ListSpec = {
  access: 'vocabManager',
  tree: true,
  columns: labelColumns,
  keyColumns: ['verified'],
  fixedColumns: [],
  load: async (db) =>
    (await db.select().from(labels)).map((r) => ({
      id: r.id,
      parentId: r.parentId,
      cells: {
        title: r.title,
        title_ar: r.titleAr,
        comments: r.comments,
        comments_ar: r.commentsAr,
        verified: bool(r.verified),
        for_bulletin: bool(r.forBulletin),
        for_actor: bool(r.forActor),
        for_incident: bool(r.forIncident),
        for_offline: bool(r.forOffline),
        order: String(r.sortOrder),
      },
    })),
  createSchema: labelCreateBody,
  updateSchema: labelUpdateBody,
  create: createLabel as ListSpec['create'],
  update: updateLabel as ListSpec['update'],
};

const sourceSpec: ListSpec = {
  access: 'vocabManager',
  tree: true,
  columns: [
    { name: 'title', field: 'title', type: 'text' },
    { name: 'title_ar', field: 'titleAr', type: 'text' },
    { name: 'source_type', field: 'sourceType', type: 'text' },
    { name: 'comments', field: 'comments', type: 'text' },
    { name: 'comments_ar', field: 'commentsAr', type: 'text' },
  ],
  keyColumns: [],
  fixedColumns: [],
  load: async (db) =>
    (await db.select().from(sources)).map((r) => ({
      id: r.id,
      parentId: r.parentId,
      cells: {
        title: r.title,
        title_ar: r.titleAr,
        source_type: r.sourceType,
        comments: r.comments,
        comments_ar: r.commentsAr,
      },
    })),
  createSchema: sourceCreateBody,
  updateSchema: sourceUpdateBody,
  create: createSource as ListSpec['create'],
  update: updateSource as ListSpec['update'],
};

const locationSpec: ListSpec = {
  access: 'locationEditor',
  tree: true,
  columns: [
    { name: 'title', field: 'title', type: 'text' },
    { name: 'title_ar', field: 'titleAr', type: 'text' },
    { name: 'admin_level', field: 'adminLevelId', type: 'adminLevel' },
    { name: 'location_type', field: 'locationTypeId', type: 'termTitle', termKind: 'location-types' },
    { name: 'country', field: 'countryId', type: 'termTitle', termKind: 'countries' },
    { name: 'lat', field: 'lat', type: 'num' },
    { name: 'lng', field: 'lng', type: 'num' },
    { name: 'postal_code', field: 'postalCode', type: 'text' },
    { name: 'description', field: 'description', type: 'text' },
  ],
  keyColumns: [],
  fixedColumns: [],
  load: async (db) => {
    const terms = new Map(
      (await db.select({ id: vocabTerms.id, title: vocabTerms.title, code: vocabTerms.code }).from(vocabTerms)).map(
        (t) => [t.id, t],
      ),
    );
    return (await db.select().from(locations)).map((r) => ({
      id: r.id,
      parentId: r.parentId,
      cells: {
        title: r.title,
        title_ar: r.titleAr,
        admin_level: r.adminLevelId === null ? '' : num(terms.get(r.adminLevelId)?.code ?? null),
        location_type: r.locationTypeId === null ? '' : (terms.get(r.locationTypeId)?.title ?? ''),
        country: r.countryId === null ? '' : (terms.get(r.countryId)?.title ?? ''),
        lat: num(r.lat),
        lng: num(r.lng),
        postal_code: r.postalCode,
        description: r.description,
      },
    }));
  },
  createSchema: locationCreateBody,
  updateSchema: locationUpdateBody,
  create: createLocation as ListSpec['create'],
  update: updateLocation as ListSpec['update'],
};

const eventTypeSpec: ListSpec = {
  access: 'vocabManager',
  tree: false,
  columns: [
    { name: 'title', field: 'title', type: 'text' },
    { name: 'title_ar', field: 'titleAr', type: 'text' },
    { name: 'comments', field: 'comments', type: 'text' },
    { name: 'for_bulletin', field: 'forBulletin', type: 'bool' },
    { name: 'for_actor', field: 'forActor', type: 'bool' },
    { name: 'for_incident', field: 'forIncident', type: 'bool' },
  ],
  keyColumns: [],
  fixedColumns: [],
  load: async (db) =>
    (await db.select().from(eventTypes)).map((r) => ({
      id: r.id,
      parentId: null,
      cells: {
        title: r.title,
        title_ar: r.titleAr,
        comments: r.comments,
        for_bulletin: bool(r.forBulletin),
        for_actor: bool(r.forActor),
        for_incident: bool(r.forIncident),
      },
    })),
  createSchema: eventTypeCreateBody,
  updateSchema: eventTypeUpdateBody,
  create: createEventType as ListSpec['create'],
  update: updateEventType as ListSpec['update'],
};

const relationTypeSpec: ListSpec = {
  access: 'admin',
  tree: false,
  columns: [
    { name: 'pair', field: 'pair', type: 'text' },
    { name: 'title', field: 'title', type: 'text' },
    { name: 'reverse_title', field: 'reverseTitle', type: 'text' },
    { name: 'title_ar', field: 'titleAr', type: 'text' },
    { name: 'reverse_title_ar', field: 'reverseTitleAr', type: 'text' },
  ],
  keyColumns: ['pair'],
  fixedColumns: ['pair'],
  load: async (db) =>
    (await db.select().from(relationTypes)).map((r) => ({
      id: r.id,
      parentId: null,
      cells: {
        pair: r.pair,
        title: r.title,
        reverse_title: r.reverseTitle,
        title_ar: r.titleAr,
        reverse_title_ar: r.reverseTitleAr,
      },
    })),
  createSchema: relationTypeCreateBody,
  updateSchema: relationTypeUpdateBody,
  create: createRelationType as ListSpec['create'],
  update: updateRelationType as ListSpec['update'],
};

function vocabTermSpec(kind: VocabKind): ListSpec {
  return {
    access: 'admin',
    tree: false,
    columns: [
      { name: 'title', field: 'title', type: 'text' },
      { name: 'title_ar', field: 'titleAr', type: 'text' },
      { name: 'description', field: 'description', type: 'text' },
      { name: 'code', field: 'code', type: 'intNull' },
      { name: 'sort_order', field: 'sortOrder', type: 'int0' },
    ],
    keyColumns: [],
    fixedColumns: [],
    load: async (db) =>
      (await db.select().from(vocabTerms).where(eq(vocabTerms.kind, kind))).map((r) => ({
        id: r.id,
        parentId: null,
        cells: {
          title: r.title,
          title_ar: r.titleAr,
          description: r.description,
          code: num(r.code),
          sort_order: String(r.sortOrder),
        },
      })),
    createSchema: vocabTermCreateBody,
    updateSchema: vocabTermUpdateBody,
    create: ((db: Db, by: Performer, input: Parameters<typeof createVocabTerm>[3]) =>
      createVocabTerm(db, by, kind, input)) as ListSpec['create'],
    update: ((db: Db, by: Performer, id: number, patch: Parameters<typeof updateVocabTerm>[4]) =>
      updateVocabTerm(db, by, kind, id, patch)) as ListSpec['update'],
  };
}

export const CSV_LISTS = ['labels', 'sources', 'locations', 'event-types', 'relation-types', ...VOCAB_KINDS] as const;
export type CsvList = (typeof CSV_LISTS)[number];

export function specOf(list: CsvList): ListSpec {
  switch (list) {
    case 'labels':
      return labelSpec;
    case 'sources':
      return sourceSpec;
    case 'locations':
      return locationSpec;
    case 'event-types':
      return eventTypeSpec;
    case 'relation-types':
      return relationTypeSpec;
    default:
      return vocabTermSpec(list);
  }
}

/** Id of a small-list term by title (English or Arabic, any case) or, for admin levels, by code. */
export async function findTermId(
  db: Db,
  kind: VocabKind,
  by: { title?: string; code?: number },
): Promise<number | undefined> {
  const cond =
    by.code !== undefined
      ? eq(vocabTerms.code, by.code)
      : sql`(lower(${vocabTerms.title}) = lower(${by.title ?? ''}) or ${vocabTerms.titleAr} = ${by.title ?? ''})`;
  const [row] = await db
    .select({ id: vocabTerms.id })
    .from(vocabTerms)
    .where(and(eq(vocabTerms.kind, kind), cond))
    .limit(1);
  return row?.id;
}
