import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, sql } from '../../db/client.js';
import { signedIn, testApp, type Client, type TestContext } from '../../../test/helpers.js';
import { actingUserById } from '../workflow/workflow.users.js';
import { saveSearchTimeoutMs, searchCondition } from './search.engine.js';
import { KINDS } from './search.kinds.js';
import type { Block } from './search.schemas.js';
import { eventTypeIds, insertLabel, insertLocation, insertSource } from './search.fixtures.js';

let ctx: TestContext;
let admin: Client;
let da: Client;
let member: Client;
const b: Record<string, number> = {};
const v: Record<string, number> = {};

const sorted = (x: number[]) => [...x].sort((p, q) => p - q);

async function search(who: Client, blocks: unknown[], extra: Record<string, unknown> = {}) {
  const res = await who.post('/api/bulletins/search', { blocks, ...extra });
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json<{
    items: { id: number }[];
    total: number | null;
    nextCursor: string | null;
    totalIsEstimate?: boolean;
    fuzzy?: boolean;
  }>();
}
async function ids(who: Client, blocks: unknown[]): Promise<number[]> {
  return sorted((await search(who, blocks, { limit: 200 })).items.map((i) => i.id));
}
const set = (...names: string[]) => sorted(names.map((n) => b[n] as number));

beforeAll(async () => {
  ctx = await testApp();
  admin = await signedIn(ctx, { roles: ['Admin'] });
  da = await signedIn(ctx, { roles: ['DA'] });
  const group = (await admin.post('/api/groups', { name: `Search team ${Date.now()}`, description: '' })).json<{
    id: number;
  }>();
  v.group = group.id;
  member = await signedIn(ctx, { roles: ['DA'], groups: [group.id] });

  v.syria = await insertLocation(ctx, 'Syria', 'سوريا', null, 35, 38);
  v.tartusGov = await insertLocation(ctx, 'Tartus Governorate', 'محافظة طرطوس', v.syria, 34.95, 36.0);
  v.tartusCity = await insertLocation(ctx, 'Ţarţūs', 'طرطوس', v.tartusGov, 34.889, 35.8866);
  v.arwad = await insertLocation(ctx, 'Arwad', 'أرواد', v.tartusGov, 34.856, 35.858);
  v.aleppo = await insertLocation(ctx, 'Aleppo', 'حلب', v.syria, 36.2021, 37.1343);
  v.violence = await insertLabel(ctx, 'Violence', null);
  v.shellingLabel = await insertLabel(ctx, 'Shelling', v.violence);
  v.detention = await insertLabel(ctx, 'Detention', null);
  v.src = await insertSource(ctx, 'Media', null);
  v.srcChild = await insertSource(ctx, 'Local media', v.src);
  [v.et1, v.et2] = (await eventTypeIds(ctx)) as [number, number];

  const make = async (name: string, body: Record<string, unknown>) => {
    const res = await admin.post('/api/bulletins', { comment: 'search fixture', ...body });
    if (res.statusCode !== 201) throw new Error(`${name}: ${res.statusCode} ${res.body}`);
    b[name] = res.json<{ id: number }>().id;
  };
  await make('b1', {
    title: 'Shelling of Ţarţūs market',
    titleAr: 'قصف سوق طرطوس',
    labels: [v.shellingLabel],
    locations: [v.tartusCity],
    publishDate: '2019-03-15',
    tags: ['market', 'shelling'],
    originId: 'YT-1001',
  });
  await make('b2', {
    title: 'Detention at checkpoint',
    titleAr: 'اعتقال على الحاجز',
    description: '<p>The man was arrested at the Aleppo checkpoint</p>',
    labels: [v.detention],
    locations: [v.aleppo],
    publishDate: '1965-06-01',
    documentationDate: '1965-06-03',
    events: [
      { typeId: v.et1, locationId: v.aleppo, fromDate: '1965-05-30', toDate: '1965-06-02', estimated: true },
      { typeId: v.et2, locationId: v.arwad, fromDate: '2020-01-01' },
    ],
    tags: ['checkpoint'],
  });
  await make('b3', {
    title: 'Protest in Aleppo',
    titleAr: 'مُظاهَرة في حَلَب',
    labels: [v.violence, v.detention],
    sources: [v.srcChild],
    geoMarkers: [{ title: 'square', lat: 34.9, lng: 35.9 }],
    tags: ['protest-2019'],
  });
  await make('b4', {
    title: 'Secret shelling report',
    labels: [v.shellingLabel],
    locations: [v.tartusCity],
    accessGroups: [v.group],
  });
  await make('b5', { title: 'School', titleAr: 'أحمد يذهب إلى المدرسة', description: 'عام ٢٠١٩' });
  await make('b6', { title: 'Hospital', titleAr: 'احمد في المستشفي والمدينه', sources: [v.src] });
  await ctx.database.db.execute(
    sql`update bulletins set assigned_to_id = ${da.userId}, first_peer_reviewer_id = ${member.userId}, review_action = 'Needs Review', status = 'Peer Reviewed' where id = ${b.b1}`,
  );
  await ctx.database.db.execute(sql`update bulletins set assigned_to_id = null where id in (${b.b2}, ${b.b3})`);
  const rel = await admin.post(`/api/bulletins/${b.b1}/relations`, {
    kind: 'bulletin',
    id: b.b2,
    types: [],
    comment: 'same event',
  });
  if (rel.statusCode >= 300) throw new Error(`relation: ${rel.statusCode} ${rel.body}`);
  const rel2 = await admin.post(`/api/bulletins/${b.b4}/relations`, {
    kind: 'bulletin',
    id: b.b2,
    types: [],
    comment: 'same event',
  });
  if (rel2.statusCode >= 300) throw new Error(`relation: ${rel2.statusCode} ${rel2.body}`);
});
afterAll(() => ctx.close());

