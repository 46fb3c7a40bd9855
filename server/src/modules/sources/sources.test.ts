import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testApp, type Client, type TestContext } from '../../../test/helpers.js';

describe('sources, event types and relation types API', () => {
  let ctx: TestContext;
  let admin: Client;
  beforeAll(async () => {
    ctx = await testApp();
    admin = await signedIn(ctx, { roles: ['Admin'] });
  });
  afterAll(() => ctx.close());

  it('keeps a source tree with paths and refuses cycles', async () => {
    const platform = (await admin.post('/api/sources', { title: 'YouTube', sourceType: 'platform' })).json<{
      id: number;
    }>().id;
    const channel = await admin.post('/api/sources', {
      title: 'Al-Marj Media Office',
      titleAr: 'المكتب الإعلامي في منطقة المرج',
      parentId: platform,
    });
    expect(channel.statusCode).toBe(201);
    expect(channel.json()).toMatchObject({
      path: 'YouTube > Al-Marj Media Office',
      pathAr: 'YouTube > المكتب الإعلامي في منطقة المرج',
    });
    const found = (await admin.get(`/api/sources?q=${encodeURIComponent('الاعلامي')}`)).json<{
      items: { id: number }[];
    }>();
    expect(found.items.map((s) => s.id)).toEqual([channel.json().id]);
    const cycle = await admin.post(`/api/sources/${platform}/update`, { parentId: channel.json().id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.fields).toHaveProperty('parentId');
    const inUse = await admin.post(`/api/sources/${platform}/delete`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.message).toContain('1 child sources');
    expect((await admin.post('/api/sources', { title: 'X', etlId: 'y' })).statusCode).toBe(400);
  });

  it('filters event types by record kind and refuses DA writes', async () => {
    const created = await admin.post('/api/event-types', { title: 'Shelling', titleAr: 'قصف', forBulletin: true });
    expect(created.statusCode).toBe(201);
    const forBulletin = (await admin.get('/api/event-types?for=bulletin&q=shelling')).json<{
      items: { title: string }[];
    }>();
    expect(forBulletin.items.map((e) => e.title)).toEqual(['Shelling']);
    expect((await admin.get('/api/event-types?for=actor&q=shelling')).json().total).toBe(0);
    const da = await signedIn(ctx, { roles: ['DA'] });
    expect((await da.post('/api/event-types', { title: 'By DA' })).statusCode).toBe(403);
    const mod = await signedIn(ctx, { roles: ['Moderator'] });
    expect((await mod.post('/api/event-types', { title: 'By Moderator' })).statusCode).toBe(201);
    expect((await mod.post(`/api/event-types/${created.json().id}/delete`)).statusCode).toBe(403);
    expect((await admin.post(`/api/event-types/${created.json().id}/delete`)).statusCode).toBe(200);
  });

  it('stores a directional relation type once, with its reverse title', async () => {
    const res = await admin.post('/api/relation-types', {
      pair: 'actor-actor',
      title: 'Employer',
      reverseTitle: 'Employee',
      titleAr: 'صاحب العمل',
      reverseTitleAr: 'موظف',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ pair: 'actor-actor', title: 'Employer', reverseTitle: 'Employee' });
    expect((await admin.get('/api/relation-types?q=employee')).json().total).toBe(1);
    expect(
      (await admin.post('/api/relation-types', { pair: 'actor-pet', title: 'Owner' })).json().error.fields,
    ).toHaveProperty('pair');
    expect(
      (await admin.post(`/api/relation-types/${res.json().id}/update`, { pair: 'bulletin-bulletin' })).statusCode,
    ).toBe(400);
    const mod = await signedIn(ctx, { roles: ['Moderator'] });
    expect((await mod.post('/api/relation-types', { pair: 'actor-actor', title: 'Friend' })).statusCode).toBe(403);
  });
});
