import { customType, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/** PostgreSQL `tsvector`; the search columns are generated, so the app never writes them. */
export const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector';
  },
});

/** Named searches (reference §2.13 "Query"): the whole multi-block request, per user and record kind. */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** bulletin | actor | incident */
    kind: text('kind').notNull(),
    query: jsonb('query').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('saved_searches_user_name_uq').on(t.userId, t.name),
    index('saved_searches_user_kind_idx').on(t.userId, t.kind),
  ],
);
