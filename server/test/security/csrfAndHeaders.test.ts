import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testApp, type Client, type TestContext } from '../helpers.js';

let ctx: TestContext;
let admin: Client;
beforeAll(async () => {
  ctx = await testApp();
  admin = await signedIn(ctx, { roles: ['Admin'] });
});
afterAll(() => ctx.close());

const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, '1').replace(/\*$/, 'x');

describe('S5 CSRF and H1 headers', () => {
  it('S5 every POST except the sign-in ones needs the session-bound CSRF token', async () => {
    const posts = ctx.app.routeTable.filter((r) => r.method === 'POST' && r.url.startsWith('/api/'));
    const exempt = posts
      .filter((r) => !r.csrf)
      .map((r) => r.url)
      .sort();
    expect(exempt).toEqual(['/api/auth/login', '/api/auth/oidc/callback', '/api/auth/oidc/start']);
    for (const route of posts.filter((r) => r.csrf)) {
      const res = await admin.post(concrete(route.url), {}, { csrf: false });
      expect(res.statusCode, route.url).toBe(403);
      expect(res.json().error.code, route.url).toBe('csrf');
      const forged = await ctx.app.inject({
        method: 'POST',
        url: concrete(route.url),
        headers: { cookie: admin.cookie, 'x-csrf-token': 'forged' },
        payload: {},
      });
      expect(forged.json().error.code, route.url).toBe('csrf');
    }
  });

  it('S5 a cross-origin POST is refused even with a valid token; no GET changes state', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, origin: 'https://evil.example' },
    });
    expect(res.statusCode).toBe(403);
    expect((await admin.get('/api/auth/session')).statusCode).toBe(200);
    const stateChangingGets = ctx.app.routeTable.filter(
      (r) => r.method === 'GET' && /\/(revoke|logout|unlock|reset|read)/.test(r.url),
    );
    expect(stateChangingGets).toEqual([]);
  });

  it('H1 header snapshot for an API answer', async () => {
    const res = await admin.get('/api/auth/session');
    const picked = Object.fromEntries(
      [
        'content-security-policy',
        'strict-transport-security',
        'x-content-type-options',
        'referrer-policy',
        'x-frame-options',
        'cache-control',
        'cross-origin-opener-policy',
      ].map((h) => [h, res.headers[h]]),
    );
    expect(picked).toMatchInlineSnapshot(`
      {
        "cache-control": "no-store",
        "content-security-policy": "default-src 'self';script-src 'self';frame-src 'none';style-src 'self' 'unsafe-inline';img-src 'self' data: blob:;font-src 'self' data:;connect-src 'self';media-src 'self' blob:;object-src 'none';base-uri 'none';frame-ancestors 'none';form-action 'self'",
        "cross-origin-opener-policy": "same-origin",
        "referrer-policy": "no-referrer",
        "strict-transport-security": "max-age=31536000; includeSubDomains",
        "x-content-type-options": "nosniff",
        "x-frame-options": "DENY",
      }
    `);
  });
});
