import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, login, makeUser, signedIn, testApp, type TestContext } from '../helpers.js';
import { rows, sql } from '../../src/db/client.js';
import {
  activityActions,
  clientFrom,
  cookieOf,
  enrolTotp,
  postLogin,
  startLogin,
  totpCode,
} from './securityHelpers.js';
import { SoftAuthenticator } from './softAuthenticator.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testApp();
});
afterAll(() => ctx.close());

describe('A6 multi-factor authentication', () => {
  it('A6 TOTP enrolment with a QR code and a typed code, then sign-in asks for the code', async () => {
    const user = await makeUser(ctx, { roles: ['DA'] });
    const client = await login(ctx, user.username);
    const setup = await client.post('/api/auth/mfa/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl, qrDataUrl } = setup.json();
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Dalil:/);
    expect((await client.post('/api/auth/mfa/totp/confirm', { code: '000000' })).statusCode).toBe(400);
    const confirm = await client.post('/api/auth/mfa/totp/confirm', { code: await totpCode(secret) });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json().recoveryCodes).toHaveLength(10);

    const { client: half, body } = await startLogin(ctx, user.username);
    expect(body).toEqual({ mfaRequired: true, methods: ['totp', 'recovery'], csrfToken: expect.any(String) });
    const done = await half.post('/api/auth/mfa/totp', { code: await totpCode(secret, 1) });
    expect(done.statusCode).toBe(200);
    expect(done.json().user.id).toBe(user.id);
    const full = clientFrom(ctx, done, half);
    expect((await full.get('/api/bulletins')).statusCode).toBe(200);
    expect(await activityActions(ctx, user.id)).toEqual(
      expect.arrayContaining(['MFA_ENROL', 'LOGIN_FIRST_FACTOR', 'LOGIN']),
    );
  });

  it('A6 a half-signed-in session reaches nothing but the factor routes', async () => {
    const user = await makeUser(ctx, { roles: ['Admin'] });
    await enrolTotp(await login(ctx, user.username));
    const { client: half } = await startLogin(ctx, user.username);
    for (const url of ['/api/bulletins', '/api/users', '/api/auth/mfa', '/api/sessions?mine=1', '/api/notifications']) {
      const res = await half.get(url);
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('mfa_required');
    }
    expect((await half.post('/api/users', { username: 'sneaky1', password: 'x' })).json().error.code).toBe(
      'mfa_required',
    );
    expect((await half.post('/api/auth/mfa/totp/setup')).json().error.code).toBe('mfa_required');
    const session = await half.get('/api/auth/session');
    expect(session.statusCode).toBe(200);
    expect(session.json().mfaRequired).toBe(true);
    expect(session.json().user).toBeUndefined();
  });

  it('A6 recovery codes are stored hashed, work once, and a second use fails', async () => {
    const user = await makeUser(ctx, { roles: ['DA'] });
    const { recoveryCodes } = await enrolTotp(await login(ctx, user.username));
    const stored = await rows<{ code_hash: string }>(
      ctx.database.db,
      sql`select code_hash from mfa_recovery_codes where user_id = ${user.id}`,
    );
    expect(stored).toHaveLength(10);
    for (const code of recoveryCodes) expect(stored.map((s) => s.code_hash)).not.toContain(code);

    const code = recoveryCodes[0] ?? '';
    const first = await startLogin(ctx, user.username);
    const used = await first.client.post('/api/auth/mfa/recovery', { code: code.toUpperCase() });
    expect(used.statusCode).toBe(200);
    const second = await startLogin(ctx, user.username);
    const again = await second.client.post('/api/auth/mfa/recovery', { code });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields).toEqual({ code: 'is not correct' });
    const notes = await rows<{ title: string }>(
      ctx.database.db,
      sql`select title from notifications where user_id = ${user.id}`,
    );
    expect(notes.map((n) => n.title)).toContain('A recovery code was used');
  });

  it('A6 recovery codes are regenerated only by POST after re-authentication', async () => {
    const user = await makeUser(ctx, { roles: ['DA'] });
    const { client, secret } = await enrolTotp(await login(ctx, user.username));
    const status = await client.get('/api/auth/mfa');
    expect(status.json()).toMatchObject({ totp: { enabled: true }, recoveryCodesLeft: 10 });
    expect(JSON.stringify(status.json())).not.toMatch(/[a-z0-9]{5}-[a-z0-9]{5}/);
    expect((await client.get('/api/auth/mfa/recovery-codes')).statusCode).toBe(404);
    await ctx.database.db.execute(
      sql`update sessions set fresh_until = now() - interval '1 minute' where user_id = ${user.id}`,
    );
    const stale = await client.post('/api/auth/mfa/recovery-codes');
    expect(stale.statusCode).toBe(403);
    expect(stale.json().error.code).toBe('reauth_required');
    const re = await client.post('/api/auth/reauth', {
      password: 'correct-horse-battery-staple-42',
      code: await totpCode(secret, 1),
    });
    expect(re.statusCode).toBe(200);
    const fresh = clientFrom(ctx, re, client);
    const regenerated = await fresh.post('/api/auth/mfa/recovery-codes');
    expect(regenerated.statusCode).toBe(200);
    expect(regenerated.json().recoveryCodes).toHaveLength(10);
  });

  it('O2 the TOTP secret is encrypted at rest (a database dump does not yield it)', async () => {
    const user = await makeUser(ctx);
    const { secret } = await enrolTotp(await login(ctx, user.username));
    const [row] = await rows<{ secret_enc: string }>(
      ctx.database.db,
      sql`select secret_enc from mfa_totp where user_id = ${user.id}`,
    );
    expect(row?.secret_enc).toMatch(/^v1\./);
    expect(row?.secret_enc).not.toContain(secret);
  });

  it('A6 a TOTP code is accepted once (no replay) and wrong codes count toward the lockout', async () => {
    const user = await makeUser(ctx);
    const { secret } = await enrolTotp(await login(ctx, user.username));
    const code = await totpCode(secret, 1);
    const a = await startLogin(ctx, user.username);
    expect((await a.client.post('/api/auth/mfa/totp', { code })).statusCode).toBe(200);
    const b = await startLogin(ctx, user.username);
    expect((await b.client.post('/api/auth/mfa/totp', { code })).statusCode).toBe(400);
    for (let i = 0; i < 3; i++)
      expect((await b.client.post('/api/auth/mfa/totp', { code: '123456' })).statusCode).toBe(400);
    const locking = await b.client.post('/api/auth/mfa/totp', { code: '654321' });
    expect(locking.statusCode).toBe(400);
    const locked = await b.client.post('/api/auth/mfa/totp', { code: await totpCode(secret) });
    expect([401, 429]).toContain(locked.statusCode);
    const pw = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: 'correct-horse-battery-staple-42' },
    });
    expect(pw.statusCode).toBe(429);
    expect(Number(pw.headers['retry-after'])).toBeGreaterThan(0);
    expect(await activityActions(ctx, user.id)).toEqual(
      expect.arrayContaining(['MFA_VERIFY:FAILURE', 'LOCKOUT:DENIED']),
    );
  });

  it('A5 signing in again with the right password does not reset the count of wrong codes', async () => {
    const user = await makeUser(ctx);
    const { secret } = await enrolTotp(await login(ctx, user.username));
    // Three rounds of "right password, two wrong codes": six wrong codes in all, five lock.
    const statuses: number[] = [];
    for (let round = 0; round < 3; round++) {
      const res = await postLogin(ctx, user.username);
      statuses.push(res.statusCode);
      if (res.statusCode !== 200) break;
      const client = new Client(ctx.app, cookieOf(res), res.json<{ csrfToken: string }>().csrfToken, user.id);
      for (let i = 0; i < 2; i++)
        statuses.push((await client.post('/api/auth/mfa/totp', { code: '000000' })).statusCode);
    }
    // Without the fix the count restarted at each sign-in and the fifth wrong code did not lock.
    expect(statuses.slice(0, 8)).toEqual([200, 400, 400, 200, 400, 400, 200, 400]);
    const after = await postLogin(ctx, user.username);
    expect(after.statusCode).toBe(429);
    // A whole sign-in (password and factor) still clears the count once the lock is lifted.
    const admin = await signedIn(ctx, { roles: ['Admin'] });
    expect((await admin.post(`/api/users/${user.id}/unlock`)).statusCode).toBe(200);
    const ok = await startLogin(ctx, user.username);
    expect((await ok.client.post('/api/auth/mfa/totp', { code: await totpCode(secret, 1) })).statusCode).toBe(200);
    const [left] = await rows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from auth_throttle where key = ${`user:${user.username.toLowerCase()}`}`,
    );
    expect(left?.n).toBe(0);
  });

  it('A6 WebAuthn security keys: several per user, named, sign-in with one, rename and remove', async () => {
    const user = await makeUser(ctx, { roles: ['DA'] });
    let client = await login(ctx, user.username);
    const keyA = new SoftAuthenticator(ctx.config.publicUrl);
    const keyB = new SoftAuthenticator(ctx.config.publicUrl);
    const add = async (key: SoftAuthenticator, name: string) => {
      const opts = (await client.post('/api/auth/mfa/webauthn/register/options')).json().options;
      expect(opts.rp.id).toBe('localhost');
      return client.post('/api/auth/mfa/webauthn/register/verify', { name, response: key.register(opts) });
    };
    const first = await add(keyA, 'Blue key');
    expect(first.statusCode).toBe(200);
    expect(first.json().recoveryCodes).toHaveLength(10);
    // Adding a factor ends other sessions but keeps this one.
    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
    const second = await add(keyB, 'Backup key');
    expect(second.statusCode).toBe(200);
    expect(second.json().recoveryCodes).toBeNull();

    const { client: half, body } = await startLogin(ctx, user.username);
    expect(body.methods).toEqual(['webauthn', 'recovery']);
    const options = (await half.post('/api/auth/mfa/webauthn/options')).json().options;
    expect(options.allowCredentials).toHaveLength(2);
    const wrongOrigin = await half.post('/api/auth/mfa/webauthn/verify', {
      response: keyB.assert(options, { origin: 'https://evil.example' }),
    });
    expect(wrongOrigin.statusCode).toBe(400);
    const options2 = (await half.post('/api/auth/mfa/webauthn/options')).json().options;
    const ok = await half.post('/api/auth/mfa/webauthn/verify', { response: keyB.assert(options2) });
    expect(ok.statusCode).toBe(200);
    client = clientFrom(ctx, ok, half);

    const listed = (await client.get('/api/auth/mfa')).json().webauthn;
    expect(listed.map((k: { name: string }) => k.name)).toEqual(['Blue key', 'Backup key']);
    expect(listed[1].lastUsedAt).not.toBeNull();
    expect(
      (await client.post(`/api/auth/mfa/webauthn/${listed[0].id}/rename`, { name: 'Office key' })).statusCode,
    ).toBe(200);
    expect((await client.post(`/api/auth/mfa/webauthn/${listed[0].id}/rename`, { name: '<script>' })).statusCode).toBe(
      400,
    );
    const removed = await client.post(`/api/auth/mfa/webauthn/${listed[1].id}/remove`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().webauthn.map((k: { name: string }) => k.name)).toEqual(['Office key']);
    // Another user's key is not found.
    const other = await signedIn(ctx);
    expect((await other.post(`/api/auth/mfa/webauthn/${listed[0].id}/remove`)).statusCode).toBe(404);
  });

  it('A6 enforced MFA leads a user without a factor to enrolment; until then every other route refuses', async () => {
    const admin = await signedIn(ctx, { roles: ['Admin'] });
    expect((await admin.post('/api/security/settings', { mfaRequired: true })).statusCode).toBe(200);
    try {
      const user = await makeUser(ctx, { roles: ['DA'] });
      const { client, body } = await startLogin(ctx, user.username);
      expect(body.mfaEnrolmentRequired).toBe(true);
      const blocked = await client.get('/api/bulletins');
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().error.code).toBe('enrolment_required');
      expect((await client.get('/api/auth/mfa')).statusCode).toBe(200);
      const { client: enrolled } = await enrolTotp(client);
      expect((await enrolled.get('/api/bulletins')).statusCode).toBe(200);
      // The last factor cannot be removed while MFA is enforced.
      expect((await enrolled.post('/api/auth/mfa/totp/remove')).statusCode).toBe(409);
    } finally {
      const again = await signedIn(ctx, { roles: ['Admin'] });
      // This admin has no factor either: enrolment applies to them too, so switch off through the service.
      const { updateSecuritySettings } = await import('../../src/modules/security/security.service.js');
      await updateSecuritySettings(
        ctx.database.db,
        {
          id: again.userId,
          username: 'test',
          name: '',
          roles: ['Admin'],
          groupIds: [],
          permissions: {} as never,
          sessionId: 0,
          ip: '',
        },
        { mfaRequired: false },
      );
    }
  });

  it('A6 an admin resets a user who lost every factor', async () => {
    const user = await makeUser(ctx);
    await enrolTotp(await login(ctx, user.username));
    const admin = await signedIn(ctx, { roles: ['Admin'] });
    expect((await admin.post(`/api/users/${user.id}/mfa/reset`)).statusCode).toBe(200);
    const { body } = await startLogin(ctx, user.username);
    expect(body.user).toBeDefined();
  });
});
