import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testApp, type Client, type TestContext } from '../../../test/helpers.js';
import { recordFixtures, type RecordFixtures } from '../../../test/recordFixtures.js';
import { eventTypeIds, insertLabel, insertLocation } from './search.fixtures.js';

let ctx: TestContext;
let admin: Client;
let da: Client;
let f: RecordFixtures;
const a: Record<string, number> = {};
const i: Record<string, number> = {};
const v: Record<string, number> = {};
const sorted = (x: number[]) => [...x].sort((p, q) => p - q);

async function ids(who: Client, kind: 'actors' | 'incidents', blocks: unknown[]): Promise<number[]> {
  const res = await who.post(`/api/${kind}/search`, { blocks, limit: 200 });
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  return sorted(res.json<{ items: { id: number }[] }>().items.map((x) => x.id));
}
const actors = (...n: string[]) => sorted(n.map((x) => a[x] as number));
const incidents = (...n: string[]) => sorted(n.map((x) => i[x] as number));

beforeAll(async () => {
  ctx = await testApp();
  admin = await signedIn(ctx, { roles: ['Admin'] });
  da = await signedIn(ctx, { roles: ['DA'] });
  f = await recordFixtures(ctx);
  const group = (await admin.post('/api/groups', { name: `Actor search ${Date.now()}`, description: '' })).json<{
    id: number;
  }>();
  v.group = group.id;
  v.country = await insertLocation(ctx, 'Syria', 'سوريا', null, null, null);
  v.homs = await insertLocation(ctx, 'Homs', 'حمص', v.country, 34.7324, 36.7137);
  v.baba = await insertLocation(ctx, 'Baba Amr', 'بابا عمرو', v.homs, 34.7167, 36.6833);
  v.idlib = await insertLocation(ctx, 'Idlib', 'إدلب', v.country, 35.9306, 36.6339);
  v.parentLabel = await insertLabel(ctx, 'Armed groups', null);
  v.childLabel = await insertLabel(ctx, 'Militia', v.parentLabel);
  [v.et1] = await eventTypeIds(ctx);
  const person = { type: 'Person', comment: 'fixture' };
  const make = async (name: string, body: Record<string, unknown>) => {
    const res = await admin.post('/api/actors', { ...person, ...body });
    if (res.statusCode !== 201) throw new Error(`${name}: ${res.statusCode} ${res.body}`);
    a[name] = res.json<{ id: number }>().id;
  };
  await make('a1', {
    firstName: 'Omar',
    lastName: 'Haddad',
    firstNameAr: 'عمر',
    lastNameAr: 'حداد',
    nicknameAr: 'أبو خالد',
    sex: 'Male',
    age: 'Adult',
    civilian: 'Civilian',
    familyStatus: 'Married',
    occupation: 'Teacher',
    originPlace: v.baba,
    ethnographies: [f.ethnographyId],
    nationalities: [f.countryId],
    idNumbers: [{ type: f.idNumberTypeId, number: '0099887766' }],
    profiles: [
      { mode: 'normal', originId: 'ORIG-77', publishDate: '1968-02-10', labels: [v.childLabel], sources: [f.sourceId] },
    ],
  });
  await make('a2', {
    firstName: 'Layla',
    lastName: 'Nasser',
    motherNameAr: 'فاطمة',
    sex: 'Female',
    position: 'Commander',
    originPlace: v.idlib,
    dialects: [f.dialectId],
    nationalities: [f.countryId],
    events: [{ typeId: v.et1, locationId: v.homs, fromDate: '2012-02-01', toDate: '2012-03-01', estimated: true }],
    profiles: [{ mode: 'missing', labels: [v.parentLabel], verifiedLabels: [f.verifiedLabelId] }],
  });
  await make('a3', {
    type: 'Entity',
    name: 'Secret brigade',
    accessGroups: [v.group],
    originPlace: v.baba,
    profiles: [{ mode: 'main' }],
  });

  const inc = async (name: string, body: Record<string, unknown>) => {
    const res = await admin.post('/api/incidents', { comment: 'fixture', ...body });
    if (res.statusCode !== 201) throw new Error(`${name}: ${res.statusCode} ${res.body}`);
    i[name] = res.json<{ id: number }>().id;
  };
  await inc('i1', {
    title: 'Siege of Baba Amr',
    titleAr: 'حصار بابا عمرو',
    locations: [v.baba],
    potentialViolations: [f.potentialViolationId],
  });
  await inc('i2', { title: 'Shelling of Idlib', claimedViolations: [f.claimedViolationId], labels: [v.childLabel] });
  await inc('i3', { title: 'Secret siege', accessGroups: [v.group], locations: [v.baba] });
  await admin.post(`/api/actors/${a.a1}/relations`, { kind: 'incident', id: i.i1, types: [], comment: 'took part' });
});
afterAll(() => ctx.close());

