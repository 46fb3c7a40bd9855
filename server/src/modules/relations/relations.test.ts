import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testApp, type Client, type TestContext } from '../../../test/helpers.js';
import { countRows, relationTypeId } from '../../../test/recordFixtures.js';

let ctx: TestContext;
let admin: Client;
let da: Client;
let otherDa: Client;
let viewer: Client;
const t: Record<string, number> = {};

const actorBody = (name: string, extra: Record<string, unknown> = {}) => ({
  type: 'Entity',
  name,
  profiles: [{ mode: 'normal' }],
  comment: 'created',
  ...extra,
});

async function make(
  client: Client,
  kind: 'actors' | 'bulletins' | 'incidents',
  title: string,
  extra: Record<string, unknown> = {},
) {
  const body = kind === 'actors' ? actorBody(title, extra) : { title, comment: 'created', ...extra };
  const res = await client.post(`/api/${kind}`, body);
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: number };
}

beforeAll(async () => {
  ctx = await testApp();
  admin = await signedIn(ctx, { roles: ['Admin'] });
  da = await signedIn(ctx, { roles: ['DA'] });
  otherDa = await signedIn(ctx, { roles: ['DA'] });
  viewer = await signedIn(ctx, {});
  t.witness = await relationTypeId(ctx, 'actor-bulletin', 'Witness');
  t.parent = await relationTypeId(ctx, 'actor-actor', 'Parent');
  t.sibling = await relationTypeId(ctx, 'actor-actor', 'Sibling');
  t.duplicate = await relationTypeId(ctx, 'bulletin-bulletin', 'Duplicate');
  t.incidentBulletin = await relationTypeId(ctx, 'incident-bulletin', 'Default');
  t.incidentActor = await relationTypeId(ctx, 'incident-actor', 'Perpetrator');
});
afterAll(() => ctx.close());

const ids = (page: { items: { id: number }[] }) => page.items.map((i) => i.id);

