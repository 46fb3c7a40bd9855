import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, makeUser, signedIn, testApp, TEST_PASSWORD, type TestContext } from '../helpers.js';
import { ageSession, clientFrom, enrolTotp, postLogin, startLogin, totpCode } from './securityHelpers.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testApp();
});
afterAll(() => ctx.close());

describe('A8 re-authentication (sudo mode) and A4 admin password reset', () => {
  it('A8 every sensitive route declares sudo mode (users, groups, settings, security, MFA changes, export approval)', () => {
    const sensitive = ctx.app.routeTable.filter(
      (r) =>
        r.method === 'POST' &&
        (/^\/api\/(users|groups|settings|security)(\/|$)/.test(r.url) ||
          /^\/api\/auth\/mfa\/(totp\/(setup|confirm|remove)|recovery-codes|webauthn\/register|webauthn\/:id\/remove)/.test(
            r.url,
          ) ||
          /^\/api\/exports?\/.*approve/.test(r.url)) &&
        // Ending sessions is protective: allowed without re-authentication.
        !/sessions\/revoke$/.test(r.url),
    );
    expect(sensitive.length).toBeGreaterThan(10);
    expect(sensitive.filter((r) => !r.fresh).map((r) => r.url)).toEqual([]);
  });

  it('A8 a stale session gets 403 reauth_required; password (and factor) reopen the window', async () => {
    const admin = await signedIn(ctx, { roles: ['Admin'] });
    await ageSession(ctx, admin, 'fresh_until', 1);
    const stale = await admin.post('/api/groups', { name: 'Stale team' });
    expect(stale.statusCode).toBe(403);
    expect(stale.json().error).toMatchObject({ code: 'reauth_required' });
    const wrong = await admin.post('/api/auth/reauth', { password: 'not-my-password-1' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({ password: 'is not correct' });
    const re = await admin.post('/api/auth/reauth', { password: TEST_PASSWORD });
    expect(re.statusCode).toBe(200);
    expect(Date.parse(re.json().freshUntil)).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect((await clientFrom(ctx, re, admin).post('/api/groups', { name: 'Fresh team' })).statusCode).toBe(201);
  });

  it('A8 with MFA the re-authentication needs the second factor too', async () => {
    const user = await makeUser(ctx);
    const { client, secret } = await enrolTotp(await login(ctx, user.username));
    expect((await client.post('/api/auth/reauth', { password: TEST_PASSWORD })).json().error.fields).toHaveProperty(
      'code',
    );
    expect((await client.post('/api/auth/reauth', { password: TEST_PASSWORD, code: '000000' })).statusCode).toBe(400);
    expect(
      (await client.post('/api/auth/reauth', { password: TEST_PASSWORD, code: await totpCode(secret, 1) })).statusCode,
    ).toBe(200);
  });

  it('A4 an admin reset forces a change at next sign-in, ends every session, and MFA still applies', async () => {
    const user = await makeUser(ctx, { roles: ['DA'] });
    const { secret, recoveryCodes } = await enrolTotp(await login(ctx, user.username));
    const before = await startLogin(ctx, user.username);
    const beforeFull = clientFrom(
      ctx,
      await before.client.post('/api/auth/mfa/totp', { code: await totpCode(secret, 1) }),
      before.client,
    );
    const admin = await signedIn(ctx, { roles: ['Admin'] });
    const reset = await admin.post(`/api/users/${user.id}/password`, { password: 'temporary-lantern-77-orbit' });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().mustChangePassword).toBe(true);
    expect((await beforeFull.get('/api/auth/session')).statusCode).toBe(401);

    const { client: half, body } = await startLogin(ctx, user.username, 'temporary-lantern-77-orbit');
    expect(body.mfaRequired).toBe(true);
    // The authenticator's codes for this minute are spent (no replay), so use a recovery code.
    const signed = await half.post('/api/auth/mfa/recovery', { code: recoveryCodes[0] });
    expect(signed.json().mustChangePassword).toBe(true);
    const client = clientFrom(ctx, signed, half);
    const blocked = await client.get('/api/bulletins');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_change_required');
    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
    const weak = await client.post('/api/auth/password', {
      currentPassword: 'temporary-lantern-77-orbit',
      newPassword: 'password1234',
    });
    expect(weak.statusCode).toBe(400);
    const changed = await client.post('/api/auth/password', {
      currentPassword: 'temporary-lantern-77-orbit',
      newPassword: 'quiet-meadow-copper-9-falcon',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().mustChangePassword).toBe(false);
    expect((await clientFrom(ctx, changed, client).get('/api/bulletins')).statusCode).toBe(200);
  });

  it('A4 a reset without --temporary (CLI) does not force a change loop', async () => {
    const { setPassword } = await import('../../src/modules/users/users.service.js');
    const user = await makeUser(ctx);
    await setPassword(ctx.database.db, { cli: true, username: 'ops' }, user.id, 'temporary-lantern-77-orbit', {
      mustChange: true,
    });
    await setPassword(ctx.database.db, { cli: true, username: 'ops' }, user.id, 'quiet-meadow-copper-9-falcon', {
      mustChange: false,
    });
    const res = await postLogin(ctx, user.username, 'quiet-meadow-copper-9-falcon');
    expect(res.json().mustChangePassword).toBe(false);
    expect(res.json().user.mustChangePassword).toBe(false);
  });

  it('A4 self-service change needs the current password; there is no self-service recovery route', async () => {
    const user = await makeUser(ctx);
    const client = await login(ctx, user.username);
    const other = await login(ctx, user.username);
    expect(
      (
        await client.post('/api/auth/password', {
          currentPassword: 'wrong-password-1',
          newPassword: 'quiet-meadow-copper-9-falcon',
        })
      ).json().error.fields,
    ).toEqual({
      currentPassword: 'is not correct',
    });
    expect(
      (
        await client.post('/api/auth/password', {
          currentPassword: TEST_PASSWORD,
          newPassword: 'quiet-meadow-copper-9-falcon',
        })
      ).statusCode,
    ).toBe(200);
    expect((await other.get('/api/auth/session')).statusCode).toBe(401);
    const recovery = ctx.app.routeTable.filter((r) => /forgot|recover-password|reset-password/.test(r.url));
    expect(recovery).toEqual([]);
  });
});
