import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, signedIn, testApp, type Client, type TestContext } from '../../../test/helpers.js';
import { rows, sql } from '../../db/client.js';
import { ensureFirstAdmin, setPassword } from './users.service.js';

let ctx: TestContext;
let admin: Client;
beforeAll(async () => {
  ctx = await testApp();
  admin = await signedIn(ctx, { roles: ['Admin'] });
});
afterAll(() => ctx.close());

describe('users and groups (admin)', () => {
  it('creates a group and a DA in it with flags; the DA can sign in and sees them in the session', async () => {
    const group = await admin.post('/api/groups', { name: 'Team Aleppo', description: 'field team' });
    expect(group.statusCode).toBe(201);
    const res = await admin.post('/api/users', {
      username: 'analyst1',
      name: 'Analyst One',
      password: 'rain-lantern-orbit-cactus',
      roles: ['DA'],
      groups: [group.json().id],
      permissions: { canSelfAssign: true },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'analyst1',
      roles: ['DA'],
      groups: [{ id: group.json().id, name: 'Team Aleppo' }],
      permissions: { canSelfAssign: true, canExport: false, viewUsernames: true },
      active: true,
    });
    const da = await login(ctx, 'analyst1', 'rain-lantern-orbit-cactus');
    expect((await da.get('/api/auth/session')).json().user.groups).toEqual([
      { id: group.json().id, name: 'Team Aleppo' },
    ]);
    expect((await da.get('/api/users')).statusCode).toBe(403);
    expect((await da.post('/api/groups', { name: 'x' })).statusCode).toBe(403);
  });

  it('enforces the password policy (A1) and username rules', async () => {
    const cases: [string, string, string][] = [
      ['shortpw', 'Short1!', 'password'],
      ['commonpw', 'password1234', 'password'],
      ['samename', 'samenamesamename', 'password'],
      ['bad name!', 'rain-lantern-orbit-cactus', 'username'],
    ];
    for (const [username, password, field] of cases) {
      const res = await admin.post('/api/users', { username, password, roles: [] });
      expect(res.statusCode, username).toBe(400);
      expect(Object.keys(res.json().error.fields)).toContain(field);
    }
    expect(
      (await admin.post('/api/users', { username: 'analyst1', password: 'rain-lantern-orbit-cactus' })).statusCode,
    ).toBe(409);
  });

  it('deactivating a user ends their sessions at once', async () => {
    const created = (
      await admin.post('/api/users', { username: 'leaver1', password: 'rain-lantern-orbit-cactus', roles: ['DA'] })
    ).json();
    const leaver = await login(ctx, 'leaver1', 'rain-lantern-orbit-cactus');
    expect((await leaver.get('/api/bulletins')).statusCode).toBe(200);
    expect((await admin.post(`/api/users/${created.id}/update`, { active: false })).statusCode).toBe(200);
    expect((await leaver.get('/api/bulletins')).statusCode).toBe(401);
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leaver1', password: 'rain-lantern-orbit-cactus' },
    });
    expect(again.statusCode).toBe(401);
  });

  it('a password reset ends every session of the user', async () => {
    const created = (
      await admin.post('/api/users', { username: 'resetme1', password: 'rain-lantern-orbit-cactus', roles: ['DA'] })
    ).json();
    const before = await login(ctx, 'resetme1', 'rain-lantern-orbit-cactus');
    await setPassword(ctx.database.db, { cli: true, username: 'ops' }, created.id, 'violet-harbor-tundra-pepper', {
      mustChange: true,
    });
    expect((await before.get('/api/auth/session')).statusCode).toBe(401);
    const after = await login(ctx, 'resetme1', 'violet-harbor-tundra-pepper');
    expect((await after.get('/api/auth/session')).json().user.mustChangePassword).toBe(true);
    const logged = await rows<{ username: string }>(
      ctx.database.db,
      sql`select username from activity where action = 'PASSWORD_CHANGE' and record_id = ${created.id}`,
    );
    expect(logged).toEqual([{ username: 'cli:ops' }]);
  });

  it('bootstraps the first admin once', async () => {
    const first = await ensureFirstAdmin(ctx.database.db, { username: 'bootadmin', password: undefined });
    // An Admin already exists in this database (created in beforeAll), so nothing happens.
    expect(first).toEqual({ created: false, generatedPassword: null });
  });
});
