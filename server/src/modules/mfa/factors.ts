import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { decryptSecret } from '../../lib/envelope.js';
import { appendActivity } from '../activity/activity.repo.js';
import { setChallenge, takeChallenge } from '../auth/sessions.repo.js';
import { notifyUser } from '../notifications/notifications.repo.js';
import {
  consumeRecoveryCode,
  credentialsOf,
  findCredential,
  findTotp,
  markCredentialUsed,
  unusedRecoveryCodes,
  useTotpStep,
} from './mfa.repo.js';
import { hashRecoveryCode } from './recoveryCodes.js';
import { checkTotp } from './totp.js';
import { authenticationOptions, verifyAuthentication } from './webauthn.js';

/** Checking a presented second factor (sign-in second step and re-authentication). */

export const totpContext = (userId: number): string => `totp:user:${userId}`;

export function totpSecretOf(config: Config, userId: number, secretEnc: string): string {
  return decryptSecret(config.secrets.encryptionKey, secretEnc, totpContext(userId));
}

/** A confirmed authenticator's code, accepted once per time step. */
export async function checkUserTotp(db: Db, config: Config, userId: number, code: string): Promise<boolean> {
  const totp = await findTotp(db, userId);
  if (!totp?.confirmedAt) return false;
  const step = await checkTotp(totpSecretOf(config, userId, totp.secretEnc), code, totp.lastStep);
  return step !== null && (await useTotpStep(db, userId, step, false));
}

/** Spends one recovery code; tells the user (and logs) so a stolen code's use is noticed. */
export async function spendRecoveryCode(
  db: Db,
  config: Config,
  user: { id: number; username: string },
  code: string,
  ip: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const ok = await consumeRecoveryCode(tx, user.id, hashRecoveryCode(config.secrets.encryptionKey, user.id, code));
    if (!ok) return false;
    const left = await unusedRecoveryCodes(tx, user.id);
    await appendActivity(tx, {
      userId: user.id,
      username: user.username,
      action: 'MFA_RECOVERY_CODE_USED',
      kind: 'user',
      recordId: user.id,
      ip,
      details: { left },
    });
    await notifyUser(tx, user.id, {
      category: 'security',
      title: 'A recovery code was used',
      message: `A recovery code was used to sign in to your account. ${left} left. If this was not you, tell an administrator now.`,
      urgent: true,
    });
    return true;
  });
}

/** Starts a WebAuthn assertion for the session: options for the browser, challenge kept server-side. */
export async function startWebauthnAssertion(db: Db, config: Config, sessionId: number, userId: number) {
  const creds = await credentialsOf(db, userId);
  const options = await authenticationOptions(config, creds);
  await setChallenge(db, sessionId, options.challenge);
  return options;
}

export async function checkWebauthnAssertion(
  db: Db,
  config: Config,
  sessionId: number,
  userId: number,
  response: AuthenticationResponseJSON,
): Promise<boolean> {
  const challenge = await takeChallenge(db, sessionId);
  if (!challenge) return false;
  const credential = await findCredential(db, userId, response.id);
  if (!credential) return false;
  const counter = await verifyAuthentication(config, response, challenge, credential);
  if (counter === null) return false;
  await markCredentialUsed(db, credential.id, counter);
  return true;
}

export type FactorProof =
  | { kind: 'totp'; code: string }
  | { kind: 'recovery'; code: string }
  | { kind: 'webauthn'; response: AuthenticationResponseJSON };

export async function checkFactor(
  db: Db,
  config: Config,
  user: { id: number; username: string },
  sessionId: number,
  proof: FactorProof,
  ip: string,
): Promise<boolean> {
  switch (proof.kind) {
    case 'totp':
      return checkUserTotp(db, config, user.id, proof.code);
    case 'recovery':
      return spendRecoveryCode(db, config, user, proof.code, ip);
    case 'webauthn':
      return checkWebauthnAssertion(db, config, sessionId, user.id, proof.response);
  }
}
