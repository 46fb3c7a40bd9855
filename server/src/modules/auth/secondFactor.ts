import type { Config } from '../../config.js';
import type { CounterStore } from '../../counters/counterStore.js';
import type { Db } from '../../db/client.js';
import type { ActingUser } from '../../http/actingUser.js';
import { Invalid } from '../../http/errors.js';
import { checkFactor, type FactorProof } from '../mfa/factors.js';
import { failAttempt, refuseIfLocked } from './auth.service.js';
import { revokeSession } from './sessions.repo.js';
import { lockedFor, userKey } from './throttle.js';

const field: Record<FactorProof['kind'], string> = { totp: 'code', recovery: 'code', webauthn: 'response' };

/**
 * Checks a second factor under the same lockout as passwords (A5, A6): refused while locked,
 * each wrong answer counted; when a lock starts, a half-signed-in session is ended too.
 */
export async function proveFactor(
  db: Db,
  counters: CounterStore,
  config: Config,
  actor: ActingUser,
  proof: FactorProof,
  opts: { endSessionOnLock: boolean },
): Promise<void> {
  await refuseIfLocked(counters, actor.username, actor.ip);
  const ok = await checkFactor(db, config, actor, actor.sessionId, proof, actor.ip);
  if (ok) return;
  await failAttempt(
    db,
    counters,
    config,
    { userId: actor.id, username: actor.username },
    { ip: actor.ip, userAgent: '' },
    'MFA_VERIFY',
    `wrong ${proof.kind}`,
  );
  if (opts.endSessionOnLock && (await lockedFor(counters, [userKey(actor.username)])) > 0)
    await revokeSession(db, actor.sessionId);
  throw new Invalid({ [field[proof.kind]]: 'is not correct' }, 'That code or key was not accepted.');
}
