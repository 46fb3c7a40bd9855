import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testApp, type Client, type TestContext } from '../../../test/helpers.js';
import { rows, sql } from '../../db/client.js';
import { loadDefaultData } from '../../seed/defaultData.js';

interface Term {
  id: number;
  title: string;
  titleAr: string;
  code: number | null;
}

describe('small lookup lists and default data', () => {
  let ctx: TestContext;
  let admin: Client;
  beforeAll(async () => {
    ctx = await testApp();
    admin = await signedIn(ctx, { roles: ['Admin'] });
  });
  afterAll(() => ctx.close());

  it('ships the default lists with Arabic titles', async () => {
    const expected: Record<string, number> = {
      'workflow-statuses': 12,
      'potential-violations': 6,
      'claimed-violations': 31,
      'location-admin-levels': 5,
      'location-types': 2,
      'id-number-types': 8,
      'media-categories': 4,
      'geo-location-types': 5,
      ethnographies: 13,
    };
    for (const [kind, n] of Object.entries(expected)) {
      const list = (await admin.get(`/api/vocab/${kind}?limit=200`)).json<{ total: number; items: Term[] }>();
      expect(list.total, kind).toBe(n);
      expect(
        list.items.every((t) => t.titleAr !== ''),
        kind,
      ).toBe(true);
    }
    const syria = (await admin.get(`/api/vocab/countries?q=${encodeURIComponent('سوريا')}`)).json<{ items: Term[] }>();
    expect(syria.items).toEqual([expect.objectContaining({ title: 'Syria', titleAr: 'سوريا', code: 760 })]);
    expect((await admin.get('/api/event-types?for=bulletin')).json().total).toBe(3);
    expect((await admin.get('/api/event-types?limit=200')).json().total).toBe(22);
    const parent = (await admin.get('/api/relation-types?pair=actor-actor&q=parent')).json<{ items: unknown[] }>();
    expect(parent.items).toEqual([
      expect.objectContaining({ title: 'Parent', reverseTitle: 'Child', titleAr: 'أحد الوالدين' }),
    ]);
  });

  it('loads default data only once', async () => {
    const counts = async () =>
      rows<{ t: string; n: number }>(
        ctx.database.db,
        sql`select 'terms' as t, count(*)::int as n from vocab_terms union all select 'event', count(*)::int from event_types
            union all select 'rel', count(*)::int from relation_types union all select 'runs', count(*)::int from seed_runs`,
      );
    const before = await counts();
    await loadDefaultData(ctx.database.db);
    await loadDefaultData(ctx.database.db);
    expect(await counts()).toEqual(before);
  });

  it('creates, searches, updates and deletes terms; admin levels need a unique code', async () => {
    const created = await admin.post('/api/vocab/dialects', { title: 'Najdi', titleAr: 'نجدي' });
    expect(created.statusCode).toBe(201);
    const id = created.json<Term>().id;
    expect(
      (await admin.get(`/api/vocab/dialects?q=${encodeURIComponent('نجدى')}`))
        .json<{ items: Term[] }>()
        .items.map((t) => t.id),
    ).toEqual([id]);
    expect(
      (await admin.post(`/api/vocab/dialects/${id}/update`, { titleAr: 'اللهجة النجدية' })).json<Term>().titleAr,
    ).toBe('اللهجة النجدية');
    expect((await admin.post('/api/vocab/dialects', { title: 'najdi' })).statusCode).toBe(409);
    expect((await admin.post('/api/vocab/location-admin-levels', { title: 'Block' })).json().error.fields).toEqual({
      code: 'required for this list',
    });
    expect((await admin.post('/api/vocab/location-admin-levels', { title: 'Block', code: 1 })).statusCode).toBe(409);
    expect((await admin.get(`/api/vocab/countries/${id}`)).statusCode).toBe(404);
    expect((await admin.get('/api/vocab/planets')).statusCode).toBe(400);
    expect((await admin.post(`/api/vocab/dialects/${id}/delete`)).statusCode).toBe(200);
  });

  it('refuses to delete a term in use, and only Admins change lists', async () => {
    const types = (await admin.get('/api/vocab/location-types')).json<{ items: Term[] }>();
    const poi = types.items.find((t) => t.title === 'Point of Interest')!;
    await admin.post('/api/locations', { title: 'Clock tower', locationTypeId: poi.id });
    const refused = await admin.post(`/api/vocab/location-types/${poi.id}/delete`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('1 locations');
    const mod = await signedIn(ctx, { roles: ['Moderator'] });
    expect((await mod.post('/api/vocab/dialects', { title: 'X' })).statusCode).toBe(403);
    expect((await mod.get('/api/vocab/dialects')).statusCode).toBe(200);
  });
});
