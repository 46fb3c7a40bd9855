import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, makeUser, signedIn, testApp, type Client, type TestContext } from '../helpers.js';
import { rows, sql } from '../../src/db/client.js';
import { notifyAdmins } from '../../src/modules/notifications/notifications.repo.js';
import { reportDeniedAccess } from '../../src/modules/notifications/deniedAccess.js';
import { clientFrom, postLogin } from './securityHelpers.js';

let ctx: TestContext;
let admin: Client;
beforeAll(async () => {
  ctx = await testApp();
  admin = await signedIn(ctx, { roles: ['Admin'] });
});
afterAll(() => ctx.close());

describe('security modes and notifications', () => {
  it('MODE read-only refuses every change except sign-in, sign-out and session actions; logged', async () => {
    const da = await signedIn(ctx, { roles: ['DA'] });
    expect((await admin.post('/api/security/mode', { mode: 'readOnly' })).statusCode).toBe(200);
    try {
      const refused = await da.post('/api/bulletins', { title: 'x', comment: 'y' });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error).toMatchObject({ code: 'read_only', message: expect.stringContaining('read-only') });
      expect((await admin.post('/api/groups', { name: 'During lockdown' })).json().error.code).toBe('read_only');
      expect((await da.get('/api/bulletins')).statusCode).toBe(200);
      const user = await makeUser(ctx);
      const other = await login(ctx, user.username);
      expect((await other.post('/api/auth/logout')).statusCode).toBe(204);
    } finally {
      expect((await admin.post('/api/security/mode', { mode: 'normal' })).statusCode).toBe(200);
    }
    expect((await da.post('/api/groups', { name: 'x' })).json().error.code).toBe('forbidden');
  });

  it('MODE admins only: non-admins cannot sign in and their sessions end; an admin can end every session', async () => {
    const da = await signedIn(ctx, { roles: ['DA'] });
    const daUser = await makeUser(ctx, { roles: ['DA'] });
    await admin.post('/api/security/mode', { mode: 'adminsOnly' });
    try {
      expect((await da.get('/api/auth/session')).statusCode).toBe(401);
      const denied = await postLogin(ctx, daUser.username);
      expect(denied.statusCode).toBe(403);
      expect((await admin.get('/api/auth/session')).statusCode).toBe(200);
    } finally {
      await admin.post('/api/security/mode', { mode: 'normal' });
    }
    const again = await login(ctx, daUser.username);
    const everyone = await admin.post('/api/security/sessions/revoke-all');
    expect(everyone.json().ended).toBeGreaterThan(0);
    expect((await again.get('/api/auth/session')).statusCode).toBe(401);
    expect((await admin.get('/api/auth/session')).statusCode).toBe(200);
    const logged = await rows<{ details: { to?: string } }>(
      ctx.database.db,
      sql`select details from activity where action = 'SECURITY_MODE' order by id`,
    );
    expect(logged.map((r) => r.details.to)).toEqual(['readOnly', 'normal', 'adminsOnly', 'normal']);
  });

  it('NOTIFY new-IP sign-in, password change; own list with unread count; read and read-all', async () => {
    const user = await makeUser(ctx);
    await login(ctx, user.username);
    await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: 'correct-horse-battery-staple-42' },
      remoteAddress: '198.51.100.4',
    });
    const first = await login(ctx, user.username);
    const changed = await first.post('/api/auth/password', {
      currentPassword: 'correct-horse-battery-staple-42',
      newPassword: 'quiet-meadow-copper-9-falcon',
    });
    const client = clientFrom(ctx, changed, first);
    const list = (await client.get('/api/notifications')).json();
    expect(list.items.map((n: { title: string }) => n.title)).toEqual([
      'Your password was changed',
      'Sign-in from a new address',
    ]);
    expect(list.unread).toBe(2);
    expect((await client.post(`/api/notifications/${list.items[0].id}/read`)).statusCode).toBe(200);
    expect((await client.get('/api/notifications')).json().unread).toBe(1);
    const stranger = await signedIn(ctx);
    expect((await stranger.post(`/api/notifications/${list.items[1].id}/read`)).statusCode).toBe(404);
    expect((await client.post('/api/notifications/read-all')).json()).toEqual({ marked: 1 });
  });

  it('NOTIFY notifyAdmins reaches every active admin and nobody else (denied access to a restricted record)', async () => {
    const da = await signedIn(ctx, { roles: ['DA'] });
    await ctx.database.db.transaction((tx) =>
      notifyAdmins(tx, { category: 'access', title: 'Denied access to a restricted bulletin', urgent: true }),
    );
    expect(
      (await admin.get('/api/notifications?unread=1')).json().items.map((n: { title: string }) => n.title),
    ).toContain('Denied access to a restricted bulletin');
    expect((await da.get('/api/notifications')).json().items).toEqual([]);
    const daUser = await makeUser(ctx, { roles: ['DA'] });
    await reportDeniedAccess(
      ctx.database.db,
      {
        id: daUser.id,
        username: daUser.username,
        name: '',
        roles: ['DA'],
        groupIds: [],
        permissions: {} as never,
        sessionId: 0,
        ip: '10.0.0.9',
      },
      { kind: 'bulletin', recordId: 77 },
    );
    const titles = (await admin.get('/api/notifications')).json().items.map((n: { title: string }) => n.title);
    expect(titles).toContain('Denied access to restricted bulletin 77');
    const denied = await rows<{ outcome: string }>(
      ctx.database.db,
      sql`select outcome from activity where user_id = ${daUser.id} and record_id = 77`,
    );
    expect(denied).toEqual([{ outcome: 'DENIED' }]);
  });

  it('D9 settings are validated against their schema before they apply (unknown or bad values refused)', async () => {
    expect((await admin.post('/api/security/settings', { bogus: true })).statusCode).toBe(400);
    expect((await admin.post('/api/security/settings', { captchaAfterFailures: -1 })).statusCode).toBe(400);
    expect((await admin.post('/api/security/mode', { mode: 'party' })).statusCode).toBe(400);
    expect((await admin.get('/api/security/settings')).json()).toMatchObject({
      mode: 'normal',
      captchaAfterFailures: 0,
    });
  });
});
