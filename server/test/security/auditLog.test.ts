import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, makeUser, signedIn, testApp, type TestContext } from '../helpers.js';
import { rows, sql } from '../../src/db/client.js';
import { verifyActivityChain } from '../../src/modules/activity/activity.verify.js';
import { postLogin } from './securityHelpers.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testApp();
});
afterAll(() => ctx.close());

const db = () => ctx.database.db;

describe('D1 tamper-evident activity log, A3 authentication events', () => {
  it('A3 logins, failures, logouts, MFA and password changes are all logged', async () => {
    const user = await makeUser(ctx);
    await postLogin(ctx, user.username, 'wrong-password-123');
    const client = await login(ctx, user.username);
    await client.post('/api/auth/password', {
      currentPassword: 'correct-horse-battery-staple-42',
      newPassword: 'quiet-meadow-copper-9-falcon',
    });
    const found = await rows<{ action: string; outcome: string }>(
      db(),
      sql`select action, outcome from activity where record_id = ${user.id} and kind = 'user' order by id`,
    );
    expect(found.map((r) => `${r.action}:${r.outcome}`)).toEqual(
      expect.arrayContaining(['LOGIN:FAILURE', 'LOGIN:SUCCESS', 'PASSWORD_CHANGE:SUCCESS']),
    );
  });

  it('D1 UPDATE, DELETE and TRUNCATE on the log are refused by a trigger', async () => {
    const refusal = async (query: ReturnType<typeof sql>) => {
      try {
        await db().execute(query);
        return 'allowed';
      } catch (err) {
        const e = err as { message: string; cause?: { message?: string } };
        return `${e.cause?.message ?? ''} ${e.message}`;
      }
    };
    expect(await refusal(sql`update activity set action = 'X' where id = (select min(id) from activity)`)).toMatch(
      /append-only: UPDATE refused/,
    );
    expect(await refusal(sql`delete from activity where id = (select min(id) from activity)`)).toMatch(
      /append-only: DELETE refused/,
    );
    expect(await refusal(sql`truncate activity`)).toMatch(/append-only: TRUNCATE refused/);
  });

  it('D1/D3 the application role may read and append but not rewrite the log', async () => {
    const grants = await rows<{ privilege_type: string }>(
      db(),
      sql`select privilege_type from information_schema.role_table_grants where grantee = 'dalil_app' and table_name = 'activity'`,
    );
    expect(grants.map((g) => g.privilege_type).sort()).toEqual(['INSERT', 'SELECT']);
    if (ctx.database.engine === 'postgres') {
      // As the application role, the refusal comes from the missing privilege, before any trigger.
      const message = await db()
        .transaction(async (tx) => {
          await tx.execute(sql`set local role dalil_app`);
          await tx.execute(sql`update activity set action = 'X' where id = (select min(id) from activity)`);
          return 'allowed';
        })
        .catch(
          (err: { message: string; cause?: { message?: string } }) => `${err.cause?.message ?? ''} ${err.message}`,
        );
      expect(message).toMatch(/permission denied/);
    }
  });

  it('D1 a row edited directly in SQL (trigger disabled, as a superuser could) is named by the verifier', async () => {
    await signedIn(ctx, { roles: ['Admin'] });
    expect(await verifyActivityChain(db())).toMatchObject({ ok: true });
    const [target] = await rows<{ id: number }>(db(), sql`select id from activity order by id desc offset 2 limit 1`);
    await db().execute(sql`alter table activity disable trigger activity_no_update_delete`);
    await db().execute(sql`update activity set details = '{"forged": true}'::jsonb where id = ${target?.id}`);
    await db().execute(sql`alter table activity enable trigger activity_no_update_delete`);
    const result = await verifyActivityChain(db());
    expect(result).toMatchObject({ ok: false, brokenId: target?.id, reason: 'row content does not match its hash' });
  });

  it('D1 GET /api/activity filters by user, action, kind and dates, newest first, keyset paged (Admin only)', async () => {
    const admin = await signedIn(ctx, { roles: ['Admin'] });
    const da = await signedIn(ctx, { roles: ['DA'] });
    expect((await da.get('/api/activity')).statusCode).toBe(403);
    const user = await makeUser(ctx);
    for (let i = 0; i < 3; i++) await postLogin(ctx, user.username, 'wrong-password-123');
    const page1 = (await admin.get(`/api/activity?user=${user.username}&action=login&kind=user&limit=2`)).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.items[0].id).toBeGreaterThan(page1.items[1].id);
    expect(
      page1.items.every((r: { action: string; outcome: string }) => r.action === 'LOGIN' && r.outcome === 'FAILURE'),
    ).toBe(true);
    const page2 = (
      await admin.get(`/api/activity?user=${user.username}&action=LOGIN&limit=2&cursor=${page1.nextCursor}`)
    ).json();
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    const today = new Date().toISOString().slice(0, 10);
    expect((await admin.get(`/api/activity?user=${user.id}&from=${today}&to=${today}`)).json().items).toHaveLength(3);
    expect((await admin.get(`/api/activity?user=${user.id}&to=2000-01-01`)).json().items).toHaveLength(0);
    expect((await admin.get('/api/activity?bogus=1')).statusCode).toBe(400);
  });
});
