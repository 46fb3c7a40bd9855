import { sql } from 'drizzle-orm';
import type { Config, OidcConfig } from '../../config.js';
import type { CounterStore } from '../../counters/counterStore.js';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import type { Role } from '../../http/actingUser.js';
import { Forbidden, Unauthenticated } from '../../http/errors.js';
import { appendActivity } from '../activity/activity.repo.js';
import { getSecuritySettings } from '../security/securitySettings.js';
import { updateUser, type UserRow } from '../users/users.repo.js';
import { refuseIfLocked } from './auth.service.js';
import { OidcError, redeemCode } from './oidcClient.js';
import { startSession, type RequestContext, type SignInResult } from './signIn.js';

const REFUSED = 'Single sign-on did not sign you in. Use an account an administrator created for this e-mail address.';

async function logFailure(db: Db, ctx: RequestContext, reason: string, user?: UserRow): Promise<void> {
  await db.transaction((tx) =>
    appendActivity(tx, {
      userId: user?.id ?? null,
      username: user?.username ?? '',
      action: 'LOGIN',
      outcome: 'FAILURE',
      kind: 'user',
      recordId: user?.id ?? null,
      ip: ctx.ip,
      details: { via: 'oidc', reason },
    }),
  );
}

/**
 * A7: only an existing, active user whose verified e-mail (in an allowed domain) matches; the
 * provider's subject is bound at the first sign-in and must match afterwards. Lockout and the
 * second factor apply exactly as for a password.
 */
export async function oidcSignIn(
  db: Db,
  counters: CounterStore,
  config: Config,
  oidc: OidcConfig,
  redirectUri: string,
  code: string,
  pending: { nonce: string; verifier: string },
  ctx: RequestContext,
): Promise<SignInResult> {
  let claims;
  try {
    claims = await redeemCode(oidc, redirectUri, code, pending.verifier, pending.nonce);
  } catch (err) {
    await logFailure(db, ctx, err instanceof OidcError ? err.message : 'provider error');
    throw new Unauthenticated(REFUSED);
  }
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${claims.email} and ${users.active}`)
    .limit(2)
    .then((found) => (found.length === 1 ? found : []));
  if (!user) {
    await logFailure(db, ctx, `no single active user with e-mail ${claims.email}`);
    throw new Unauthenticated(REFUSED);
  }
  if (user.oidcSubject && user.oidcSubject !== claims.sub) {
    await logFailure(db, ctx, 'subject does not match the bound account', user);
    throw new Unauthenticated(REFUSED);
  }
  await refuseIfLocked(counters, user.username, ctx.ip);
  const settings = await getSecuritySettings(db);
  if (settings.mode === 'adminsOnly' && !(user.roles as Role[]).includes('Admin'))
    throw new Forbidden('Sign-in is limited to administrators at the moment.');
  if (!user.oidcSubject) {
    await db.transaction(async (tx) => {
      await updateUser(tx, user.id, { oidcSubject: claims.sub });
      await appendActivity(tx, {
        userId: user.id,
        username: user.username,
        action: 'OIDC_BIND',
        kind: 'user',
        recordId: user.id,
        ip: ctx.ip,
        details: { issuer: oidc.issuer },
      });
    });
  }
  return startSession(db, config, user, ctx, 'oidc');
}
