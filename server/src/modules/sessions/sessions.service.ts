import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { sessions, users } from '../../db/schema/index.js';
import { isAdmin, type ActingUser } from '../../http/actingUser.js';
import { NotFound } from '../../http/errors.js';
import { appendActivity } from '../activity/activity.repo.js';
import { revokeAllSessions, revokeSession } from '../auth/sessions.repo.js';
import { notifyUser } from '../notifications/notifications.repo.js';
import { findUserById } from '../users/users.repo.js';
import { describeBrowser } from './userAgent.js';

export interface SessionJson {
  id: number;
  user: { id: number; username: string; name: string };
  ip: string | null;
  userAgent: string;
  browser: string;
  stage: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
}

/** Live sessions (not revoked, not past their absolute or idle expiry), newest activity first (S4). */
export async function listSessions(
  db: Db,
  config: Config,
  viewer: ActingUser,
  query: { userId?: number | undefined; limit: number; cursor?: number | undefined },
): Promise<{ items: SessionJson[]; nextCursor: string | null; total: number }> {
  const idleCutoff = new Date(Date.now() - config.sessionIdleMinutes * 60_000);
  const live = and(
    isNull(sessions.revokedAt),
    gt(sessions.expiresAt, sql`now()`),
    gt(sessions.lastSeenAt, idleCutoff),
    query.userId ? eq(sessions.userId, query.userId) : undefined,
  );
  const found = await db
    .select({ s: sessions, u: { id: users.id, username: users.username, name: users.name } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(live, query.cursor ? lt(sessions.id, query.cursor) : undefined))
    .orderBy(desc(sessions.id))
    .limit(query.limit + 1);
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sessions)
    .where(live);
  const page = found.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ s, u }) => ({
      id: s.id,
      user: u,
      ip: s.ip,
      userAgent: s.userAgent,
      browser: describeBrowser(s.userAgent),
      stage: s.stage,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      current: s.id === viewer.sessionId,
    })),
    nextCursor: found.length > query.limit && last ? String(last.s.id) : null,
    total: total?.n ?? 0,
  };
}

/** Ends one session: one's own, or anyone's for an admin; others' sessions are 404 to non-admins. */
export async function revokeOne(db: Db, actor: ActingUser, id: number): Promise<void> {
  const [row] = await db
    .select({ userId: sessions.userId, revokedAt: sessions.revokedAt })
    .from(sessions)
    .where(eq(sessions.id, id))
    .limit(1);
  if (!row || (row.userId !== actor.id && !isAdmin(actor))) throw new NotFound('No such session.');
  await db.transaction(async (tx) => {
    await revokeSession(tx, id);
    await appendActivity(tx, {
      userId: actor.id,
      username: actor.username,
      ip: actor.ip,
      action: 'SESSION_REVOKE',
      kind: 'session',
      recordId: id,
      details: { userId: row.userId },
    });
    if (row.userId !== actor.id)
      await notifyUser(tx, row.userId, { category: 'security', title: 'An administrator ended one of your sessions' });
  });
}

export async function revokeUserSessions(db: Db, admin: ActingUser, userId: number): Promise<number> {
  const user = await findUserById(db, userId);
  if (!user) throw new NotFound('No such user.');
  return db.transaction(async (tx) => {
    const ended = await revokeAllSessions(tx, userId, userId === admin.id ? admin.sessionId : undefined);
    await appendActivity(tx, {
      userId: admin.id,
      username: admin.username,
      ip: admin.ip,
      action: 'SESSION_REVOKE_ALL',
      kind: 'user',
      recordId: userId,
      details: { ended },
    });
    return ended;
  });
}

/** Security mode action: every session but the caller's ends at once. */
export async function revokeEverySession(db: Db, admin: ActingUser): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await tx
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(isNull(sessions.revokedAt), sql`${sessions.id} <> ${admin.sessionId}`))
      .returning({ id: sessions.id });
    await appendActivity(tx, {
      userId: admin.id,
      username: admin.username,
      ip: admin.ip,
      action: 'SESSION_REVOKE_EVERYONE',
      kind: 'session',
      details: { ended: ended.length },
    });
    return ended.length;
  });
}
