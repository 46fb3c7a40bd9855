import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/** Full snapshot of a record after each change (bulletins, actors, incidents, locations…). */
export const revisions = pgTable(
  'revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    recordId: integer('record_id').notNull(),
    userId: integer('user_id').references(() => users.id),
    status: text('status').notNull().default(''),
    comment: text('comment').notNull().default(''),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    /** For relation changes: the record at the other end, so history can hide it from those who may not see it. */
    relatedKind: text('related_kind'),
    relatedId: integer('related_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('revisions_record_idx').on(t.kind, t.recordId, t.id)],
);

/** Append-only, hash-chained activity log (D1). */
export const activity = pgTable(
  'activity',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id'),
    /** Username at the time, so the row stays meaningful if the user is renamed. */
    username: text('username').notNull().default(''),
    action: text('action').notNull(),
    outcome: text('outcome').notNull().default('SUCCESS'),
    kind: text('kind').notNull().default(''),
    recordId: integer('record_id'),
    ip: text('ip').notNull().default(''),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('activity_user_idx').on(t.userId, t.id),
    index('activity_kind_record_idx').on(t.kind, t.recordId),
    index('activity_action_idx').on(t.action, t.id),
    index('activity_created_idx').on(t.createdAt),
  ],
);
