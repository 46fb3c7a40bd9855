import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, makeUser, TEST_PASSWORD, testApp, type TestContext } from '../../../test/helpers.js';
import { rows, sql } from '../../db/client.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testApp();
});
afterAll(() => ctx.close());

describe('login, session and logout', () => {
  it('logs in, reads the session, and logs out', async () => {
    const user = await makeUser(ctx, { roles: ['DA'] });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ id: user.id, username: user.username, roles: ['DA'], groups: [] });
    expect(body.user.permissions).toMatchObject({ canSelfAssign: false, viewUsernames: true });
    expect(typeof body.csrfToken).toBe('string');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);

    const client = await login(ctx, user.username);
    const session = await client.get('/api/auth/session');
    expect(session.statusCode).toBe(200);
    expect(session.json().user.id).toBe(user.id);
    expect(session.json().csrfToken).toBe(client.csrf);

    expect((await client.post('/api/auth/logout', undefined, { csrf: false })).statusCode).toBe(403);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('gives the same answer for an unknown user and a wrong password, and logs both', async () => {
    const user = await makeUser(ctx);
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: 'nope-nope-nope-nope' },
    });
    const unknown = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobodyatall', password: 'nope-nope-nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    expect(wrong.json().error.code).toBe('unauthenticated');
    const logged = await rows<{ username: string; outcome: string }>(
      ctx.database.db,
      sql`select username, outcome from activity where action = 'LOGIN' and outcome = 'FAILURE' order by id`,
    );
    expect(logged.map((r) => r.username)).toEqual(expect.arrayContaining([user.username, 'nobodyatall']));
  });

  it('stores only a hash of the session id', async () => {
    const user = await makeUser(ctx);
    const client = await login(ctx, user.username);
    const token = client.cookie.split('=')[1] ?? '';
    const found = await rows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from sessions where token_hash = ${token}`,
    );
    expect(found[0]?.n).toBe(0);
    const hashed = await rows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from sessions where user_id = ${user.id}`,
    );
    expect(hashed[0]?.n).toBe(1);
  });

  it('rejects unknown fields in the login body', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a', password: 'b', admin: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ admin: 'unknown field' });
  });
});
