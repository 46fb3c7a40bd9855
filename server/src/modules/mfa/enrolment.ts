import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { ActingUser } from '../../http/actingUser.js';
import { Conflict, Invalid, NotFound } from '../../http/errors.js';
import { encryptSecret } from '../../lib/envelope.js';
import { appendActivity } from '../activity/activity.repo.js';
import { revokeAllSessions, setChallenge, takeChallenge } from '../auth/sessions.repo.js';
import { notifyUser } from '../notifications/notifications.repo.js';
import { getSecuritySettings } from '../security/securitySettings.js';
import { findUserById } from '../users/users.repo.js';
import { totpContext, totpSecretOf } from './factors.js';
import {
  credentialsOf,
  deleteCredential,
  deleteTotp,
  factorsOf,
  findTotp,
  insertCredential,
  refreshMfaEnabled,
  renameCredential,
  replaceRecoveryCodes,
  savePendingTotp,
  unusedRecoveryCodes,
  useTotpStep,
  type CredentialRow,
} from './mfa.repo.js';
import { hashRecoveryCode, newRecoveryCodes } from './recoveryCodes.js';
import { checkTotp, newTotpSecret, qrDataUrl, totpUri } from './totp.js';
import { registrationOptions, verifyRegistration } from './webauthn.js';

/** Enrolling, listing and removing second factors (A6). Every change is logged and ends other sessions (S2). */

export interface CredentialJson {
  id: number;
  name: string;
  deviceType: string;
  backedUp: boolean;
  createdAt: string;
  lastUsedAt: string | null;
}

export const presentCredential = (c: CredentialRow): CredentialJson => ({
  id: c.id,
  name: c.name,
  deviceType: c.deviceType,
  backedUp: c.backedUp,
  createdAt: c.createdAt.toISOString(),
  lastUsedAt: c.lastUsedAt ? c.lastUsedAt.toISOString() : null,
});

export async function mfaStatus(db: Db, userId: number) {
  const totp = await findTotp(db, userId);
  const settings = await getSecuritySettings(db);
  return {
    required: settings.mfaRequired,
    totp: { enabled: Boolean(totp?.confirmedAt), since: totp?.confirmedAt ? totp.confirmedAt.toISOString() : null },
    webauthn: (await credentialsOf(db, userId)).map(presentCredential),
    recoveryCodesLeft: await unusedRecoveryCodes(db, userId),
  };
}

/** After any factor change: log, notify, end the user's other sessions. */
async function factorChanged(
  tx: Db,
  actor: ActingUser,
  action: string,
  details: Record<string, unknown>,
  title: string,
): Promise<void> {
  await appendActivity(tx, {
    userId: actor.id,
    username: actor.username,
    ip: actor.ip,
    action,
    kind: 'user',
    recordId: actor.id,
    details,
  });
  await notifyUser(tx, actor.id, {
    category: 'security',
    title,
    message:
      'Your sign-in methods changed and your other sessions were ended. If this was not you, tell an administrator now.',
  });
  await revokeAllSessions(tx, actor.id, actor.sessionId);
}

/** New recovery codes (replacing any old ones); the plain codes exist only in this response. */
async function issueRecoveryCodes(tx: Db, config: Config, userId: number): Promise<string[]> {
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(
    tx,
    userId,
    codes.map((c) => hashRecoveryCode(config.secrets.encryptionKey, userId, c)),
  );
  return codes;
}

export async function startTotpEnrolment(db: Db, config: Config, actor: ActingUser) {
  const existing = await findTotp(db, actor.id);
  if (existing?.confirmedAt)
    throw new Conflict('An authenticator app is already set up. Remove it first to set up another.');
  const secret = newTotpSecret();
  await savePendingTotp(db, actor.id, encryptSecret(config.secrets.encryptionKey, secret, totpContext(actor.id)));
  const uri = totpUri(secret, actor.username);
  return { secret, otpauthUrl: uri, qrDataUrl: await qrDataUrl(uri) };
}

export async function confirmTotpEnrolment(
  db: Db,
  config: Config,
  actor: ActingUser,
  code: string,
): Promise<{ recoveryCodes: string[] | null }> {
  const pending = await findTotp(db, actor.id);
  if (!pending || pending.confirmedAt) throw new Conflict('Start the authenticator set-up first.');
  const step = await checkTotp(totpSecretOf(config, actor.id, pending.secretEnc), code, pending.lastStep);
  if (step === null) throw new Invalid({ code: 'is not correct; check the time on your phone and try the next code' });
  return db.transaction(async (tx) => {
    if (!(await useTotpStep(tx, actor.id, step, true)))
      throw new Invalid({ code: 'was already used; wait for the next code' });
    const codes =
      (await unusedRecoveryCodes(tx, actor.id)) === 0 ? await issueRecoveryCodes(tx, config, actor.id) : null;
    await refreshMfaEnabled(tx, actor.id);
    await factorChanged(tx, actor, 'MFA_ENROL', { method: 'totp' }, 'Authenticator app added');
    return { recoveryCodes: codes };
  });
}

