import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testApp, type Client, type TestContext } from '../../test/helpers.js';

let ctx: TestContext;
let admin: Client;
beforeAll(async () => {
  ctx = await testApp();
  admin = await signedIn(ctx, { roles: ['Admin'] });
});
afterAll(() => ctx.close());

describe('hostile input gets a clear 400, never a 500', () => {
  it('refuses NUL characters in bodies and query strings, even before sign-in', async () => {
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":"ad\\u0000min","password":"x"}',
    });
    expect(login.statusCode).toBe(400);
    expect(login.json().error.fields).toEqual({ body: 'must not contain NUL characters' });
    expect((await admin.post('/api/bulletins', { title: 'a\u0000b', comment: 'x' })).statusCode).toBe(400);
    expect((await admin.get('/api/bulletins?q=a%00b')).statusCode).toBe(400);
  });

  it('answers ids beyond 32 bits with 400, in paths and bodies', async () => {
    const path = await admin.get('/api/bulletins/2147483648');
    expect(path.statusCode).toBe(400);
    expect(path.json().error.code).toBe('validation');
    const body = await admin.post('/api/bulletins', { title: 't', comment: 'c', labels: [2147483648] });
    expect(body.statusCode).toBe(400);
    expect(Object.keys(body.json().error.fields)).toContain('labels.0');
  });

  it('refuses years before 1000 instead of rewriting them', async () => {
    const res = await admin.post('/api/bulletins', { title: 't', comment: 'c', publishDate: '0001-01-01' });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(['publishDate']);
  });

  it('answers a malformed JSON body with 400', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation');
  });
});
