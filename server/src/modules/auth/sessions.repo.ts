import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { sessions, users } from '../../db/schema/index.js';

export type SessionRow = typeof sessions.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type SessionStage = SessionRow['stage'];

export async function insertSession(
  db: Db,
  values: {
    tokenHash: string;
    userId: number;
    ip: string | null;
    userAgent: string;
    expiresAt: Date;
    stage?: SessionStage;
    freshUntil?: Date | null;
  },
): Promise<SessionRow> {
  const [row] = await db.insert(sessions).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

const liveSessionQuery = (db: Db) =>
  db
    .select({
      session: sessions,
      user: users,
      groupIds: sql<
        number[]
      >`array(select ug.group_id from user_groups ug where ug.user_id = ${sessions.userId} order by 1)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
      ),
    )
    .limit(1)
    .prepare('find_live_session');

/**
 * Runs before every API request, so it is one named prepared statement (PostgreSQL plans it once
 * per connection instead of on every request) that also brings the user's access groups.
 */
const prepared = new WeakMap<Db, ReturnType<typeof liveSessionQuery>>();

/** The live session for a token hash, with its user; null when revoked or past its absolute expiry. */
export async function findLiveSession(
  db: Db,
  tokenHash: string,
): Promise<{ session: SessionRow; user: UserRow; groupIds: number[] } | null> {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = liveSessionQuery(db)));
  const [row] = await query.execute({ tokenHash });
  return row ? { ...row, groupIds: (row.groupIds ?? []).map(Number) } : null;
}

export async function touchSession(db: Db, id: number): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, id));
}

/**
 * S2: gives the session a new id (token) and stage, e.g. after the second factor or a
 * re-authentication, so a token seen before that point is worthless.
 */
export async function rotateSession(
  db: Db,
  id: number,
  values: { tokenHash: string; stage?: SessionStage; freshUntil?: Date | null },
): Promise<void> {
  await db
    .update(sessions)
    .set({ ...values, lastSeenAt: new Date(), challenge: null, challengeExpiresAt: null })
    .where(eq(sessions.id, id));
}

export async function revokeSession(db: Db, id: number): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

/** Ends every session of the user, except `keepId` when given. Returns how many ended. */
export async function revokeAllSessions(db: Db, userId: number, keepId?: number): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), keepId ? ne(sessions.id, keepId) : undefined))
    .returning({ id: sessions.id });
  return ended.length;
}

/** Stores a WebAuthn challenge on the session (five minutes, single use). */
export async function setChallenge(db: Db, id: number, challenge: string): Promise<void> {
  await db
    .update(sessions)
    .set({ challenge, challengeExpiresAt: new Date(Date.now() + 5 * 60_000) })
    .where(eq(sessions.id, id));
}

/** Takes the pending challenge (clearing it, so it cannot be replayed); null when none or expired. */
export async function takeChallenge(db: Db, id: number): Promise<string | null> {
  const [row] = await db
    .select({ challenge: sessions.challenge, expires: sessions.challengeExpiresAt })
    .from(sessions)
    .where(eq(sessions.id, id))
    .limit(1);
  await db.update(sessions).set({ challenge: null, challengeExpiresAt: null }).where(eq(sessions.id, id));
  if (!row?.challenge || !row.expires || row.expires.getTime() < Date.now()) return null;
  return row.challenge;
}
