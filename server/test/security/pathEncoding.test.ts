import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, makeUser, testApp, TEST_PASSWORD, type TestContext } from '../helpers.js';

/**
 * Fastify decodes a path before matching it, so `/%61pi/users` is `/api/users`. Session loading,
 * the guard and the API's headers must follow the matched route, not the raw URL.
 */
describe('D2 percent-encoded API paths get the same checks as canonical ones', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await testApp({ rateLimitScale: 0.25 });
  });
  afterAll(() => ctx.close());

  it('anonymous reads of users, activity and settings through encoded paths are refused', async () => {
    for (const url of [
      '/%61pi/users',
      '/%61pi/activity',
      '/%61pi/security/settings',
      '/a%70i/groups',
      '/%2561pi/users',
    ]) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect([401, 404], url).toContain(res.statusCode);
      expect(res.body, url).not.toContain('"username"');
    }
    const canonical = await ctx.app.inject({ method: 'GET', url: '/api/users' });
    expect(canonical.statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'GET', url: '/%61pi/users' })).statusCode).toBe(401);
  });

  it('a signed-in user reaches an encoded path as themselves, with the API headers', async () => {
    const admin = await makeUser(ctx, { roles: ['Admin'] });
    const client = await login(ctx, admin.username);
    const res = await ctx.app.inject({ method: 'GET', url: '/%61pi/users', headers: { cookie: client.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('sign-in through an encoded path keeps the Origin check and the rate limit', async () => {
    const user = await makeUser(ctx);
    const foreign = await ctx.app.inject({
      method: 'POST',
      url: '/%61pi/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('csrf');
    // Login limit at this scale: 5 a minute per IP.
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/%61pi/auth/login',
        remoteAddress: '10.77.0.1',
        payload: { username: 'nobody77', password: 'wrong' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toContain(429);
  });
});