describe('actor search', () => {
  it('name parts in English or Arabic, occupation, position, ID numbers', async () => {
    expect(await ids(da, 'actors', [{ firstName: 'oma' }])).toEqual(actors('a1'));
    expect(await ids(da, 'actors', [{ lastName: 'حداد' }])).toEqual(actors('a1'));
    expect(await ids(da, 'actors', [{ nickname: 'خالد' }])).toEqual(actors('a1'));
    expect(await ids(da, 'actors', [{ motherName: 'فاطمة' }])).toEqual(actors('a2'));
    expect(await ids(da, 'actors', [{ occupation: 'teach' }])).toEqual(actors('a1'));
    expect(await ids(da, 'actors', [{ position: 'command' }])).toEqual(actors('a2'));
    expect(await ids(da, 'actors', [{ idNumber: { number: '0099887766' } }])).toEqual(actors('a1'));
    expect(await ids(da, 'actors', [{ idNumber: { type: f.idNumberTypeId, number: '99887766' } }])).toEqual([]);
  });

  it('enumerations, ethnography/nationality/dialects any or all, origin place with descendants', async () => {
    expect(await ids(da, 'actors', [{ sex: ['Female'] }])).toEqual(actors('a2'));
    expect(await ids(da, 'actors', [{ age: ['Adult'], civilian: ['Civilian'], familyStatus: ['Married'] }])).toEqual(
      actors('a1'),
    );
    expect(await ids(admin, 'actors', [{ type: ['Entity'] }])).toEqual(actors('a3'));
    expect(await ids(da, 'actors', [{ type: ['Entity'] }])).toEqual([]);
    expect(await ids(da, 'actors', [{ nationalities: [f.countryId] }])).toEqual(actors('a1', 'a2'));
    expect(await ids(da, 'actors', [{ ethnographies: [f.ethnographyId], nationalities: [f.countryId] }])).toEqual(
      actors('a1'),
    );
    expect(await ids(da, 'actors', [{ dialects: [f.dialectId] }])).toEqual(actors('a2'));
    expect(await ids(admin, 'actors', [{ originLocations: [v.homs] }])).toEqual(actors('a1', 'a3'));
    expect(await ids(da, 'actors', [{ originLocations: [v.homs] }])).toEqual(actors('a1'));
    expect(await ids(da, 'actors', [{ excludeOriginLocations: [v.homs] }])).toEqual(actors('a2'));
    expect(await ids(da, 'actors', [{ locations: [v.homs] }])).toEqual(actors('a1', 'a2'));
  });

  it('profile labels (with children), verified labels, sources, origin id and profile dates before 1970', async () => {
    expect(await ids(da, 'actors', [{ labels: [v.parentLabel] }])).toEqual(actors('a2'));
    expect(await ids(da, 'actors', [{ labels: [v.parentLabel], includeChildLabels: true }])).toEqual(
      actors('a1', 'a2'),
    );
    expect(await ids(da, 'actors', [{ verifiedLabels: [f.verifiedLabelId] }])).toEqual(actors('a2'));
    expect(await ids(da, 'actors', [{ sources: [f.sourceId] }])).toEqual(actors('a1'));
    expect(await ids(da, 'actors', [{ originId: 'orig-7' }])).toEqual(actors('a1'));
    expect(await ids(da, 'actors', [{ publishDate: { from: '1968-02-10', to: '1968-02-10' } }])).toEqual(actors('a1'));
    expect(await ids(da, 'actors', [{ publishDate: { from: '1968-02-11' } }])).toEqual([]);
  });

  it('events by overlap (estimated dates), radius by origin place and events, text in Arabic, related incidents', async () => {
    expect(await ids(da, 'actors', [{ event: { from: '2012-02-15', to: '2012-02-15' } }])).toEqual(actors('a2'));
    expect(await ids(da, 'actors', [{ event: { types: [v.et1], locations: [v.country], sameEvent: true } }])).toEqual(
      actors('a2'),
    );
    expect(await ids(da, 'actors', [{ near: { lat: 34.7167, lng: 36.6833, radiusM: 1000 } }])).toEqual(actors('a1'));
    expect(await ids(admin, 'actors', [{ near: { lat: 34.7167, lng: 36.6833, radiusM: 1000 } }])).toEqual(
      actors('a1', 'a3'),
    );
    expect(await ids(da, 'actors', [{ near: { lat: 34.7324, lng: 36.7137, radiusM: 500 } }])).toEqual(actors('a2'));
    expect(
      await ids(da, 'actors', [{ near: { lat: 34.7324, lng: 36.7137, radiusM: 500, by: ['originPlace'] } }]),
    ).toEqual([]);
    expect(await ids(da, 'actors', [{ text: 'ابو خالد' }])).toEqual(actors('a1'));
    expect(await ids(da, 'actors', [{ relatedTo: { kind: 'incident', id: i.i1 } }])).toEqual(actors('a1'));
    expect(
      await ids(da, 'actors', [{ text: 'layla' }, { op: 'or', firstName: 'omar' }, { op: 'and', sex: ['Male'] }]),
    ).toEqual(actors('a1'));
  });

  it('refuses filters of other kinds', async () => {
    const res = await da.post('/api/actors/search', { blocks: [{ potentialViolations: [1] }] });
    expect(res.statusCode).toBe(400);
  });
});

