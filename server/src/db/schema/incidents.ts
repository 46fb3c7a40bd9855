import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { tsvector } from './search.js';
import { accessGroups, users } from './users.js';
import { labels, locations, vocabTerms } from './vocab.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** An incident: groups actors and bulletins about one event (reference §2.5). */
export const incidents = pgTable(
  'incidents',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    titleAr: text('title_ar').notNull().default(''),
    /** Sanitised rich text. */
    description: text('description').notNull().default(''),
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
    searchText: text('search_text').notNull().default(''),
    /** Full-text vector of search_text ('simple' config: the text is already normalised). */
    searchTsv: tsvector('search_tsv').generatedAlwaysAs(
      sql`to_tsvector('simple'::regconfig, regexp_replace(search_text, '[[:punct:]،؛؟«»…“”‘’–—⁣]+', ' ', 'g'))`,
    ),
    deleted: boolean('deleted').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('incidents_status_assigned_idx').on(t.status, t.assignedToId),
    index('incidents_assigned_idx').on(t.assignedToId),
    index('incidents_reviewer_idx').on(t.firstPeerReviewerId),
    index('incidents_second_reviewer_idx').on(t.secondPeerReviewerId),
    index('incidents_created_by_idx').on(t.createdById),
    index('incidents_created_at_idx').on(t.createdAt),
    index('incidents_updated_at_idx').on(t.updatedAt),
    index('incidents_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    index('incidents_search_tsv_idx').using('gin', t.searchTsv),
  ],
);

function incidentLinkTable<
  T extends { id: typeof labels.id | typeof locations.id | typeof vocabTerms.id | typeof accessGroups.id },
>(name: string, column: string, target: T) {
  return pgTable(
    name,
    {
      incidentId: integer('incident_id')
        .notNull()
        .references(() => incidents.id, { onDelete: 'cascade' }),
      targetId: integer(column)
        .notNull()
        .references(() => target.id),
    },
    (t) => [primaryKey({ columns: [t.incidentId, t.targetId] }), index(`${name}_target_idx`).on(t.targetId)],
  );
}

export const incidentLabels = incidentLinkTable('incident_labels', 'label_id', labels);
export const incidentLocations = incidentLinkTable('incident_locations', 'location_id', locations);
/** vocab_terms of kind potential-violations. */
export const incidentPotentialViolations = incidentLinkTable('incident_potential_violations', 'term_id', vocabTerms);
/** vocab_terms of kind claimed-violations. */
export const incidentClaimedViolations = incidentLinkTable('incident_claimed_violations', 'term_id', vocabTerms);
export const incidentGroups = incidentLinkTable('incident_groups', 'group_id', accessGroups);