/** Refuses to remove the last factor while MFA is enforced (the user would be locked into enrolment). */
async function assertNotLastFactor(db: Db, userId: number, removing: 'totp' | 'webauthn'): Promise<void> {
  const settings = await getSecuritySettings(db);
  if (!settings.mfaRequired) return;
  const f = await factorsOf(db, userId);
  const left = (removing === 'totp' ? 0 : Number(f.totp)) + (removing === 'webauthn' ? f.webauthn - 1 : f.webauthn);
  if (left <= 0)
    throw new Conflict('Two-factor sign-in is required here: add another method before removing this one.');
}

export async function removeTotp(db: Db, actor: ActingUser): Promise<void> {
  const totp = await findTotp(db, actor.id);
  if (!totp) throw new NotFound('No authenticator app is set up.');
  if (totp.confirmedAt) await assertNotLastFactor(db, actor.id, 'totp');
  await db.transaction(async (tx) => {
    await deleteTotp(tx, actor.id);
    await refreshMfaEnabled(tx, actor.id);
    await factorChanged(tx, actor, 'MFA_REMOVE', { method: 'totp' }, 'Authenticator app removed');
  });
}

export async function regenerateRecoveryCodes(
  db: Db,
  config: Config,
  actor: ActingUser,
): Promise<{ recoveryCodes: string[] }> {
  const f = await factorsOf(db, actor.id);
  if (!f.totp && f.webauthn === 0) throw new Conflict('Set up an authenticator app or a security key first.');
  return db.transaction(async (tx) => {
    const codes = await issueRecoveryCodes(tx, config, actor.id);
    await factorChanged(tx, actor, 'MFA_RECOVERY_CODES', { count: codes.length }, 'New recovery codes created');
    return { recoveryCodes: codes };
  });
}

export async function startKeyRegistration(db: Db, config: Config, actor: ActingUser) {
  const user = await findUserById(db, actor.id);
  if (!user) throw new NotFound();
  const options = await registrationOptions(config, user, await credentialsOf(db, actor.id));
  await setChallenge(db, actor.sessionId, options.challenge);
  return options;
}

export async function finishKeyRegistration(
  db: Db,
  config: Config,
  actor: ActingUser,
  name: string,
  response: RegistrationResponseJSON,
): Promise<{ credential: CredentialJson; recoveryCodes: string[] | null }> {
  const challenge = await takeChallenge(db, actor.sessionId);
  if (!challenge) throw new Conflict('The security key request expired. Start again.');
  const verified = await verifyRegistration(config, response, challenge);
  if (!verified) throw new Invalid({ response: 'the security key answer could not be verified' });
  return db.transaction(async (tx) => {
    const row = await insertCredential(tx, { userId: actor.id, name, ...verified });
    const codes =
      (await unusedRecoveryCodes(tx, actor.id)) === 0 ? await issueRecoveryCodes(tx, config, actor.id) : null;
    await refreshMfaEnabled(tx, actor.id);
    await factorChanged(tx, actor, 'MFA_ENROL', { method: 'webauthn', name }, 'Security key added');
    return { credential: presentCredential(row), recoveryCodes: codes };
  });
}

export async function renameKey(db: Db, actor: ActingUser, id: number, name: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await renameCredential(tx, actor.id, id, name))) throw new NotFound('No such security key.');
    await appendActivity(tx, {
      userId: actor.id,
      username: actor.username,
      ip: actor.ip,
      action: 'MFA_RENAME',
      kind: 'user',
      recordId: actor.id,
      details: { id, name },
    });
  });
}

export async function removeKey(db: Db, actor: ActingUser, id: number): Promise<void> {
  const owned = (await credentialsOf(db, actor.id)).some((c) => c.id === id);
  if (!owned) throw new NotFound('No such security key.');
  await assertNotLastFactor(db, actor.id, 'webauthn');
  await db.transaction(async (tx) => {
    const row = await deleteCredential(tx, actor.id, id);
    await refreshMfaEnabled(tx, actor.id);
    await factorChanged(tx, actor, 'MFA_REMOVE', { method: 'webauthn', name: row?.name ?? '' }, 'Security key removed');
  });
}

/** Admin: removes every factor of a user who lost them (no self-service recovery: A4). */
export async function resetUserMfa(db: Db, admin: ActingUser, userId: number): Promise<void> {
  const user = await findUserById(db, userId);
  if (!user) throw new NotFound('No such user.');
  await db.transaction(async (tx) => {
    await deleteTotp(tx, userId);
    for (const c of await credentialsOf(tx, userId)) await deleteCredential(tx, userId, c.id);
    await refreshMfaEnabled(tx, userId);
    await revokeAllSessions(tx, userId);
    await appendActivity(tx, {
      userId: admin.id,
      username: admin.username,
      ip: admin.ip,
      action: 'MFA_RESET',
      kind: 'user',
      recordId: userId,
      details: { username: user.username },
    });
    await notifyUser(tx, userId, {
      category: 'security',
      title: 'Your two-factor methods were reset by an administrator',
      urgent: true,
    });
  });
}
