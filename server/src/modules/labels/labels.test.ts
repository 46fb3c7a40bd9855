import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testApp, type Client, type TestContext } from '../../../test/helpers.js';
import { rows, sql } from '../../db/client.js';

describe('labels API', () => {
  let ctx: TestContext;
  let admin: Client;
  beforeAll(async () => {
    ctx = await testApp();
    admin = await signedIn(ctx, { roles: ['Admin'] });
  });
  afterAll(() => ctx.close());

  it('creates a tree and lists it with paths and child counts', async () => {
    const root = await admin.post('/api/labels', { title: 'Violations', titleAr: 'انتهاكات', verified: true });
    expect(root.statusCode).toBe(201);
    const rootId = root.json<{ id: number }>().id;
    const child = await admin.post('/api/labels', {
      title: 'Detention, arbitrary',
      titleAr: 'الاعتقال التعسفي',
      parentId: rootId,
      verified: true,
    });
    expect(child.statusCode).toBe(201);
    expect(child.json()).toMatchObject({
      path: 'Violations > Detention, arbitrary',
      pathAr: 'انتهاكات > الاعتقال التعسفي',
      parentId: rootId,
      childCount: 0,
    });

    const list = await admin.get(`/api/labels?parentId=root&verified=true&q=violations`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      total: 1,
      nextCursor: null,
      items: [{ id: rootId, childCount: 1, path: 'Violations' }],
    });
  });

  it('finds Arabic titles whatever the hamza or article form typed', async () => {
    await admin.post('/api/labels', { title: 'Arrest', titleAr: 'الإعتقال' });
    for (const q of ['اعتقال', 'الاعتقال', 'إعتقال']) {
      const res = await admin.get(`/api/labels?q=${encodeURIComponent(q)}`);
      const titles = res.json<{ items: { title: string }[] }>().items.map((i) => i.title);
      expect(titles, q).toContain('Arrest');
      expect(titles, q).toContain('Detention, arbitrary');
    }
    const latin = await admin.get('/api/labels?q=ARREST');
    expect(latin.json<{ items: { title: string }[] }>().items.map((i) => i.title)).toEqual(['Arrest']);
  });

  it('pages with a keyset cursor', async () => {
    for (const n of [1, 2, 3]) await admin.post('/api/labels', { title: `Paged ${n}` });
    const first = (await admin.get('/api/labels?q=paged&limit=2')).json<{
      items: { title: string }[];
      nextCursor: string;
      total: number;
    }>();
    expect(first.total).toBe(3);
    expect(first.items.map((i) => i.title)).toEqual(['Paged 1', 'Paged 2']);
    const second = (await admin.get(`/api/labels?q=paged&limit=2&cursor=${first.nextCursor}`)).json<{
      items: { title: string }[];
      nextCursor: null;
    }>();
    expect(second.items.map((i) => i.title)).toEqual(['Paged 3']);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses cycles, unknown parents and unknown fields', async () => {
    const a = (await admin.post('/api/labels', { title: 'Cycle A' })).json<{ id: number }>().id;
    const b = (await admin.post('/api/labels', { title: 'Cycle B', parentId: a })).json<{ id: number }>().id;
    const c = (await admin.post('/api/labels', { title: 'Cycle C', parentId: b })).json<{ id: number }>().id;
    const cycle = await admin.post(`/api/labels/${a}/update`, { parentId: c });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.fields.parentId).toMatch(/ancestor/);
    const self = await admin.post(`/api/labels/${a}/update`, { parentId: a });
    expect(self.json().error.fields.parentId).toMatch(/own parent/);
    const missing = await admin.post('/api/labels', { title: 'Orphan', parentId: 999999 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual({ parentId: 'no such parent' });
    const unknown = await admin.post('/api/labels', { title: 'X', colour: 'red' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ colour: 'unknown field' });
    const blank = await admin.post('/api/labels', { title: '   ' });
    expect(blank.json().error.fields.title).toBe('must not be empty');
    const moved = await admin.post(`/api/labels/${c}/update`, { parentId: null, title: 'Cycle C moved' });
    expect(moved.json()).toMatchObject({ path: 'Cycle C moved', parentId: null });
  });

  it('refuses a duplicate title at the same place', async () => {
    await admin.post('/api/labels', { title: 'Twin' });
    const again = await admin.post('/api/labels', { title: 'twin' });
    expect(again.statusCode).toBe(409);
  });

  it('refuses to delete a label in use, naming where', async () => {
    const parent = (await admin.post('/api/labels', { title: 'In use parent' })).json<{ id: number }>().id;
    const child = (await admin.post('/api/labels', { title: 'In use child', parentId: parent })).json<{ id: number }>()
      .id;
    const res = await admin.post(`/api/labels/${parent}/delete`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('1 child labels');
    const [b] = await rows<{ id: number }>(
      ctx.database.db,
      sql`insert into bulletins (title, status) values ('B', 'Human Created') returning id`,
    );
    await rows(ctx.database.db, sql`insert into bulletin_labels (bulletin_id, label_id) values (${b!.id}, ${child})`);
    const used = await admin.post(`/api/labels/${child}/delete`);
    expect(used.statusCode).toBe(409);
    expect(used.json().error.message).toContain('1 bulletins (labels)');
    await rows(ctx.database.db, sql`delete from bulletin_labels where label_id = ${child}`);
    expect((await admin.post(`/api/labels/${child}/delete`)).statusCode).toBe(200);
    expect((await admin.get(`/api/labels/${child}`)).statusCode).toBe(404);
    const logged = await rows<{ action: string; kind: string }>(
      ctx.database.db,
      sql`select action, kind from activity where kind = 'label' and record_id = ${child} order by id`,
    );
    expect(logged.map((r) => r.action)).toEqual(['CREATE', 'DELETE']);
  });

  it('applies role rules', async () => {
    const da = await signedIn(ctx, { roles: ['DA'] });
    const mod = await signedIn(ctx, { roles: ['Moderator'] });
    const viewer = await signedIn(ctx);
    expect((await da.post('/api/labels', { title: 'By DA' })).statusCode).toBe(403);
    const created = await mod.post('/api/labels', { title: 'By Moderator' });
    expect(created.statusCode).toBe(201);
    expect((await viewer.get('/api/labels?q=moderator')).json().total).toBe(1);
    expect((await viewer.post('/api/labels', { title: 'By viewer' })).statusCode).toBe(403);
    expect((await mod.post(`/api/labels/${created.json().id}/delete`)).statusCode).toBe(403);
    expect((await mod.post(`/api/labels/${created.json().id}/update`, { titleAr: 'مشرف' })).json().titleAr).toBe(
      'مشرف',
    );
  });
});
