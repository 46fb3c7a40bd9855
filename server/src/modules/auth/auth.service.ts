import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { Unauthenticated } from '../../http/errors.js';
import { appendActivity } from '../activity/activity.repo.js';
import { findUserByUsername, updateUser, type UserRow } from '../users/users.repo.js';
import { burnPasswordTime, verifyPassword } from './passwords.js';
import { insertSession, revokeSession } from './sessions.repo.js';
import { hashToken, newSessionToken } from './tokens.js';

export const LOGIN_FAILED_MESSAGE = 'Wrong username or password.';

export interface RequestContext {
  ip: string;
  userAgent: string;
}

/** Checks the password and opens a fresh session (a new id every login: S2). */
export async function login(
  db: Db,
  config: Config,
  credentials: { username: string; password: string },
  ctx: RequestContext,
): Promise<{ user: UserRow; token: string; tokenHash: string }> {
  const user = await findUserByUsername(db, credentials.username);
  const ok = user && user.active ? await verifyPassword(user.passwordHash, credentials.password) : false;
  if (!user || !user.active) await burnPasswordTime(credentials.password);
  if (!user || !ok) {
    await db.transaction((tx) =>
      appendActivity(tx, {
        userId: user?.id ?? null,
        username: credentials.username.slice(0, 64),
        action: 'LOGIN',
        outcome: 'FAILURE',
        kind: 'user',
        recordId: user?.id ?? null,
        ip: ctx.ip,
        details: { reason: !user ? 'unknown user' : !user.active ? 'inactive' : 'wrong password' },
      }),
    );
    throw new Unauthenticated(LOGIN_FAILED_MESSAGE);
  }
  const token = newSessionToken();
  const tokenHash = hashToken(token);
  await db.transaction(async (tx) => {
    await insertSession(tx, {
      tokenHash,
      userId: user.id,
      ip: ctx.ip || null,
      userAgent: ctx.userAgent.slice(0, 512),
      expiresAt: new Date(Date.now() + config.sessionAbsoluteHours * 3600_000),
    });
    await updateUser(tx, user.id, { lastLoginAt: new Date(), lastLoginIp: ctx.ip });
    await appendActivity(tx, {
      userId: user.id,
      username: user.username,
      action: 'LOGIN',
      kind: 'user',
      recordId: user.id,
      ip: ctx.ip,
      details: { userAgent: ctx.userAgent.slice(0, 200) },
    });
  });
  return { user, token, tokenHash };
}

export async function logout(db: Db, actor: { id: number; username: string; sessionId: number; ip: string }): Promise<void> {
  await db.transaction(async (tx) => {
    await revokeSession(tx, actor.sessionId);
    await appendActivity(tx, {
      userId: actor.id,
      username: actor.username,
      action: 'LOGOUT',
      kind: 'user',
      recordId: actor.id,
      ip: actor.ip,
    });
  });
}
