import { and, eq, ne, sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { sessions } from '../../db/schema/index.js';
import { appendActivity } from '../activity/activity.repo.js';
import { factorsOf } from '../mfa/mfa.repo.js';
import { notifyUser } from '../notifications/notifications.repo.js';
import { getSecuritySettings } from '../security/securitySettings.js';
import { updateUser, type UserRow } from '../users/users.repo.js';
import { insertSession, revokeAllSessions, rotateSession } from './sessions.repo.js';
import { hashToken, newSessionToken } from './tokens.js';
import type { CounterStore } from '../../counters/counterStore.js';
import { clearFailures } from './throttle.js';

export interface RequestContext {
  ip: string;
  userAgent: string;
}

export interface SignInResult {
  stage: 'mfa' | 'full';
  user: UserRow;
  token: string;
  tokenHash: string;
}

export type MfaMethod = 'totp' | 'webauthn' | 'recovery';

/** The second-factor methods a user can answer with, in the order the UI offers them. */
export async function methodsFor(db: Db, userId: number): Promise<MfaMethod[]> {
  const f = await factorsOf(db, userId);
  const methods: MfaMethod[] = [];
  if (f.webauthn > 0) methods.push('webauthn');
  if (f.totp) methods.push('totp');
  if (f.recoveryCodes > 0) methods.push('recovery');
  return methods;
}

const freshFor = (config: Config) => new Date(Date.now() + config.reauthMinutes * 60_000);

/** Work shared by every completed sign-in: single-session rule, last login, log, new-IP notice. */
async function finishSignIn(
  tx: Db,
  config: Config,
  user: UserRow,
  sessionId: number,
  ctx: RequestContext,
  via: string,
): Promise<void> {
  const settings = await getSecuritySettings(tx);
  if (settings.singleSession) await revokeAllSessions(tx, user.id, sessionId);
  // A sign-in from an address this user never used before is worth telling them about (§7).
  const [seen] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(sessions)
    .where(
      and(eq(sessions.userId, user.id), ne(sessions.id, sessionId), sql`${sessions.ip} = ${ctx.ip || null}::inet`),
    );
  const [any] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(sessions)
    .where(and(eq(sessions.userId, user.id), ne(sessions.id, sessionId)));
  if ((any?.n ?? 0) > 0 && (seen?.n ?? 0) === 0) {
    await notifyUser(tx, user.id, {
      category: 'security',
      title: 'Sign-in from a new address',
      message: `Your account signed in from ${ctx.ip || 'an unknown address'} (${ctx.userAgent.slice(0, 120) || 'unknown browser'}). If this was not you, tell an administrator now.`,
      urgent: true,
    });
  }
  await updateUser(tx, user.id, { lastLoginAt: new Date(), lastLoginIp: ctx.ip });
  await appendActivity(tx, {
    userId: user.id,
    username: user.username,
    action: 'LOGIN',
    kind: 'user',
    recordId: user.id,
    ip: ctx.ip,
    details: { via, userAgent: ctx.userAgent.slice(0, 200) },
  });
}

/**
 * Opens a new session after the first factor (password or OIDC). With MFA the session is
 * half-signed-in ('mfa') and reaches only the second-factor routes until completed.
 */
export async function startSession(
  db: Db,
  config: Config,
  user: UserRow,
  ctx: RequestContext,
  via: 'password' | 'oidc',
): Promise<SignInResult> {
  const token = newSessionToken();
  const tokenHash = hashToken(token);
  const stage = user.mfaEnabled ? 'mfa' : 'full';
  await db.transaction(async (tx) => {
    const session = await insertSession(tx, {
      tokenHash,
      userId: user.id,
      ip: ctx.ip || null,
      userAgent: ctx.userAgent.slice(0, 512),
      expiresAt: new Date(Date.now() + config.sessionAbsoluteHours * 3600_000),
      stage,
      freshUntil: stage === 'full' ? freshFor(config) : null,
    });
    if (stage === 'full') await finishSignIn(tx, config, user, session.id, ctx, via);
    else {
      await appendActivity(tx, {
        userId: user.id,
        username: user.username,
        action: 'LOGIN_FIRST_FACTOR',
        kind: 'user',
        recordId: user.id,
        ip: ctx.ip,
        details: { via },
      });
    }
  });
  return { stage, user, token, tokenHash };
}

/** The second factor passed: a new session id (S2), full stage, fresh for sudo mode. */
export async function completeSignIn(
  db: Db,
  counters: CounterStore,
  config: Config,
  user: UserRow,
  sessionId: number,
  ctx: RequestContext,
  method: MfaMethod,
): Promise<{ token: string; tokenHash: string }> {
  const token = newSessionToken();
  const tokenHash = hashToken(token);
  await db.transaction(async (tx) => {
    await rotateSession(tx, sessionId, { tokenHash, stage: 'full', freshUntil: freshFor(config) });
    await finishSignIn(tx, config, user, sessionId, ctx, `mfa:${method}`);
  });
  // Only a whole sign-in clears the username's failures: a right password alone must not, or
  // wrong codes could be retried forever by signing in again between them (A5).
  await clearFailures(counters, user.username);
  return { token, tokenHash };
}

/** Re-authentication passed: a new session id and a fresh sudo window (A8, S2). */
export async function refreshSession(
  db: Db,
  config: Config,
  sessionId: number,
): Promise<{ token: string; tokenHash: string; freshUntil: Date }> {
  const token = newSessionToken();
  const tokenHash = hashToken(token);
  const freshUntil = freshFor(config);
  await rotateSession(db, sessionId, { tokenHash, freshUntil });
  return { token, tokenHash, freshUntil };
}
