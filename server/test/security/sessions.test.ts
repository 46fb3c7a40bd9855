import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, makeUser, signedIn, testApp, TEST_PASSWORD, type TestContext } from '../helpers.js';
import { rows, sql } from '../../src/db/client.js';
import { setPassword } from '../../src/modules/users/users.service.js';
import { ageSession, clientFrom, cookieOf, enrolTotp, postLogin, startLogin, totpCode } from './securityHelpers.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testApp();
});
afterAll(() => ctx.close());

describe('S1–S4 session lifecycle', () => {
  it('S1 cookie is HttpOnly, SameSite=Strict, and __Host- prefixed and Secure in production', async () => {
    const user = await makeUser(ctx);
    const dev = String((await postLogin(ctx, user.username)).headers['set-cookie']);
    expect(dev).toMatch(/^dalil_session=[A-Za-z0-9_-]{43};/);
    expect(dev).toMatch(/HttpOnly/);
    expect(dev).toMatch(/SameSite=Strict/);
    const prod = await testApp({ cookieSecure: true });
    try {
      const u = await makeUser(prod);
      const cookie = String((await postLogin(prod, u.username)).headers['set-cookie']);
      expect(cookie).toMatch(/^__Host-dalil_session=/);
      expect(cookie).toMatch(/Secure/);
      expect(cookie).toMatch(/Path=\//);
      expect(cookie).not.toMatch(/Domain=/);
    } finally {
      await prod.close();
    }
  });

  it('S2 the session id rotates at login, after the second factor and at re-authentication', async () => {
    const user = await makeUser(ctx);
    const a = await login(ctx, user.username);
    const b = await login(ctx, user.username);
    expect(a.cookie).not.toBe(b.cookie);
    const { secret, recoveryCodes } = await enrolTotp(b);
    const { client: half } = await startLogin(ctx, user.username);
    const done = await half.post('/api/auth/mfa/totp', { code: await totpCode(secret, 1) });
    const full = clientFrom(ctx, done, half);
    expect(full.cookie).not.toBe(half.cookie);
    expect((await half.get('/api/auth/session')).statusCode).toBe(401);
    const re = await full.post('/api/auth/reauth', { password: TEST_PASSWORD, recoveryCode: recoveryCodes[0] });
    expect(re.statusCode).toBe(200);
    const rotated = clientFrom(ctx, re, full);
    expect(rotated.cookie).not.toBe(full.cookie);
    expect((await full.get('/api/auth/session')).statusCode).toBe(401);
    expect((await rotated.get('/api/auth/session')).statusCode).toBe(200);
  });

  it('S2 sessions end on logout, password change, MFA change and deactivation', async () => {
    const user = await makeUser(ctx);
    const one = await login(ctx, user.username);
    const two = await login(ctx, user.username);
    expect((await one.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await one.get('/api/auth/session')).statusCode).toBe(401);
    const three = await login(ctx, user.username);
    await enrolTotp(two);
    expect((await three.get('/api/auth/session')).statusCode).toBe(401);
    expect((await two.get('/api/auth/session')).statusCode).toBe(200);
    await setPassword(ctx.database.db, { cli: true, username: 'ops' }, user.id, 'violet-harbor-tundra-pepper', {
      mustChange: false,
    });
    expect((await two.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('S3 idle timeout and absolute lifetime end a session', async () => {
    const user = await makeUser(ctx);
    const idle = await login(ctx, user.username);
    await ageSession(ctx, idle, 'last_seen_at', 61);
    expect((await idle.get('/api/auth/session')).statusCode).toBe(401);
    const old = await login(ctx, user.username);
    await ageSession(ctx, old, 'expires_at', 1);
    expect((await old.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('S3 polling with X-Silent-Poll does not extend the idle timer; the session reports its expiry times', async () => {
    const user = await makeUser(ctx);
    const client = await login(ctx, user.username);
    await ageSession(ctx, client, 'last_seen_at', 30);
    const poll = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: client.cookie, 'x-silent-poll': '1' },
    });
    expect(poll.statusCode).toBe(200);
    const idleAt = Date.parse(poll.json().idleExpiresAt);
    expect(idleAt - Date.now()).toBeLessThan(31 * 60_000);
    expect(idleAt - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(Date.parse(poll.json().expiresAt)).toBeGreaterThan(Date.now() + 11 * 3600_000);
    const after = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: client.cookie, 'x-silent-poll': '1' },
    });
    expect(Math.abs(Date.parse(after.json().idleExpiresAt) - idleAt)).toBeLessThan(1000);
    // Real use ("stay signed in") extends it.
    const used = await client.get('/api/auth/session');
    expect(Date.parse(used.json().idleExpiresAt) - Date.now()).toBeGreaterThan(59 * 60_000);
  });

  it('S3 optional single session per user: a new sign-in ends the others', async () => {
    const admin = await signedIn(ctx, { roles: ['Admin'] });
    await admin.post('/api/security/settings', { singleSession: true });
    try {
      const user = await makeUser(ctx);
      const first = await login(ctx, user.username);
      const second = await login(ctx, user.username);
      expect((await first.get('/api/auth/session')).statusCode).toBe(401);
      expect((await second.get('/api/auth/session')).statusCode).toBe(200);
    } finally {
      const again = await signedIn(ctx, { roles: ['Admin'] });
      await again.post('/api/security/settings', { singleSession: false });
    }
  });

  it('S4 users list and end their own sessions; admins list all (user, IP, browser, last seen) and end any or all', async () => {
    const user = await makeUser(ctx);
    const mine = await login(ctx, user.username);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
      headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36' },
      remoteAddress: '192.0.2.7',
    });
    const otherCookie = cookieOf(res);
    const listed = (await mine.get('/api/sessions?mine=1')).json();
    expect(listed.items).toHaveLength(2);
    const other = listed.items.find((s: { current: boolean }) => !s.current);
    expect(other).toMatchObject({ ip: '192.0.2.7', browser: 'Chrome on Linux', user: { id: user.id } });
    expect(other.lastSeenAt).toEqual(expect.any(String));
    expect((await mine.get('/api/sessions')).statusCode).toBe(403);

    expect((await mine.post(`/api/sessions/${other.id}/revoke`)).statusCode).toBe(200);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: otherCookie } })).statusCode,
    ).toBe(401);

    const admin = await signedIn(ctx, { roles: ['Admin'] });
    const stranger = await signedIn(ctx);
    const strangerSession = (await stranger.get('/api/sessions?mine=1')).json().items[0].id;
    expect((await mine.post(`/api/sessions/${strangerSession}/revoke`)).statusCode).toBe(404);
    const all = (await admin.get(`/api/sessions?userId=${user.id}`)).json();
    expect(all.items.map((s: { user: { id: number } }) => s.user.id)).toEqual([user.id]);
    const ended = await admin.post(`/api/users/${user.id}/sessions/revoke`);
    expect(ended.json()).toEqual({ ended: 1 });
    expect((await mine.get('/api/auth/session')).statusCode).toBe(401);
    const logged = await rows<{ action: string }>(
      ctx.database.db,
      sql`select action from activity where action like 'SESSION_REVOKE%'`,
    );
    expect(logged.map((r) => r.action)).toEqual(expect.arrayContaining(['SESSION_REVOKE', 'SESSION_REVOKE_ALL']));
  });
});
