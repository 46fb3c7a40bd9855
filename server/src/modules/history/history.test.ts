import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testApp, type Client, type TestContext } from '../../../test/helpers.js';
import { recordFixtures, relationTypeId, type RecordFixtures } from '../../../test/recordFixtures.js';
import { rows, sql } from '../../db/client.js';

let ctx: TestContext;
let admin: Client;
let da: Client;
let simple: Client;
let f: RecordFixtures;

beforeAll(async () => {
  ctx = await testApp();
  admin = await signedIn(ctx, { roles: ['Admin'] });
  da = await signedIn(ctx, { roles: ['DA'] });
  simple = await signedIn(ctx, { permissions: { viewFullHistory: false, viewSimpleHistory: true } });
  f = await recordFixtures(ctx);
});
afterAll(() => ctx.close());

type Revision = { id: number; comment: string; status: string; snapshot?: Record<string, unknown> };
const history = async (client: Client, path: string): Promise<Revision[]> =>
  (await client.get(`${path}/history`)).json().items;

describe('history, diff and restore', () => {
  it('restores an Arabic-only missing person to its first revision as a new revision, keeping relations', async () => {
    const created = await da.post('/api/actors', {
      type: 'Person',
      firstNameAr: 'سلمى',
      lastNameAr: 'الخطيب',
      dialects: [f.dialectId],
      profiles: [
        { mode: 'missing', missingPerson: { lastAddress: 'Douma checkpoint', caseStatus: 'Missing', height: 160 } },
      ],
      comment: 'reported missing by her brother',
    });
    expect(created.statusCode).toBe(201);
    const actor = created.json();
    const path = `/api/actors/${actor.id}`;
    await da.post(`${path}/update`, { nicknameAr: 'أم علي', comment: 'nickname from neighbour' });
    await da.post(`${path}/update`, {
      lastNameAr: 'الخطيب الحسن',
      dialects: [],
      profiles: [
        {
          id: actor.profiles[0].id,
          mode: 'missing',
          missingPerson: { lastAddress: 'Unknown', caseStatus: 'Identified', height: 161 },
        },
      ],
      comment: 'identified at the morgue',
    });
    const bulletin = (await da.post('/api/bulletins', { title: 'Morgue list', comment: 'x' })).json();
    await da.post(`${path}/relations`, {
      kind: 'bulletin',
      id: bulletin.id,
      types: [await relationTypeId(ctx, 'actor-bulletin', 'Other')],
    });

    const revs = await history(da, path);
    expect(revs.map((r) => r.comment)).toEqual([
      `Related to bulletin #${bulletin.id} (Other, Maybe)`,
      'identified at the morgue',
      'nickname from neighbour',
      'reported missing by her brother',
    ]);
    const first = revs[3]!;
    const res = await da.post(`${path}/history/${first.id}/restore`, { comment: 'identification was wrong' });
    expect(res.statusCode).toBe(200);
    const out = res.json();
    expect(out.restoredFrom).toBe(first.id);
    expect(out.notRestored).toEqual(['relations']);
    expect(out.revision).toMatchObject({ comment: 'identification was wrong', user: { id: da.userId } });
    expect(out.record).toMatchObject({
      displayName: 'سلمى الخطيب',
      nicknameAr: '',
      dialects: [{ id: f.dialectId }],
      profiles: [
        {
          id: actor.profiles[0].id,
          mode: 'missing',
          missingPerson: { lastAddress: 'Douma checkpoint', caseStatus: 'Missing', height: 160 },
        },
      ],
    });
    const after = await history(da, path);
    expect(after).toHaveLength(5);
    expect(after.slice(1).map((r) => r.id)).toEqual(revs.map((r) => r.id));
    expect((await da.get(`${path}/relations?kind=bulletin`)).json().total).toBe(1);
    const [activity] = await rows<{ action: string; details: { restoredFrom: number } }>(
      ctx.database.db,
      sql`select action, details from activity where kind = 'actor' and record_id = ${actor.id} order by id desc limit 1`,
    );
    expect(activity).toMatchObject({ action: 'RESTORE', details: { restoredFrom: first.id } });
  });

  it('diffs two revisions field by field for users with full history, and shows others only the simple log', async () => {
    const incident = (
      await da.post('/api/incidents', { title: 'Shelling', labels: [f.labelId], comment: 'opened' })
    ).json();
    const path = `/api/incidents/${incident.id}`;
    await da.post(`${path}/update`, {
      title: 'Shelling of the market',
      titleAr: 'قصف السوق',
      labels: [],
      comment: 'retitled',
    });
    const [to, from] = await history(da, path);
    const diff = (await da.get(`${path}/history/diff?from=${from!.id}&to=${to!.id}`)).json();
    expect(diff.from.id).toBe(from!.id);
    expect(diff.to.comment).toBe('retitled');
    const byPath = Object.fromEntries(
      diff.changes.map((c: { path: string; old: unknown; new: unknown }) => [c.path, c]),
    );
    expect(byPath.title).toEqual({ path: 'title', old: 'Shelling', new: 'Shelling of the market' });
    expect(byPath.titleAr).toEqual({ path: 'titleAr', old: '', new: 'قصف السوق' });
    expect(byPath.labels.old).toEqual([{ id: f.labelId, title: 'Enforced disappearance', titleAr: 'إخفاء قسري' }]);
    expect(byPath.labels.new).toEqual([]);
    expect(byPath.comments).toEqual({ path: 'comments', old: 'opened', new: 'retitled' });

    const simpleLog = await history(simple, path);
    expect(simpleLog[0]).toMatchObject({ comment: 'retitled', status: 'Human Created' });
    expect(simpleLog[0]!.snapshot).toBeUndefined();
    expect((await simple.get(`${path}/history/diff?from=${from!.id}&to=${to!.id}`)).statusCode).toBe(403);
    expect((await da.get(`${path}/history/diff?from=${from!.id}&to=999999`)).statusCode).toBe(404);
  });

  it('restores bulletins too, and refuses naming the field when an old vocabulary term no longer exists', async () => {
    const [label] = await rows<{ id: number }>(
      ctx.database.db,
      sql`insert into labels (title) values ('Short-lived') returning id`,
    );
    const b = (
      await da.post('/api/bulletins', { title: 'Original', labels: [label!.id], tags: ['a'], comment: 'first' })
    ).json();
    const path = `/api/bulletins/${b.id}`;
    await da.post(`${path}/update`, { title: 'Second', labels: [], tags: ['b'], comment: 'second' });
    const [, first] = await history(da, path);
    await rows(ctx.database.db, sql`delete from labels where id = ${label!.id}`);
    const refused = await da.post(`${path}/history/${first!.id}/restore`, { comment: 'back' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({ labels: `unknown label ${label!.id}` });
    expect(await history(da, path)).toHaveLength(2);

    const c = (await admin.post('/api/bulletins', { title: 'Plain', tags: ['x'], comment: 'first' })).json();
    await admin.post(`/api/bulletins/${c.id}/update`, { title: 'Changed', tags: [], comment: 'second' });
    const [, plainFirst] = await history(admin, `/api/bulletins/${c.id}`);
    const restored = await admin.post(`/api/bulletins/${c.id}/history/${plainFirst!.id}/restore`, { comment: 'undo' });
    expect(restored.statusCode).toBe(200);
    expect(restored.json().notRestored).toEqual(['relations']);
    expect(restored.json().record).toMatchObject({ title: 'Plain', tags: ['x'], comments: 'undo' });
  });

  it('only those who may edit the record restore it; a revision of another record is not found', async () => {
    const mine = (await da.post('/api/incidents', { title: 'Mine', comment: 'first' })).json();
    const other = (await da.post('/api/incidents', { title: 'Other', comment: 'first' })).json();
    const [rev] = await history(da, `/api/incidents/${mine.id}`);
    const otherDa = await signedIn(ctx, { roles: ['DA'] });
    expect(
      (await otherDa.post(`/api/incidents/${mine.id}/history/${rev!.id}/restore`, { comment: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (await simple.post(`/api/incidents/${mine.id}/history/${rev!.id}/restore`, { comment: 'x' })).statusCode,
    ).toBe(403);
    expect((await da.post(`/api/incidents/${other.id}/history/${rev!.id}/restore`, { comment: 'x' })).statusCode).toBe(
      404,
    );
    expect(
      (await da.post(`/api/incidents/${mine.id}/history/${rev!.id}/restore`, {})).json().error.fields,
    ).toHaveProperty('comment');
  });
});