describe('incident search', () => {
  it('violations, labels, locations with descendants, text, relations, restricted hidden', async () => {
    expect(await ids(da, 'incidents', [{ potentialViolations: [f.potentialViolationId] }])).toEqual(incidents('i1'));
    expect(await ids(da, 'incidents', [{ claimedViolations: [f.claimedViolationId] }])).toEqual(incidents('i2'));
    expect(await ids(da, 'incidents', [{ labels: [v.parentLabel], includeChildLabels: true }])).toEqual(
      incidents('i2'),
    );
    expect(await ids(da, 'incidents', [{ locations: [v.homs] }])).toEqual(incidents('i1'));
    expect(await ids(admin, 'incidents', [{ locations: [v.homs] }])).toEqual(incidents('i1', 'i3'));
    expect(await ids(da, 'incidents', [{ text: 'siege' }])).toEqual(incidents('i1'));
    expect(await ids(da, 'incidents', [{ text: 'حصار' }])).toEqual(incidents('i1'));
    expect(await ids(da, 'incidents', [{ relatedTo: { kind: 'actor', id: a.a1 } }])).toEqual(incidents('i1'));
    expect(await ids(da, 'incidents', [{ near: { lat: 34.7167, lng: 36.6833, radiusM: 2000 } }])).toEqual(
      incidents('i1'),
    );
    const count = (await da.post('/api/incidents/search', { blocks: [{ text: 'secret' }], count: 'exact' })).json();
    expect(count.total).toBe(0);
    const bad = await da.post('/api/incidents/search', { blocks: [{ tags: ['x'] }] });
    expect(bad.statusCode).toBe(400);
  });
});
