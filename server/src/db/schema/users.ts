import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  inet,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** Per-user permission flags (reference §2.12). */
export interface UserPermissions {
  viewUsernames: boolean;
  viewSimpleHistory: boolean;
  viewFullHistory: boolean;
  canSelfAssign: boolean;
  canEditLocations: boolean;
  canExport: boolean;
  canImportWeb: boolean;
  canAccessMedia: boolean;
}

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    name: text('name').notNull().default(''),
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    /** Admin | Moderator | DA; empty = read-only viewer. */
    roles: text('roles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    permissions: jsonb('permissions').$type<UserPermissions>().notNull(),
    active: boolean('active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** True while the user has at least one confirmed second factor (TOTP or a security key). */
    mfaEnabled: boolean('mfa_enabled').notNull().default(false),
    /** OpenID Connect subject, bound at the first OIDC sign-in and required to match afterwards (A7). */
    oidcSubject: text('oidc_subject'),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    lastLoginIp: text('last_login_ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_lower_uq').on(sql`lower(${t.username})`),
    uniqueIndex('users_oidc_subject_uq').on(t.oidcSubject),
  ],
);

/** Access groups: a record restricted to groups is visible only to their members (and Admins). */
export const accessGroups = pgTable(
  'access_groups',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('access_groups_name_uq').on(sql`lower(${t.name})`)],
);

export const userGroups = pgTable(
  'user_groups',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    groupId: integer('group_id')
      .notNull()
      .references(() => accessGroups.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.groupId] }), index('user_groups_group_idx').on(t.groupId)],
);

/** Server-side sessions; only a SHA-256 of the cookie value is stored (S1). */
export const sessions = pgTable(
  'sessions',
  {
    id: serial('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    ip: inet('ip'),
    userAgent: text('user_agent').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** 'mfa' while the password is checked but the second factor is not; 'full' after. */
    stage: text('stage').$type<'mfa' | 'full'>().notNull().default('full'),
    /** Sensitive operations need a re-authentication newer than this (A8, "sudo mode"). */
    freshUntil: timestamp('fresh_until', { withTimezone: true }),
    /** Pending WebAuthn challenge of this session, single use. */
    challenge: text('challenge'),
    challengeExpiresAt: timestamp('challenge_expires_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('sessions_token_hash_uq').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);