describe('bulletin search: text', () => {
  it('finds by word prefix, ranks, and hides restricted records from results and counts', async () => {
    expect(await ids(admin, [{ text: 'tartus' }])).toEqual(set('b1', 'b4'));
    expect(await ids(da, [{ text: 'tartus' }])).toEqual(set('b1'));
    expect(await ids(member, [{ text: 'tartus' }])).toEqual(set('b1', 'b4'));
    expect(await ids(admin, [{ text: 'shell' }])).toEqual(set('b1', 'b4'));
    const secret = await search(da, [{ text: 'secret' }], { count: 'exact' });
    expect(secret.items).toEqual([]);
    expect(secret.total).toBe(0);
    expect((await search(da, [{ text: 'shelling' }], { count: 'estimate' })).total).toBe(1);
  });

  it('normalises Arabic both ways: alef, alef maqsura, taa marbuta, tashkeel, tatweel, digits', async () => {
    expect(await ids(da, [{ text: 'طرطوس' }])).toEqual(set('b1'));
    expect(await ids(da, [{ text: 'أحمد' }])).toEqual(set('b5', 'b6'));
    expect(await ids(da, [{ text: 'احمد' }])).toEqual(set('b5', 'b6'));
    expect(await ids(da, [{ text: 'إحمد' }])).toEqual(set('b5', 'b6'));
    expect(await ids(da, [{ text: 'إلى' }])).toEqual(set('b5'));
    expect(await ids(da, [{ text: 'الي' }])).toEqual(set('b5'));
    expect(await ids(da, [{ text: 'المستشفى' }])).toEqual(set('b6'));
    expect(await ids(da, [{ text: 'المدينة' }])).toEqual(set('b6'));
    expect(await ids(da, [{ text: 'المدرسه' }])).toEqual(set('b5'));
    expect(await ids(da, [{ text: 'مظاهرة' }])).toEqual(set('b3'));
    expect(await ids(da, [{ text: 'مُظاهَرة حَلَب' }])).toEqual(set('b3'));
    expect(await ids(da, [{ text: 'مظـــاهرة' }])).toEqual(set('b3'));
    expect(await ids(da, [{ text: '2019' }])).toEqual(set('b3', 'b5'));
    expect(await ids(da, [{ text: '٢٠١٩' }])).toEqual(set('b3', 'b5'));
    expect(await ids(da, [{ text: 'Ţarţūs' }])).toEqual(set('b1'));
  });

  it('matches quoted phrases exactly, excludes words, and falls back to partial words and misspellings', async () => {
    expect(await ids(admin, [{ text: '"aleppo checkpoint"' }])).toEqual(set('b2'));
    expect(await ids(admin, [{ phrase: 'aleppo checkpoint' }])).toEqual(set('b2'));
    expect(await ids(admin, [{ text: '"checkpoint aleppo"' }])).toEqual([]);
    expect(await ids(admin, [{ text: 'shelling', excludeText: 'market' }])).toEqual(set('b4'));
    const fuzzy = await search(da, [{ text: 'tartuss' }]);
    expect(fuzzy.items.map((i) => i.id)).toEqual([b.b1]);
    expect(fuzzy.fuzzy).toBe(true);
    expect(await ids(da, [{ text: 'artu' }])).toEqual(set('b1'));
    // Approximate matches are never counted exactly (that tests every row): the total is flagged.
    const approx = await search(admin, [{ text: 'shellng' }], { limit: 1, count: 'exact' });
    expect(approx.fuzzy).toBe(true);
    expect(approx.items).toHaveLength(1);
    expect(approx.totalIsEstimate).toBe(true);
    const quick = (await da.get('/api/bulletins?q=tartuss')).json<{ fuzzy?: boolean; items: { id: number }[] }>();
    expect(quick.fuzzy).toBe(true);
    expect(quick.items.map((i) => i.id)).toEqual([b.b1]);
  });

  it('orders by relevance with keyset paging in rank order, newest first without text', async () => {
    const all: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await search(admin, [{ text: 'aleppo' }], { limit: 1, ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(2);
      all.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(sorted(all)).toEqual(set('b2', 'b3'));
    const newest = await search(admin, [], { limit: 4 });
    expect(newest.items.map((i) => i.id)).toEqual([b.b6, b.b5, b.b4, b.b3]);
    expect(newest.total).toBe(6);
    const next = await search(admin, [], { limit: 4, cursor: newest.nextCursor });
    expect(next.items.map((i) => i.id)).toEqual([b.b2, b.b1]);
    expect((await search(admin, [], { limit: 1, count: 'none' })).total).toBeNull();
    const est = await search(admin, [], { limit: 1, count: 'estimate' });
    expect(est.totalIsEstimate).toBe(true);
  });

  it('quick search uses the same ranked text search', async () => {
    const res = await da.get(`/api/bulletins?q=${encodeURIComponent('طرطوس')}`);
    expect(res.json().items.map((i: { id: number }) => i.id)).toEqual([b.b1]);
  });
});

describe('bulletin search: filters', () => {
  it('labels: any, all, children, exclusion; verified labels and sources with children', async () => {
    expect(await ids(admin, [{ labels: [v.violence] }])).toEqual(set('b3'));
    expect(await ids(admin, [{ labels: [v.violence], includeChildLabels: true }])).toEqual(set('b1', 'b3', 'b4'));
    expect(await ids(da, [{ labels: [v.violence], includeChildLabels: true }])).toEqual(set('b1', 'b3'));
    expect(await ids(admin, [{ labels: [v.violence, v.detention], labelsMode: 'all' }])).toEqual(set('b3'));
    expect(await ids(admin, [{ labels: [v.violence, v.detention] }])).toEqual(set('b2', 'b3'));
    expect(await ids(admin, [{ excludeLabels: [v.detention] }])).toEqual(set('b1', 'b4', 'b5', 'b6'));
    expect(await ids(admin, [{ sources: [v.src] }])).toEqual(set('b6'));
    expect(await ids(admin, [{ sources: [v.src], includeChildSources: true }])).toEqual(set('b3', 'b6'));
    expect(await ids(admin, [{ excludeSources: [v.src], includeChildSources: true }])).toEqual(
      set('b1', 'b2', 'b4', 'b5'),
    );
    expect(await ids(admin, [{ verifiedLabels: [v.violence] }])).toEqual([]);
  });

  it('locations always include descendants; events by type, place and overlapping dates, same event or not', async () => {
    expect(await ids(admin, [{ locations: [v.tartusGov] }])).toEqual(set('b1', 'b2', 'b4'));
    expect(await ids(da, [{ locations: [v.syria] }])).toEqual(set('b1', 'b2'));
    expect(await ids(admin, [{ excludeLocations: [v.tartusGov] }])).toEqual(set('b3', 'b5', 'b6'));
    expect(await ids(admin, [{ event: { from: '1965-06-02', to: '1965-06-10' } }])).toEqual(set('b2'));
    expect(await ids(admin, [{ event: { from: '1965-06-03', to: '1965-06-10' } }])).toEqual([]);
    expect(await ids(admin, [{ event: { to: '1965-05-30' } }])).toEqual(set('b2'));
    expect(await ids(admin, [{ event: { types: [v.et2], locations: [v.aleppo] } }])).toEqual(set('b2'));
    expect(await ids(admin, [{ event: { types: [v.et2], locations: [v.aleppo], sameEvent: true } }])).toEqual([]);
    expect(
      await ids(admin, [
        { event: { types: [v.et1], locations: [v.syria], sameEvent: true, from: '1965-01-01', to: '1965-12-31' } },
      ]),
    ).toEqual(set('b2'));
  });

  it('dates are inclusive whole days, before 1970 too', async () => {
    expect(await ids(admin, [{ publishDate: { from: '1965-06-01', to: '1965-06-01' } }])).toEqual(set('b2'));
    expect(await ids(admin, [{ publishDate: { to: '1965-05-31' } }])).toEqual([]);
    expect(await ids(admin, [{ publishDate: { from: '1966-01-01' } }])).toEqual(set('b1'));
    expect(await ids(admin, [{ documentationDate: { from: '1965-06-03' } }])).toEqual(set('b2'));
    const today = new Date().toISOString().slice(0, 10);
    expect(await ids(da, [{ created: { from: today, to: today } }])).toEqual(set('b1', 'b2', 'b3', 'b5', 'b6'));
    expect(await ids(da, [{ updated: { to: '2000-01-01' } }])).toEqual([]);
  });

  it('geo radius by locations, geo markers and event places', async () => {
    const nearTartus = { lat: 34.889, lng: 35.8866, radiusM: 20_000 };
    expect(await ids(admin, [{ near: nearTartus }])).toEqual(set('b1', 'b2', 'b3', 'b4'));
    expect(await ids(da, [{ near: nearTartus }])).toEqual(set('b1', 'b2', 'b3'));
    expect(await ids(admin, [{ near: { ...nearTartus, by: ['geoMarkers'] } }])).toEqual(set('b3'));
    expect(await ids(admin, [{ near: { ...nearTartus, by: ['locations'] } }])).toEqual(set('b1', 'b4'));
    expect(await ids(admin, [{ near: { ...nearTartus, by: ['events'] } }])).toEqual(set('b2'));
    expect(await ids(admin, [{ near: { ...nearTartus, radiusM: 100 } }])).toEqual(set('b1', 'b4'));
    expect(await ids(admin, [{ near: { lat: 36.2, lng: 37.13, radiusM: 5000 } }])).toEqual(set('b2'));
  });

  it('tags exact or contains, any or all, exclusion; origin id', async () => {
    expect(await ids(admin, [{ tags: ['market'] }])).toEqual(set('b1'));
    expect(await ids(admin, [{ tags: ['market', 'checkpoint'] }])).toEqual(set('b1', 'b2'));
    expect(await ids(admin, [{ tags: ['market', 'shelling'], tagsMode: 'all' }])).toEqual(set('b1'));
    expect(await ids(admin, [{ tags: ['market', 'checkpoint'], tagsMode: 'all' }])).toEqual([]);
    expect(await ids(admin, [{ tags: ['prot'] }])).toEqual([]);
    expect(await ids(admin, [{ tags: ['prot'], tagsExact: false }])).toEqual(set('b3'));
    expect(await ids(admin, [{ excludeTags: ['check'], excludeTagsExact: false }])).toEqual(
      set('b1', 'b3', 'b4', 'b5', 'b6'),
    );
    expect(await ids(admin, [{ originId: 'yt-10' }])).toEqual(set('b1'));
  });

  it('workflow: statuses, assignee, unassigned, reviewer, review action; access groups; ids', async () => {
    expect(await ids(admin, [{ statuses: ['Peer Reviewed'] }])).toEqual(set('b1'));
    expect(await ids(admin, [{ assignedTo: [da.userId] }])).toEqual(set('b1'));
    expect(await ids(da, [{ unassigned: true }])).toEqual(set('b2', 'b3'));
    expect(await ids(admin, [{ reviewer: [member.userId] }])).toEqual(set('b1'));
    expect(await ids(admin, [{ reviewAction: 'Needs Review' }])).toEqual(set('b1'));
    expect(await ids(admin, [{ accessGroups: [v.group] }])).toEqual(set('b4'));
    expect(await ids(da, [{ accessGroups: [v.group] }])).toEqual([]);
    expect(await ids(admin, [{ unrestricted: true }])).toEqual(set('b1', 'b2', 'b3', 'b5', 'b6'));
    expect(await ids(da, [{ ids: [b.b1, b.b4] }])).toEqual(set('b1'));
  });

  it('related to a record, only when the viewer may see that record', async () => {
    expect(await ids(admin, [{ relatedTo: { kind: 'bulletin', id: b.b1 } }])).toEqual(set('b2'));
    expect(await ids(admin, [{ relatedTo: { kind: 'bulletin', id: b.b2 } }])).toEqual(set('b1', 'b4'));
    expect(await ids(da, [{ relatedTo: { kind: 'bulletin', id: b.b2 } }])).toEqual(set('b1'));
    expect(await ids(da, [{ relatedTo: { kind: 'bulletin', id: b.b4 } }])).toEqual([]);
  });

  it('refuses unknown filter names, naming the field', async () => {
    const res = await admin.post('/api/bulletins/search', { blocks: [{ text: 'x', colour: 'red' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation');
    expect(JSON.stringify(res.json().error)).toContain('colour');
    const actorOnly = await admin.post('/api/bulletins/search', { blocks: [{ firstName: 'x' }] });
    expect(actorOnly.statusCode).toBe(400);
  });

  it('refuses dates that are not real days (out of range, 30 February, year 0) with 400, on every kind', async () => {
    const bad = [
      { created: { from: '999999-12-31' } },
      { updated: { to: '-0001-01-01' } },
      { created: { to: '0000-01-01' } },
      { publishDate: { from: '2020-02-30' } },
    ];
    for (const block of bad) {
      const res = await admin.post('/api/bulletins/search', { blocks: [block] });
      expect(res.statusCode, JSON.stringify(block)).toBe(400);
      expect(res.json().error.code).toBe('validation');
    }
    for (const kind of ['actors', 'incidents']) {
      const res = await admin.post(`/api/${kind}/search`, { blocks: [{ created: { from: '999999-12-31' } }] });
      expect(res.statusCode, kind).toBe(400);
    }
    const saved = await admin.post('/api/saved-searches', {
      name: 'Bad date',
      kind: 'bulletin',
      query: { blocks: [{ created: { to: '0000-01-01' } }] },
    });
    expect(saved.statusCode).toBe(400);
    expect((await admin.get('/api/activity?to=0000-01-01')).statusCode).toBe(400);
    expect(
      (await admin.post('/api/bulletins/search', { blocks: [{ created: { from: '1965-03-02' } }] })).statusCode,
    ).toBe(200);
  });
});

describe('bulletin search: blocks', () => {
  it('folds three blocks left to right: (B1 or B2) and B3', async () => {
    const blocks = [{ ids: [b.b1] }, { op: 'or', ids: [b.b2] }, { op: 'and', labels: [v.detention] }];
    expect(await ids(admin, blocks)).toEqual(set('b2'));
  });
  it('folds four blocks: ((B1 or B2) and B3) or B4', async () => {
    const blocks = [
      { ids: [b.b1] },
      { op: 'or', ids: [b.b2] },
      { op: 'and', labels: [v.detention] },
      { op: 'or', text: 'المدرسة' },
    ];
    expect(await ids(admin, blocks)).toEqual(set('b2', 'b5'));
    const withAnd = [...blocks.slice(0, 3), { op: 'and', text: 'aleppo' }, { op: 'or', ids: [b.b4] }];
    expect(await ids(admin, withAnd)).toEqual(set('b2', 'b4'));
    expect(await ids(da, withAnd)).toEqual(set('b2'));
  });
  it('broad searches (EXISTS as per-record probes) match exactly the records the default form matches', async () => {
    const nearTartus = { lat: 34.889, lng: 35.8866, radiusM: 20_000 };
    const cases: { blocks: Block[]; expected: number[] }[] = [
      { blocks: [{ near: nearTartus }], expected: set('b1', 'b2', 'b3', 'b4') },
      { blocks: [{ locations: [v.tartusGov as number] }], expected: set('b1', 'b2', 'b4') },
      { blocks: [{ event: { types: [v.et1 as number], from: '1965-06-01', to: '1965-06-01' } }], expected: set('b2') },
      {
        blocks: [
          { text: 'shelling' },
          { op: 'or', text: 'checkpoint' },
          { op: 'and', locations: [v.aleppo as number] },
        ],
        expected: set('b2'),
      },
    ];
    const actor = await actingUserById(ctx.database.db, admin.userId);
    if (!actor) throw new Error('no acting user');
    for (const c of cases) {
      const found: number[][] = [];
      for (const spec of [KINDS.bulletin, { ...KINDS.bulletin, probe: true }]) {
        const where = await searchCondition(ctx.database.db, actor, spec, c.blocks, false);
        const r = await rows<{ id: number }>(ctx.database.db, sql`select id from bulletins where ${where}`);
        found.push(sorted(r.map((x) => Number(x.id))));
      }
      expect(found[0]).toEqual(c.expected);
      expect(found[1]).toEqual(c.expected);
    }
  });
});

describe('saved and background searches', () => {
  it('saves, lists, renames and deletes per user; others get 404; names unique per user', async () => {
    const query = { blocks: [{ text: 'shelling' }] };
    const saved = await member.post('/api/saved-searches', { name: 'Shelling', kind: 'bulletin', query });
    expect(saved.statusCode).toBe(201);
    const id = saved.json().id;
    expect((await member.post('/api/saved-searches', { name: 'Shelling', kind: 'bulletin', query })).statusCode).toBe(
      409,
    );
    expect((await da.post('/api/saved-searches', { name: 'Shelling', kind: 'bulletin', query })).statusCode).toBe(201);
    expect(
      (await member.post('/api/saved-searches', { name: 'Bad', kind: 'bulletin', query: { blocks: [{ nope: 1 }] } }))
        .statusCode,
    ).toBe(400);
    expect(
      (await member.get('/api/saved-searches?kind=bulletin')).json().items.map((s: { name: string }) => s.name),
    ).toEqual(['Shelling']);
    expect((await member.get('/api/saved-searches?kind=actor')).json().items).toEqual([]);
    expect((await da.post(`/api/saved-searches/${id}/update`, { name: 'Mine now' })).statusCode).toBe(404);
    expect((await da.post(`/api/saved-searches/${id}/delete`)).statusCode).toBe(404);
    const renamed = await member.post(`/api/saved-searches/${id}/update`, { name: 'Shelling reports' });
    expect(renamed.json().name).toBe('Shelling reports');
    // Running the same saved query: each viewer sees only what they may see.
    expect(await ids(member, query.blocks)).toEqual(set('b1', 'b4'));
    expect(await ids(da, query.blocks)).toEqual(set('b1'));
    expect((await member.post(`/api/saved-searches/${id}/delete`)).statusCode).toBe(200);
    expect((await member.get('/api/saved-searches')).json().items).toEqual([]);
  });

  it('a search over the time limit runs in the background; results are owner-only and re-filtered', async () => {
    await saveSearchTimeoutMs(ctx.database.db, -1);
    try {
      const queued = await member.post('/api/bulletins/search', { blocks: [{ text: 'shelling' }] });
      expect(queued.statusCode).toBe(202);
      const jobId = queued.json().jobId as number;
      await ctx.app.jobWorker.drain();
      const res = (await member.get(`/api/search-results/${jobId}`)).json();
      expect(res.status).toBe('done');
      expect(sorted(res.ids)).toEqual(set('b1', 'b4'));
      expect((await da.get(`/api/search-results/${jobId}`)).statusCode).toBe(404);
      const notes = await rows<{ link: string }>(
        ctx.database.db,
        sql`select link from notifications where user_id = ${member.userId} and category = 'search'`,
      );
      expect(notes.map((n) => n.link)).toEqual([`/bulletins?searchJob=${jobId}`]);
      const daJob = (await da.post('/api/bulletins/search', { blocks: [{ text: 'shelling' }] })).json().jobId as number;
      await ctx.app.jobWorker.drain();
      expect((await da.get(`/api/search-results/${daJob}`)).json().ids).toEqual([b.b1]);
      // Access removed after the search ran: the stored result is re-filtered.
      await ctx.database.db
        .execute(sql`delete from user_groups where user_id = ${member.userId}`)
        .catch(() => undefined);
    } finally {
      await saveSearchTimeoutMs(ctx.database.db, null);
    }
  });
});
