import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testApp, type Client, type TestContext } from '../../../test/helpers.js';
import { rows, sql } from '../../db/client.js';
import { descendantLocationIds } from './locations.subtree.js';

interface Loc {
  id: number;
  fullName: string;
  fullNameAr: string;
  adminLevel: { code: number } | null;
  childCount: number;
}

describe('locations API', () => {
  let ctx: TestContext;
  let admin: Client;
  let governorateLevel: number;
  beforeAll(async () => {
    ctx = await testApp();
    admin = await signedIn(ctx, { roles: ['Admin'] });
    const levels = (await admin.get('/api/vocab/location-admin-levels')).json<{
      items: { id: number; code: number }[];
    }>();
    governorateLevel = levels.items.find((l) => l.code === 1)!.id;
  });
  afterAll(() => ctx.close());

  const create = async (body: Record<string, unknown>) => {
    const res = await admin.post('/api/locations', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Loc>();
  };

  it('keeps full names and paths of a subtree current through renames and moves', async () => {
    const syria = await create({ title: 'Syria', titleAr: 'سوريا' });
    const rif = await create({
      title: 'Rif Dimashq',
      titleAr: 'ريف دمشق',
      parentId: syria.id,
      adminLevelId: governorateLevel,
    });
    const ayn = await create({
      title: 'Ayn Tarma',
      titleAr: 'عين ترما',
      parentId: rif.id,
      lat: 33.5123488,
      lng: 36.3499285,
    });
    expect(ayn).toMatchObject({
      fullName: 'Ayn Tarma, Rif Dimashq, Syria',
      fullNameAr: 'عين ترما، ريف دمشق، سوريا',
      lat: 33.5123488,
    });
    expect(rif.adminLevel).toMatchObject({ code: 1, title: 'Governorate' });

    await admin.post(`/api/locations/${rif.id}/update`, { title: 'Damascus Countryside' });
    expect((await admin.get(`/api/locations/${ayn.id}`)).json<Loc>().fullName).toBe(
      'Ayn Tarma, Damascus Countryside, Syria',
    );

    const other = await create({ title: 'Elsewhere' });
    await admin.post(`/api/locations/${rif.id}/update`, { parentId: other.id });
    expect((await admin.get(`/api/locations/${ayn.id}`)).json<Loc>().fullName).toBe(
      'Ayn Tarma, Damascus Countryside, Elsewhere',
    );
    expect((await descendantLocationIds(ctx.database.db, [other.id])).sort()).toEqual(
      [other.id, rif.id, ayn.id].sort(),
    );
    expect(await descendantLocationIds(ctx.database.db, [syria.id])).toEqual([syria.id]);

    const byLevel = (await admin.get('/api/locations?adminLevel=1')).json<{ items: Loc[] }>();
    expect(byLevel.items.map((l) => l.id)).toEqual([rif.id]);
    expect(
      (await admin.get(`/api/locations?q=${encodeURIComponent('ترما')}`))
        .json<{ items: Loc[] }>()
        .items.map((l) => l.id),
    ).toEqual([ayn.id]);
  });

  it('refuses cycles, half coordinates, out-of-range points and unknown terms', async () => {
    const a = await create({ title: 'Top' });
    const b = await create({ title: 'Below', parentId: a.id });
    const cycle = await admin.post(`/api/locations/${a.id}/update`, { parentId: b.id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.fields).toHaveProperty('parentId');
    expect((await admin.post('/api/locations', { title: 'Half', lat: 10 })).json().error.fields).toHaveProperty('lng');
    expect((await admin.post('/api/locations', { title: 'Far', lat: 91, lng: 0 })).json().error.fields).toHaveProperty(
      'lat',
    );
    expect(
      (await admin.post('/api/locations', { title: 'Bad level', adminLevelId: 999999 })).json().error.fields,
    ).toHaveProperty('adminLevelId');
    expect((await admin.post('/api/locations', { title: 'Bad parent', parentId: 999999 })).json().error.fields).toEqual(
      { parentId: 'no such parent' },
    );
  });

  it('refuses to delete a place in use and lets location editors edit but not delete', async () => {
    const place = await create({ title: 'Used place' });
    const [b] = await rows<{ id: number }>(
      ctx.database.db,
      sql`insert into bulletins (title, status) values ('B', 'Human Created') returning id`,
    );
    await rows(
      ctx.database.db,
      sql`insert into bulletin_locations (bulletin_id, location_id) values (${b!.id}, ${place.id})`,
    );
    const refused = await admin.post(`/api/locations/${place.id}/delete`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('1 bulletins');

    const editor = await signedIn(ctx, { roles: ['DA'], permissions: { canEditLocations: true } });
    const da = await signedIn(ctx, { roles: ['DA'] });
    expect((await da.post('/api/locations', { title: 'By DA' })).statusCode).toBe(403);
    const mine = await editor.post('/api/locations', { title: 'By editor' });
    expect(mine.statusCode).toBe(201);
    expect((await editor.post(`/api/locations/${mine.json().id}/delete`)).statusCode).toBe(403);
    expect((await admin.post(`/api/locations/${mine.json().id}/delete`)).statusCode).toBe(200);
  });
});
