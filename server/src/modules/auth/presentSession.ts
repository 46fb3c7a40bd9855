import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { getSecuritySettings } from '../security/securitySettings.js';
import { presentUser } from '../users/users.presenter.js';
import { groupsOfUser, type UserRow } from '../users/users.repo.js';
import { methodsFor } from './signIn.js';
import { csrfTokenFor } from './tokens.js';

/**
 * The answer to a sign-in step (API.md): `{user, csrfToken}` when signed in, or
 * `{mfaRequired: true, methods, csrfToken}` while the second factor is due. Extra fields tell
 * the UI where to lead the user next (temporary password, enforced enrolment).
 */
export async function signInAnswer(db: Db, config: Config, user: UserRow, tokenHash: string, stage: 'mfa' | 'full') {
  const csrfToken = csrfTokenFor(config.secrets.sessionKey, tokenHash);
  if (stage === 'mfa') return { mfaRequired: true as const, methods: await methodsFor(db, user.id), csrfToken };
  const settings = await getSecuritySettings(db);
  return {
    user: presentUser(user, await groupsOfUser(db, user.id)),
    csrfToken,
    mustChangePassword: user.mustChangePassword,
    mfaEnrolmentRequired: settings.mfaRequired && !user.mfaEnabled,
  };
}
