import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { actors } from './actors.js';
import { bulletins } from './records.js';
import { users } from './users.js';
import { vocabTerms } from './vocab.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A file attached to a bulletin or an actor (reference §2.10). The bytes live in the media
 * store under a server-generated name; the uploader's file name is kept only as display text.
 * Removing a media soft-deletes the row; the cleanup job deletes the file later.
 */
export const media = pgTable(
  'media',
  {
    id: serial('id').primaryKey(),
    bulletinId: integer('bulletin_id').references(() => bulletins.id),
    actorId: integer('actor_id').references(() => actors.id),
    /** Server-generated storage key (random hex plus sniffed extension); never user input. */
    storageKey: text('storage_key').notNull().unique(),
    /** The uploader's file name, cleaned; display and Content-Disposition only. */
    originalName: text('original_name').notNull(),
    /** MIME type sniffed from the bytes (magic numbers), which the declared type had to match. */
    mimeType: text('mime_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    /** SHA-256 hex, computed while the upload streamed. */
    sha256: text('sha256').notNull(),
    title: text('title').notNull().default(''),
    titleAr: text('title_ar').notNull().default(''),
    categoryId: integer('category_id').references(() => vocabTerms.id),
    uploadedById: integer('uploaded_by_id').references(() => users.id),
    deleted: boolean('deleted').notNull().default(false),
    deletedAt: ts('deleted_at'),
    /** Set by the cleanup job once the file of a deleted media is gone from the store. */
    purgedAt: ts('purged_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('media_one_owner', sql`(${t.bulletinId} IS NULL) <> (${t.actorId} IS NULL)`),
    index('media_bulletin_idx').on(t.bulletinId),
    index('media_actor_idx').on(t.actorId),
    index('media_sha256_idx').on(t.sha256),
    index('media_deleted_idx').on(t.deleted, t.purgedAt),
    uniqueIndex('media_bulletin_sha_uq')
      .on(t.bulletinId, t.sha256)
      .where(sql`NOT ${t.deleted}`),
    uniqueIndex('media_actor_sha_uq')
      .on(t.actorId, t.sha256)
      .where(sql`NOT ${t.deleted}`),
  ],
);

/**
 * An export request (reference §6): asked for by a user with canExport, approved or rejected
 * by an admin, built by a background job, downloadable until it expires; the expiry job
 * deletes the file.
 */
export const exportRequests = pgTable(
  'exports',
  {
    id: serial('id').primaryKey(),
    /** bulletin | actor | incident */
    kind: text('kind').notNull(),
    /** csv | json */
    format: text('format').notNull(),
    /** Requested record ids, already filtered to what the requester could see at request time. */
    recordIds: integer('record_ids').array().notNull(),
    includeMedia: boolean('include_media').notNull().default(false),
    comment: text('comment').notNull().default(''),
    /** pending | processing | ready | failed | rejected | expired */
    status: text('status').notNull().default('pending'),
    requesterId: integer('requester_id')
      .notNull()
      .references(() => users.id),
    approverId: integer('approver_id').references(() => users.id),
    decidedAt: ts('decided_at'),
    expiresAt: ts('expires_at'),
    /** Server-generated file name in the export store, set when the file is built. */
    fileKey: text('file_key'),
    fileSha256: text('file_sha256'),
    fileBytes: bigint('file_bytes', { mode: 'number' }),
    /** How many records the file holds (the requester may have lost access to some since). */
    itemCount: integer('item_count'),
    jobId: integer('job_id'),
    error: text('error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('exports_requester_idx').on(t.requesterId, t.id),
    index('exports_status_expiry_idx').on(t.status, t.expiresAt),
  ],
);
