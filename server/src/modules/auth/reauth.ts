import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { Config } from '../../config.js';
import type { CounterStore } from '../../counters/counterStore.js';
import type { Db } from '../../db/client.js';
import type { ActingUser } from '../../http/actingUser.js';
import { Invalid, NotFound } from '../../http/errors.js';
import { appendActivity } from '../activity/activity.repo.js';
import type { FactorProof } from '../mfa/factors.js';
import { findUserById } from '../users/users.repo.js';
import { failAttempt, refuseIfLocked } from './auth.service.js';
import { verifyPassword } from './passwords.js';
import { proveFactor } from './secondFactor.js';
import { refreshSession } from './signIn.js';

/**
 * A8 "sudo mode": the password again, and the second factor when the user has one. Wrong
 * answers count toward the lockout. Success rotates the session id (S2) and opens the window.
 */
export async function reauthenticate(
  db: Db,
  counters: CounterStore,
  config: Config,
  actor: ActingUser,
  body: { password: string; code?: string | undefined; recoveryCode?: string | undefined; webauthn?: unknown },
): Promise<{ token: string; tokenHash: string; freshUntil: Date }> {
  await refuseIfLocked(counters, actor.username, actor.ip);
  const user = await findUserById(db, actor.id);
  if (!user) throw new NotFound();
  if (!(await verifyPassword(user.passwordHash, body.password))) {
    await failAttempt(
      db,
      counters,
      config,
      { userId: user.id, username: user.username },
      { ip: actor.ip, userAgent: '' },
      'REAUTH',
      'wrong password',
    );
    throw new Invalid({ password: 'is not correct' }, 'That password is not correct.');
  }
  if (user.mfaEnabled) {
    const proof: FactorProof | null = body.webauthn
      ? { kind: 'webauthn', response: body.webauthn as AuthenticationResponseJSON }
      : body.code
        ? { kind: 'totp', code: body.code }
        : body.recoveryCode
          ? { kind: 'recovery', code: body.recoveryCode }
          : null;
    if (!proof) throw new Invalid({ code: 'required: your authenticator code or security key' });
    await proveFactor(db, counters, config, actor, proof, { endSessionOnLock: false });
  }
  const fresh = await refreshSession(db, config, actor.sessionId);
  await db.transaction((tx) =>
    appendActivity(tx, {
      userId: actor.id,
      username: actor.username,
      ip: actor.ip,
      action: 'REAUTH',
      kind: 'user',
      recordId: actor.id,
    }),
  );
  return fresh;
}
