import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** The small lookup lists of API.md (`/api/vocab/:kind`), one table keyed by kind. */
export const vocabTerms = pgTable(
  'vocab_terms',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    titleAr: text('title_ar').notNull().default(''),
    description: text('description').notNull().default(''),
    /** Numeric code where the list has one (location admin levels: 1 Governorate …). */
    code: integer('code'),
    sortOrder: integer('sort_order').notNull().default(0),
    searchText: text('search_text').notNull().default(''),
    ...stamps,
  },
  (t) => [uniqueIndex('vocab_terms_kind_title_uq').on(t.kind, sql`lower(${t.title})`)],
);

export const labels = pgTable(
  'labels',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    titleAr: text('title_ar').notNull().default(''),
    comments: text('comments').notNull().default(''),
    commentsAr: text('comments_ar').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    verified: boolean('verified').notNull().default(false),
    forBulletin: boolean('for_bulletin').notNull().default(true),
    forActor: boolean('for_actor').notNull().default(true),
    forIncident: boolean('for_incident').notNull().default(true),
    forOffline: boolean('for_offline').notNull().default(false),
    parentId: integer('parent_id').references((): AnyPgColumn => labels.id, { onDelete: 'restrict' }),
    searchText: text('search_text').notNull().default(''),
    ...stamps,
  },
  (t) => [
    index('labels_parent_idx').on(t.parentId),
    uniqueIndex('labels_title_parent_uq').on(sql`coalesce(${t.parentId}, 0)`, t.verified, sql`lower(${t.title})`),
    check('labels_not_own_parent', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
  ],
);

export const sources = pgTable(
  'sources',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    titleAr: text('title_ar').notNull().default(''),
    sourceType: text('source_type').notNull().default(''),
    comments: text('comments').notNull().default(''),
    commentsAr: text('comments_ar').notNull().default(''),
    etlId: text('etl_id'),
    parentId: integer('parent_id').references((): AnyPgColumn => sources.id, { onDelete: 'restrict' }),
    searchText: text('search_text').notNull().default(''),
    ...stamps,
  },
  (t) => [
    index('sources_parent_idx').on(t.parentId),
    uniqueIndex('sources_title_parent_uq').on(sql`coalesce(${t.parentId}, 0)`, sql`lower(${t.title})`),
    uniqueIndex('sources_etl_id_uq').on(t.etlId),
    check('sources_not_own_parent', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
  ],
);

export const locations = pgTable(
  'locations',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    titleAr: text('title_ar').notNull().default(''),
    parentId: integer('parent_id').references((): AnyPgColumn => locations.id, { onDelete: 'restrict' }),
    /** vocab_terms of kind location-types. */
    locationTypeId: integer('location_type_id').references(() => vocabTerms.id),
    /** vocab_terms of kind location-admin-levels. */
    adminLevelId: integer('admin_level_id').references(() => vocabTerms.id),
    countryId: integer('country_id').references(() => vocabTerms.id),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    description: text('description').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Denormalised "Ayn Tarma, Rif Dimashq, Syria" (self first, then ancestors). */
    fullName: text('full_name').notNull().default(''),
    fullNameAr: text('full_name_ar').notNull().default(''),
    /** Denormalised ancestor chain "/1/5/12/" (root first, self last) for descendant queries. */
    path: text('path').notNull().default(''),
    /** Identifier from an external gazetteer, for idempotent imports. */
    externalId: text('external_id'),
    searchText: text('search_text').notNull().default(''),
    ...stamps,
  },
  (t) => [
    index('locations_parent_idx').on(t.parentId),
    index('locations_path_idx').on(t.path.op('text_pattern_ops')),
    index('locations_lat_lng_idx').on(t.lat, t.lng),
    uniqueIndex('locations_external_id_uq').on(t.externalId),
    check('locations_not_own_parent', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
    check('locations_lat_range', sql`${t.lat} is null or (${t.lat} between -90 and 90)`),
    check('locations_lng_range', sql`${t.lng} is null or (${t.lng} between -180 and 180)`),
  ],
);

export const eventTypes = pgTable(
  'event_types',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    titleAr: text('title_ar').notNull().default(''),
    comments: text('comments').notNull().default(''),
    forActor: boolean('for_actor').notNull().default(false),
    forBulletin: boolean('for_bulletin').notNull().default(false),
    forIncident: boolean('for_incident').notNull().default(false),
    searchText: text('search_text').notNull().default(''),
    ...stamps,
  },
  (t) => [uniqueIndex('event_types_title_uq').on(sql`lower(${t.title})`)],
);

/** Relation types per pair of record kinds, e.g. actor-actor "Parent" / reverse "Child". */
export const relationTypes = pgTable(
  'relation_types',
  {
    id: serial('id').primaryKey(),
    pair: text('pair').notNull(),
    title: text('title').notNull(),
    reverseTitle: text('reverse_title').notNull().default(''),
    titleAr: text('title_ar').notNull().default(''),
    reverseTitleAr: text('reverse_title_ar').notNull().default(''),
    searchText: text('search_text').notNull().default(''),
    ...stamps,
  },
  (t) => [uniqueIndex('relation_types_pair_title_uq').on(t.pair, sql`lower(${t.title})`)],
);
