import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestContext } from '../../test/helpers.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testApp();
});
afterAll(() => ctx.close());

/** Concrete URL for a route pattern (":id" → 1). */
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, '1').replace(/\*$/, 'x');

describe('route table', () => {
  it('every API route declares an access rule', () => {
    const api = ctx.app.routeTable.filter((r) => r.url.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(10);
    const undeclared = api.filter((r) => !r.access);
    expect(undeclared).toEqual([]);
  });

  it('only a short, known list of routes is public', () => {
    const publicRoutes = ctx.app.routeTable
      .filter((r) => r.url.startsWith('/api/') && r.access === 'public' && !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`);
    expect(publicRoutes.filter((r) => !/^(PUT|PATCH|DELETE|OPTIONS|TRACE) /.test(r)).sort()).toEqual([
      'GET /api/auth/options',
      'GET /api/health',
      'HEAD /api/auth/options',
      'HEAD /api/health',
      'POST /api/auth/login',
      'POST /api/auth/oidc/callback',
      'POST /api/auth/oidc/start',
    ]);
  });

  it('refuses every non-public API route without a session', async () => {
    const guarded = ctx.app.routeTable.filter(
      (r) => r.url.startsWith('/api/') && r.access !== 'public' && (r.method === 'GET' || r.method === 'POST'),
    );
    for (const route of guarded) {
      const res = await ctx.app.inject({
        method: route.method as 'GET' | 'POST',
        url: concrete(route.url),
        payload: route.method === 'POST' ? {} : undefined,
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('answers 405 to PUT, PATCH and DELETE everywhere (H2)', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of ['/api/bulletins', '/api/bulletins/1', '/api/auth/login', '/']) {
        const res = await ctx.app.inject({ method, url });
        expect(res.statusCode, `${method} ${url}`).toBe(405);
        expect(res.json().error.code).toBe('method_not_allowed');
      }
    }
  });

  it('sends strict security headers (H1) and a robots.txt that disallows all (H3)', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const robots = await ctx.app.inject({ method: 'GET', url: '/robots.txt' });
    expect(robots.body).toBe('User-agent: *\nDisallow: /\n');
  });

  it('has one error shape with a request id and no internals (H4)', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    const body = res.json();
    expect(body.error).toMatchObject({ code: 'not_found', requestId: res.headers['x-request-id'] });
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation');
    expect(bad.body).not.toMatch(/at .*\.ts|stack|SyntaxError/);
  });

  it('serves the OpenAPI document', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/bulletins', '/api/bulletins/{id}', '/api/auth/login']),
    );
  });
});
