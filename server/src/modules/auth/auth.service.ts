import type { Config } from '../../config.js';
import type { CounterStore } from '../../counters/counterStore.js';
import type { Db } from '../../db/client.js';
import type { Role } from '../../http/actingUser.js';
import { AppError, Forbidden, RateLimited, Unauthenticated } from '../../http/errors.js';
import { appendActivity } from '../activity/activity.repo.js';
import { getSecuritySettings } from '../security/securitySettings.js';
import { findUserByUsername } from '../users/users.repo.js';
import { verifyCaptcha } from './captcha.js';
import { burnPasswordTime, verifyPassword } from './passwords.js';
import { revokeSession } from './sessions.repo.js';
import { startSession, type RequestContext, type SignInResult } from './signIn.js';
import { clearFailures, ipKey, lockedFor, recentFailures, recordFailure, userKey } from './throttle.js';

export const LOGIN_FAILED_MESSAGE = 'Wrong username or password.';
export type { RequestContext } from './signIn.js';

/** Logs a failed attempt and counts it toward the lockout; logs the lockout when it starts (A3, A5). */
export async function failAttempt(
  db: Db,
  counters: CounterStore,
  config: Config,
  who: { userId: number | null; username: string },
  ctx: RequestContext,
  action: string,
  reason: string,
): Promise<void> {
  const result = await recordFailure(counters, config.lockout, who.username, ctx.ip);
  await db.transaction(async (tx) => {
    await appendActivity(tx, {
      userId: who.userId,
      username: who.username.slice(0, 64),
      action,
      outcome: 'FAILURE',
      kind: 'user',
      recordId: who.userId,
      ip: ctx.ip,
      details: { reason },
    });
    if (result.lockedSeconds) {
      await appendActivity(tx, {
        userId: who.userId,
        username: who.username.slice(0, 64),
        action: 'LOCKOUT',
        outcome: 'DENIED',
        kind: 'user',
        recordId: who.userId,
        ip: ctx.ip,
        details: { by: result.lockedKey, seconds: result.lockedSeconds },
      });
    }
  });
}

/** Refuses with 429 while the username or the IP is locked (A5). */
export async function refuseIfLocked(counters: CounterStore, username: string, ip: string): Promise<void> {
  const wait = await lockedFor(counters, [userKey(username), ipKey(ip)]);
  if (wait > 0)
    throw new RateLimited(
      wait,
      'Too many failed attempts. Try again later or ask an administrator to unlock the account.',
    );
}

/** Password sign-in: lockout, CAPTCHA, timing-equalised check, then a session (maybe half-signed-in). */
export async function passwordLogin(
  db: Db,
  counters: CounterStore,
  config: Config,
  credentials: { username: string; password: string; captcha?: string | undefined },
  ctx: RequestContext,
): Promise<SignInResult> {
  await refuseIfLocked(counters, credentials.username, ctx.ip);
  const settings = await getSecuritySettings(db);
  if (config.recaptcha && settings.captchaAfterFailures > 0) {
    const failures = await recentFailures(
      counters,
      [userKey(credentials.username), ipKey(ctx.ip)],
      config.lockout.windowMinutes,
    );
    if (failures >= settings.captchaAfterFailures) {
      const ok = credentials.captcha ? await verifyCaptcha(config.recaptcha, credentials.captcha, ctx.ip) : false;
      if (!ok) throw new AppError('captcha_required', 'Confirm you are not a robot, then sign in again.');
    }
  }
  const user = await findUserByUsername(db, credentials.username);
  const ok = user && user.active ? await verifyPassword(user.passwordHash, credentials.password) : false;
  if (!user || !user.active) await burnPasswordTime(credentials.password);
  if (!user || !ok) {
    const reason = !user ? 'unknown user' : !user.active ? 'inactive' : 'wrong password';
    await failAttempt(
      db,
      counters,
      config,
      { userId: user?.id ?? null, username: credentials.username },
      ctx,
      'LOGIN',
      reason,
    );
    throw new Unauthenticated(LOGIN_FAILED_MESSAGE);
  }
  if (settings.mode === 'adminsOnly' && !(user.roles as Role[]).includes('Admin')) {
    await db.transaction((tx) =>
      appendActivity(tx, {
        userId: user.id,
        username: user.username,
        action: 'LOGIN',
        outcome: 'DENIED',
        kind: 'user',
        recordId: user.id,
        ip: ctx.ip,
        details: { reason: 'admins-only mode' },
      }),
    );
    throw new Forbidden('Sign-in is limited to administrators at the moment.');
  }
  // With a second factor the failures are cleared when it passes (completeSignIn), not here.
  if (!user.mfaEnabled) await clearFailures(counters, user.username);
  return startSession(db, config, user, ctx, 'password');
}

export async function logout(
  db: Db,
  actor: { id: number; username: string; sessionId: number; ip: string },
): Promise<void> {
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
