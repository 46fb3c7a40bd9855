import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { tsvector } from './search.js';
import { actors } from './actors.js';
import { incidents } from './incidents.js';
import { accessGroups, users } from './users.js';
import { eventTypes, labels, locations, sources, vocabTerms } from './vocab.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** A bulletin: one piece of documentation (reference §2.2). */
export const bulletins = pgTable(
  'bulletins',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    titleAr: text('title_ar').notNull().default(''),
    analystTitle: text('analyst_title').notNull().default(''),
    analystTitleAr: text('analyst_title_ar').notNull().default(''),
    /** Sanitised rich text. */
    description: text('description').notNull().default(''),
    sourceLink: text('source_link').notNull().default(''),
    publishDate: ts('publish_date'),
    documentationDate: ts('documentation_date'),
    originId: text('origin_id').notNull().default(''),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text('status').notNull(),
    createdById: integer('created_by_id').references(() => users.id),
    assignedToId: integer('assigned_to_id').references(() => users.id),
    firstPeerReviewerId: integer('first_peer_reviewer_id').references(() => users.id),
    secondPeerReviewerId: integer('second_peer_reviewer_id').references(() => users.id),
    review: text('review').notNull().default(''),
    reviewAction: text('review_action').notNull().default(''),
    /** The reason given for the latest change. */
    comments: text('comments').notNull().default(''),
    meta: jsonb('meta').$type<Record<string, unknown>>().notNull().default({}),
    /** Normalised text of every searchable field (Arabic folding, accents removed, lower case). */
    searchText: text('search_text').notNull().default(''),
    /** Full-text vector of search_text ('simple' config: the text is already normalised). */
    searchTsv: tsvector('search_tsv').generatedAlwaysAs(
      sql`to_tsvector('simple'::regconfig, regexp_replace(search_text, '[[:punct:]،؛؟«»…“”‘’–—⁣]+', ' ', 'g'))`,
    ),
    /** Key of the import that created the row, for idempotent re-imports. */
    importKey: text('import_key'),
    deleted: boolean('deleted').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('bulletins_status_assigned_idx').on(t.status, t.assignedToId),
    index('bulletins_assigned_idx').on(t.assignedToId),
    index('bulletins_reviewer_idx').on(t.firstPeerReviewerId),
    index('bulletins_publish_date_idx').on(t.publishDate),
    index('bulletins_documentation_date_idx').on(t.documentationDate),
    index('bulletins_created_at_idx').on(t.createdAt),
    index('bulletins_updated_at_idx').on(t.updatedAt),
    index('bulletins_tags_idx').using('gin', t.tags),
    index('bulletins_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    index('bulletins_search_tsv_idx').using('gin', t.searchTsv),
    index('bulletins_import_key_idx').on(t.importKey),
    // Newest-first pages that filter on other tables (events, links) walk this backwards with an
    // index-only scan instead of reading every wide row's heap page for `deleted`.
    index('bulletins_live_id_idx')
      .on(t.id)
      .where(sql`not ${t.deleted}`),
  ],
);

export const bulletinLabels = pgTable(
  'bulletin_labels',
  {
    bulletinId: integer('bulletin_id')
      .notNull()
      .references(() => bulletins.id, { onDelete: 'cascade' }),
    labelId: integer('label_id')
      .notNull()
      .references(() => labels.id),
  },
  (t) => [primaryKey({ columns: [t.bulletinId, t.labelId] }), index('bulletin_labels_label_idx').on(t.labelId)],
);

export const bulletinVerifiedLabels = pgTable(
  'bulletin_verified_labels',
  {
    bulletinId: integer('bulletin_id')
      .notNull()
      .references(() => bulletins.id, { onDelete: 'cascade' }),
    labelId: integer('label_id')
      .notNull()
      .references(() => labels.id),
  },
  (t) => [primaryKey({ columns: [t.bulletinId, t.labelId] }), index('bulletin_vlabels_label_idx').on(t.labelId)],
);

export const bulletinSources = pgTable(
  'bulletin_sources',
  {
    bulletinId: integer('bulletin_id')
      .notNull()
      .references(() => bulletins.id, { onDelete: 'cascade' }),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id),
  },
  (t) => [primaryKey({ columns: [t.bulletinId, t.sourceId] }), index('bulletin_sources_source_idx').on(t.sourceId)],
);

export const bulletinLocations = pgTable(
  'bulletin_locations',
  {
    bulletinId: integer('bulletin_id')
      .notNull()
      .references(() => bulletins.id, { onDelete: 'cascade' }),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id),
  },
  (t) => [
    primaryKey({ columns: [t.bulletinId, t.locationId] }),
    index('bulletin_locations_location_idx').on(t.locationId),
  ],
);

export const bulletinGroups = pgTable(
  'bulletin_groups',
  {
    bulletinId: integer('bulletin_id')
      .notNull()
      .references(() => bulletins.id, { onDelete: 'cascade' }),
    groupId: integer('group_id')
      .notNull()
      .references(() => accessGroups.id),
  },
  (t) => [primaryKey({ columns: [t.bulletinId, t.groupId] }), index('bulletin_groups_group_idx').on(t.groupId)],
);

/** Events (type, place, from/to, estimated) attached to exactly one record: a bulletin, an actor or an incident. */
export const events = pgTable(
  'events',
  {
    id: serial('id').primaryKey(),
    bulletinId: integer('bulletin_id').references(() => bulletins.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id').references(() => actors.id, { onDelete: 'cascade' }),
    incidentId: integer('incident_id').references(() => incidents.id, { onDelete: 'cascade' }),
    title: text('title').notNull().default(''),
    titleAr: text('title_ar').notNull().default(''),
    comments: text('comments').notNull().default(''),
    commentsAr: text('comments_ar').notNull().default(''),
    eventTypeId: integer('event_type_id').references(() => eventTypes.id),
    locationId: integer('location_id').references(() => locations.id),
    fromDate: ts('from_date'),
    toDate: ts('to_date'),
    estimated: boolean('estimated').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    index('events_bulletin_idx').on(t.bulletinId),
    index('events_actor_idx').on(t.actorId),
    index('events_incident_idx').on(t.incidentId),
    check('events_one_owner', sql`num_nonnulls(${t.bulletinId}, ${t.actorId}, ${t.incidentId}) = 1`),
    index('events_type_idx').on(t.eventTypeId),
    index('events_location_idx').on(t.locationId),
    index('events_from_to_idx').on(t.fromDate, t.toDate),
    check('events_range', sql`${t.toDate} is null or ${t.fromDate} is null or ${t.toDate} >= ${t.fromDate}`),
  ],
);

/** Geo markers: titled points on a bulletin. */
export const geoMarkers = pgTable(
  'geo_markers',
  {
    id: serial('id').primaryKey(),
    bulletinId: integer('bulletin_id')
      .notNull()
      .references(() => bulletins.id, { onDelete: 'cascade' }),
    title: text('title').notNull().default(''),
    /** vocab_terms of kind geo-location-types. */
    typeId: integer('type_id').references(() => vocabTerms.id),
    main: boolean('main').notNull().default(false),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    comment: text('comment').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    index('geo_markers_bulletin_idx').on(t.bulletinId),
    index('geo_markers_lat_lng_idx').on(t.lat, t.lng),
    check('geo_markers_lat_range', sql`${t.lat} between -90 and 90`),
    check('geo_markers_lng_range', sql`${t.lng} between -180 and 180`),
  ],
);
