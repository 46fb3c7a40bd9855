import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { rows, sql } from '../../src/db/client.js';
import { login, makeUser, signedIn, testApp, TEST_PASSWORD, type TestContext } from '../helpers.js';
import { activityActions, postLogin } from './securityHelpers.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testApp();
});
afterAll(() => ctx.close());

describe('A5 lockout and S6 throttling', () => {
  it('A5 lockout after five failures per username, with 429 and Retry-After, even for the right password', async () => {
    const user = await makeUser(ctx);
    for (let i = 0; i < 5; i++)
      expect((await postLogin(ctx, user.username, 'wrong-password-123', { ip: '10.1.0.1' })).statusCode).toBe(401);
    const locked = await postLogin(ctx, user.username, TEST_PASSWORD, { ip: '10.1.0.2' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('rate_limited');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(59);
    expect(await activityActions(ctx, user.id)).toEqual(expect.arrayContaining(['LOGIN:FAILURE', 'LOCKOUT:DENIED']));
  });

  it('A5 an unknown username locks exactly like a real one (A2: no existence oracle)', async () => {
    for (let i = 0; i < 5; i++) await postLogin(ctx, 'ghostuser42', 'wrong-password-123', { ip: '10.2.0.1' });
    expect((await postLogin(ctx, 'ghostuser42', 'wrong-password-123', { ip: '10.2.0.2' })).statusCode).toBe(429);
  });

  it('A5 the cooldown escalates: the second lock lasts twice as long', async () => {
    const user = await makeUser(ctx);
    for (let i = 0; i < 5; i++) await postLogin(ctx, user.username, 'wrong-password-123', { ip: '10.3.0.1' });
    // Let the first lock run out without a successful sign-in.
    await ctx.database.db.execute(
      (await import('drizzle-orm'))
        .sql`update auth_throttle set locked_until = now() - interval '1 second' where key = ${`user:${user.username.toLowerCase()}`}`,
    );
    for (let i = 0; i < 5; i++) await postLogin(ctx, user.username, 'wrong-password-123', { ip: '10.3.0.1' });
    const res = await postLogin(ctx, user.username, TEST_PASSWORD, { ip: '10.3.0.1' });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(100);
  });

  it('A5 lockout per IP across usernames', async () => {
    const perIp = await testApp({
      lockout: { threshold: 5, ipThreshold: 8, baseSeconds: 60, maxSeconds: 3600, windowMinutes: 15 },
    });
    try {
      const victim = await makeUser(perIp);
      for (let i = 0; i < 8; i++) await postLogin(perIp, `sprayed${i}`, 'wrong-password-123', { ip: '10.4.0.9' });
      expect((await postLogin(perIp, victim.username, TEST_PASSWORD, { ip: '10.4.0.9' })).statusCode).toBe(429);
      expect((await postLogin(perIp, victim.username, TEST_PASSWORD, { ip: '10.4.0.10' })).statusCode).toBe(200);
    } finally {
      await perIp.close();
    }
  });

  it('A5 admins unlock a user; the counters survive a restart (they live in the database)', async () => {
    const user = await makeUser(ctx);
    for (let i = 0; i < 5; i++) await postLogin(ctx, user.username, 'wrong-password-123', { ip: '10.5.0.1' });
    // A second app over the same database (a restart, or another process) sees the lock.
    const restarted = await buildApp({ config: ctx.config, database: ctx.database, logger: false });
    const res = await restarted.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(429);
    await restarted.close();
    const da = await signedIn(ctx, { roles: ['DA'] });
    expect((await da.post(`/api/users/${user.id}/unlock`)).statusCode).toBe(403);
    const admin = await signedIn(ctx, { roles: ['Admin'] });
    const unlocked = await admin.post(`/api/users/${user.id}/unlock`);
    expect(unlocked.json()).toEqual({ unlocked: true });
    expect((await postLogin(ctx, user.username)).statusCode).toBe(200);
    expect(await activityActions(ctx, user.id)).toContain('UNLOCK');
  });

  it('A5 CAPTCHA after failures, verified server-side against the configured URL only (D8)', async () => {
    const answers: string[] = [];
    const stub: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const params = new URLSearchParams(body);
        answers.push(`${params.get('secret')}:${params.get('response')}`);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ success: params.get('response') === 'human' }));
      });
    });
    await new Promise<void>((r) => stub.listen(0, '127.0.0.1', r));
    const port = (stub.address() as AddressInfo).port;
    const c = await testApp({
      recaptcha: { siteKey: 'site-key', secret: 'captcha-secret', verifyUrl: `http://127.0.0.1:${port}/siteverify` },
    });
    try {
      const admin = await signedIn(c, { roles: ['Admin'] });
      expect((await admin.post('/api/security/settings', { captchaAfterFailures: 2 })).statusCode).toBe(200);
      expect((await c.app.inject({ method: 'GET', url: '/api/auth/options' })).json().captchaSiteKey).toBe('site-key');
      const user = await makeUser(c);
      await postLogin(c, user.username, 'wrong-password-123');
      await postLogin(c, user.username, 'wrong-password-123');
      const need = await postLogin(c, user.username);
      expect(need.statusCode).toBe(401);
      expect(need.json().error.code).toBe('captcha_required');
      expect((await postLogin(c, user.username, TEST_PASSWORD, { captcha: 'robot' })).json().error.code).toBe(
        'captcha_required',
      );
      expect((await postLogin(c, user.username, TEST_PASSWORD, { captcha: 'human' })).statusCode).toBe(200);
      expect(answers).toEqual(['captcha-secret:robot', 'captcha-secret:human']);
    } finally {
      await c.close();
      stub.close();
    }
  });

  it('S6 rate limits on login, MFA, session (CSRF token issue) and search, with 429 and Retry-After', async () => {
    // A quarter of the production limits: login 5, MFA 3, session 30, search 15 per minute.
    const strict = await testApp({ rateLimitScale: 0.25 });
    try {
      const user = await makeUser(strict);
      const client = await login(strict, user.username);
      const statuses = async (
        n: number,
        call: () => Promise<{ statusCode: number; headers: Record<string, unknown> }>,
      ) => {
        const out: number[] = [];
        let retry: unknown;
        for (let i = 0; i < n; i++) {
          const res = await call();
          out.push(res.statusCode);
          retry = res.headers['retry-after'];
        }
        return { out, retry };
      };
      const search = await statuses(16, () => client.get('/api/bulletins?q=aleppo'));
      expect(search.out.slice(0, 15)).toEqual(Array(15).fill(200));
      expect(search.out[15]).toBe(429);
      expect(Number(search.retry)).toBeGreaterThan(0);
      // Searches are counted alongside the work; once over, the process refuses the rest of the
      // window from memory (no more counts), on every search route.
      const more = await client.post('/api/bulletins/search', { blocks: [{ text: 'aleppo' }] });
      expect(more.statusCode).toBe(429);
      expect(more.json().error.code).toBe('rate_limited');
      expect(Number(more.headers['retry-after'])).toBeGreaterThan(0);
      const [counted] = await rows<{ count: number }>(
        strict.database.db,
        sql`select count from rate_limits where key = ${`search:user:${user.id}`}`,
      );
      expect(Number(counted?.count)).toBe(16);
      const logins = await statuses(6, () => postLogin(strict, 'nobody', 'x', { ip: '10.6.0.1' }));
      expect(logins.out.slice(0, 5)).toEqual(Array(5).fill(401));
      expect(logins.out[5]).toBe(429);
      const session = await statuses(31, () => client.get('/api/auth/session'));
      expect(session.out[29]).toBe(200);
      expect(session.out[30]).toBe(429);
      const mfa = await statuses(4, () => client.post('/api/auth/mfa/webauthn/options'));
      expect(mfa.out[3]).toBe(429);
    } finally {
      await strict.close();
    }
  });
});