describe('relations', () => {
  it('relates an actor to a bulletin and shows it from both ends, with a revision on each', async () => {
    const actor = await make(da, 'actors', 'عمر حداد');
    const bulletin = await make(da, 'bulletins', 'Witness statement');
    const res = await da.post(`/api/actors/${actor.id}/relations`, {
      kind: 'bulletin',
      id: bulletin.id,
      types: [t.witness],
      probability: 2,
      comment: 'gave the statement',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'bulletin',
      id: bulletin.id,
      title: 'Witness statement',
      types: [{ id: t.witness, title: 'Witness', titleAr: 'شاهد' }],
      probability: 2,
      comment: 'gave the statement',
      restricted: false,
    });
    const fromBulletin = (await viewer.get(`/api/bulletins/${bulletin.id}/relations?kind=actor`)).json();
    expect(fromBulletin).toMatchObject({
      items: [{ kind: 'actor', id: actor.id, title: 'عمر حداد', types: [{ title: 'Witness' }], probability: 2 }],
      nextCursor: null,
      total: 1,
    });
    const grouped = (await viewer.get(`/api/actors/${actor.id}/relations`)).json();
    expect(grouped.bulletins).toMatchObject({ total: 1, items: [{ id: bulletin.id }] });
    expect(grouped.actors).toEqual({ items: [], nextCursor: null, total: 0 });
    expect(grouped.incidents.total).toBe(0);
    const actorHistory = (await viewer.get(`/api/actors/${actor.id}/history`)).json().items;
    const bulletinHistory = (await viewer.get(`/api/bulletins/${bulletin.id}/history`)).json().items;
    expect(actorHistory[0].comment).toBe(`Related to bulletin #${bulletin.id} (Witness, Certain): gave the statement`);
    expect(bulletinHistory[0].comment).toBe(`Related to actor #${actor.id} (Witness, Certain): gave the statement`);
  });

  it('reads Parent on the child page and Child on the parent page, and stores one row from either end', async () => {
    const child = await make(da, 'actors', 'Child');
    const parent = await make(da, 'actors', 'Parent');
    // From the child's page: the parent is the "Parent".
    await da.post(`/api/actors/${child.id}/relations`, {
      kind: 'actor',
      id: parent.id,
      types: [t.parent],
      probability: 1,
    });
    const onChild = (await viewer.get(`/api/actors/${child.id}/relations?kind=actor`)).json().items;
    const onParent = (await viewer.get(`/api/actors/${parent.id}/relations?kind=actor`)).json().items;
    expect(onChild).toMatchObject([
      { id: parent.id, types: [{ title: 'Parent', titleAr: 'أحد الوالدين' }], reverse: false },
    ]);
    expect(onParent).toMatchObject([{ id: child.id, types: [{ title: 'Child', titleAr: 'ابن/ابنة' }], reverse: true }]);
    const rowsBefore = await countRows(ctx, 'actor_relations');
    // From the parent's page the same fact is "Child" (reverse): it updates the same row.
    await da.post(`/api/actors/${parent.id}/relations`, {
      kind: 'actor',
      id: child.id,
      types: [t.parent],
      reverse: true,
      probability: 2,
    });
    expect(await countRows(ctx, 'actor_relations')).toBe(rowsBefore);
    const again = (await viewer.get(`/api/actors/${child.id}/relations?kind=actor`)).json().items;
    expect(again).toMatchObject([{ id: parent.id, types: [{ title: 'Parent' }], probability: 2 }]);
    expect((await viewer.get(`/api/actors/${parent.id}/history`)).json().items[0].comment).toBe(
      `Updated relation with actor #${child.id} (Child, Certain)`,
    );
  });

  it('relates bulletins to bulletins and incidents to both, shown from both ends', async () => {
    const b1 = await make(da, 'bulletins', 'Video 1');
    const b2 = await make(da, 'bulletins', 'Video 2');
    const incident = await make(da, 'incidents', 'Attack');
    const actor = await make(da, 'actors', 'Unit 9');
    expect(
      (await da.post(`/api/bulletins/${b2.id}/relations`, { kind: 'bulletin', id: b1.id, types: [t.duplicate] }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await da.post(`/api/incidents/${incident.id}/relations`, {
          kind: 'bulletin',
          id: b1.id,
          types: [t.incidentBulletin],
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await da.post(`/api/actors/${actor.id}/relations`, {
          kind: 'incident',
          id: incident.id,
          types: [t.incidentActor],
        })
      ).statusCode,
    ).toBe(200);
    expect(ids((await viewer.get(`/api/bulletins/${b1.id}/relations?kind=bulletin`)).json())).toEqual([b2.id]);
    expect(ids((await viewer.get(`/api/bulletins/${b2.id}/relations?kind=bulletin`)).json())).toEqual([b1.id]);
    const onB1 = (await viewer.get(`/api/bulletins/${b1.id}/relations`)).json();
    expect(ids(onB1.incidents)).toEqual([incident.id]);
    const onIncident = (await viewer.get(`/api/incidents/${incident.id}/relations`)).json();
    expect(ids(onIncident.bulletins)).toEqual([b1.id]);
    expect(onIncident.actors.items).toMatchObject([
      { id: actor.id, title: 'Unit 9', types: [{ title: 'Perpetrator' }] },
    ]);
  });

  it('removes a relation from either end, with a revision on both records', async () => {
    const a = await make(da, 'actors', 'Sibling A');
    const b = await make(da, 'actors', 'Sibling B');
    await da.post(`/api/actors/${a.id}/relations`, { kind: 'actor', id: b.id, types: [t.sibling] });
    const removed = await da.post(`/api/actors/${b.id}/relations/remove`, {
      kind: 'actor',
      id: a.id,
      comment: 'not related',
    });
    expect(removed.json()).toEqual({ removed: true });
    expect((await viewer.get(`/api/actors/${a.id}/relations?kind=actor`)).json().total).toBe(0);
    expect((await viewer.get(`/api/actors/${a.id}/history`)).json().items[0].comment).toBe(
      `Removed relation with actor #${b.id} (Sibling): not related`,
    );
    expect((await viewer.get(`/api/actors/${b.id}/history`)).json().items[0].comment).toBe(
      `Removed relation with actor #${a.id} (Sibling): not related`,
    );
  });

  it('never shows, counts or links a related record the caller may not see', async () => {
    const group = (await admin.post('/api/groups', { name: `Rel team ${Date.now()}`, description: '' })).json();
    const insider = await signedIn(ctx, { groups: [group.id] });
    const open = await make(admin, 'bulletins', 'Open bulletin');
    const hidden = await make(admin, 'bulletins', 'Hidden bulletin', { accessGroups: [group.id] });
    const shown = await make(admin, 'bulletins', 'Shown bulletin');
    await admin.post(`/api/bulletins/${open.id}/relations`, { kind: 'bulletin', id: hidden.id, types: [t.duplicate] });
    await admin.post(`/api/bulletins/${open.id}/relations`, { kind: 'bulletin', id: shown.id, types: [t.duplicate] });
    const forViewer = (await viewer.get(`/api/bulletins/${open.id}/relations?kind=bulletin`)).json();
    expect(forViewer).toMatchObject({ total: 1, items: [{ id: shown.id, restricted: false }] });
    const forInsider = (await insider.get(`/api/bulletins/${open.id}/relations?kind=bulletin`)).json();
    expect(forInsider.total).toBe(2);
    expect(forInsider.items.find((i: { id: number }) => i.id === hidden.id).restricted).toBe(true);
    expect((await viewer.get(`/api/bulletins/${hidden.id}/relations`)).statusCode).toBe(404);
    // A DA cannot link to a record hidden from them: refused exactly like an id that does not exist.
    const mine = await make(da, 'bulletins', 'Mine');
    const hiddenLink = await da.post(`/api/bulletins/${mine.id}/relations`, { kind: 'bulletin', id: hidden.id });
    const missingLink = await da.post(`/api/bulletins/${mine.id}/relations`, { kind: 'bulletin', id: 999999 });
    expect(hiddenLink.statusCode).toBe(400);
    expect(hiddenLink.json().error.fields).toEqual({ id: `no bulletin ${hidden.id}` });
    expect(missingLink.json().error.fields).toEqual({ id: 'no bulletin 999999' });
  });

  it('pages one kind with a cursor', async () => {
    const actor = await make(da, 'actors', 'Many links');
    const bulletins = [];
    for (let i = 0; i < 3; i++) {
      const b = await make(da, 'bulletins', `Linked ${i}`);
      bulletins.push(b.id);
      await da.post(`/api/actors/${actor.id}/relations`, { kind: 'bulletin', id: b.id, types: [t.witness] });
    }
    const first = (await viewer.get(`/api/actors/${actor.id}/relations?kind=bulletin&limit=2`)).json();
    expect(ids(first)).toEqual([bulletins[2], bulletins[1]]);
    expect(first.total).toBe(3);
    const second = (
      await viewer.get(`/api/actors/${actor.id}/relations?kind=bulletin&limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(ids(second)).toEqual([bulletins[0]]);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses bad relations with field names or the right status, and leaves nothing behind', async () => {
    const actor = await make(da, 'actors', 'Strict');
    const bulletin = await make(da, 'bulletins', 'Strict bulletin');
    const tables = ['actor_bulletin_relations', 'actor_relations', 'revisions', 'activity'];
    const before = await Promise.all(tables.map((x) => countRows(ctx, x)));
    const url = `/api/actors/${actor.id}/relations`;
    const cases: [unknown, string][] = [
      [{ kind: 'bulletin', id: bulletin.id, types: [t.parent] }, 'types'],
      [{ kind: 'bulletin', id: bulletin.id, types: [999999] }, 'types'],
      [{ kind: 'bulletin', id: 999999, types: [t.witness] }, 'id'],
      [{ kind: 'actor', id: actor.id, types: [t.sibling] }, 'id'],
      [{ kind: 'bulletin', id: bulletin.id, probability: 3 }, 'probability'],
      [{ kind: 'media', id: bulletin.id }, 'kind'],
      [{ kind: 'bulletin', id: bulletin.id, extra: true }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const res = await da.post(url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.json().error.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    expect((await otherDa.post(url, { kind: 'bulletin', id: bulletin.id })).statusCode).toBe(403);
    expect((await viewer.post(url, { kind: 'bulletin', id: bulletin.id })).statusCode).toBe(403);
    expect((await da.post('/api/actors/999999/relations', { kind: 'bulletin', id: bulletin.id })).statusCode).toBe(404);
    expect((await viewer.get('/api/actors/999999/relations')).statusCode).toBe(404);
    expect(await Promise.all(tables.map((x) => countRows(ctx, x)))).toEqual(before);
  });
});
