import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testApp, type Client, type TestContext } from '../../../test/helpers.js';
import { countRows, recordFixtures, type RecordFixtures } from '../../../test/recordFixtures.js';

let ctx: TestContext;
let admin: Client;
let da: Client;
let otherDa: Client;
let moderator: Client;
let viewer: Client;
let f: RecordFixtures;

beforeAll(async () => {
  ctx = await testApp();
  admin = await signedIn(ctx, { roles: ['Admin'] });
  da = await signedIn(ctx, { roles: ['DA'] });
  otherDa = await signedIn(ctx, { roles: ['DA'] });
  moderator = await signedIn(ctx, { roles: ['Moderator'] });
  viewer = await signedIn(ctx, {});
  f = await recordFixtures(ctx);
});
afterAll(() => ctx.close());

const base = { title: 'Chemical attack on Douma', comment: 'opened the investigation' };

describe('incidents', () => {
  it('creates an incident with every field', async () => {
    const res = await da.post('/api/incidents', {
      ...base,
      titleAr: 'هجوم كيميائي على دوما',
      description: '<p>Victims <em>reported</em><img src=x onerror=alert(1)></p>',
      potentialViolations: [f.potentialViolationId],
      claimedViolations: [f.claimedViolationId],
      labels: [f.labelId],
      locations: [f.locationId],
      events: [{ typeId: f.eventTypeId, fromDate: '2018-04-07', toDate: '2018-04-07' }],
    });
    expect(res.statusCode).toBe(201);
    const i = res.json();
    expect(i).toMatchObject({
      title: 'Chemical attack on Douma',
      titleAr: 'هجوم كيميائي على دوما',
      status: 'Human Created',
      potentialViolations: [{ id: f.potentialViolationId }],
      claimedViolations: [{ id: f.claimedViolationId }],
      labels: [{ id: f.labelId, title: 'Enforced disappearance' }],
      locations: [{ id: f.locationId, fullNameAr: 'دوما، ريف دمشق، سوريا' }],
      events: [{ fromDate: '2018-04-07T00:00:00Z', type: { id: f.eventTypeId } }],
      accessGroups: [],
      permissions: { update: true, delete: false },
    });
    expect(i.description).toBe('<p>Victims <em>reported</em><img src="x" /></p>');
    expect(i.assignedTo.id).toBe(da.userId);
  });

  it('lists newest first and finds incidents by Arabic title, place and violation', async () => {
    const a = (
      await da.post('/api/incidents', {
        ...base,
        title: 'Siege of Madaya',
        titleAr: 'حصار مضايا',
        locations: [f.locationId],
      })
    ).json();
    const b = (
      await da.post('/api/incidents', { ...base, title: 'Siege of Zabadani', titleAr: 'حصار الزبداني' })
    ).json();
    const sieges = (await viewer.get('/api/incidents?q=siege')).json();
    expect(sieges.items.map((i: { id: number }) => i.id)).toEqual([b.id, a.id]);
    expect(sieges.total).toBe(2);
    const byAr = (await viewer.get(`/api/incidents?q=${encodeURIComponent('مضايا')}`)).json();
    expect(byAr.items.map((i: { id: number }) => i.id)).toEqual([a.id]);
    const byPlace = (await viewer.get('/api/incidents?q=douma%20siege')).json();
    expect(byPlace.items.map((i: { id: number }) => i.id)).toEqual([a.id]);
    const page = (await viewer.get('/api/incidents?q=siege&limit=1')).json();
    const next = (await viewer.get(`/api/incidents?q=siege&limit=1&cursor=${page.nextCursor}`)).json();
    expect(next.items.map((i: { id: number }) => i.id)).toEqual([a.id]);
  });

  it('enforces role rules and soft delete', async () => {
    const i = (await da.post('/api/incidents', base)).json();
    expect((await otherDa.post(`/api/incidents/${i.id}/update`, { title: 'x', comment: 'x' })).statusCode).toBe(403);
    expect((await moderator.post('/api/incidents', base)).statusCode).toBe(403);
    expect((await viewer.post('/api/incidents', base)).statusCode).toBe(403);
    expect((await da.post(`/api/incidents/${i.id}/update`, { title: 'Renamed', comment: 'typo' })).json().title).toBe(
      'Renamed',
    );
    expect((await da.post(`/api/incidents/${i.id}/delete`, { comment: 'no' })).statusCode).toBe(403);
    expect((await admin.post(`/api/incidents/${i.id}/delete`, { comment: 'duplicate' })).statusCode).toBe(200);
    expect((await admin.get(`/api/incidents/${i.id}`)).statusCode).toBe(404);
  });

  it('hides incidents restricted to an access group', async () => {
    const group = (await admin.post('/api/groups', { name: `Team incidents ${Date.now()}`, description: '' })).json();
    const insider = await signedIn(ctx, { groups: [group.id] });
    const secret = (
      await admin.post('/api/incidents', { ...base, title: 'Restricted incident qq', accessGroups: [group.id] })
    ).json();
    expect((await viewer.get(`/api/incidents/${secret.id}`)).statusCode).toBe(404);
    expect((await viewer.get('/api/incidents?q=restricted%20incident%20qq')).json()).toMatchObject({
      items: [],
      total: 0,
    });
    expect((await insider.get('/api/incidents?q=restricted%20incident%20qq')).json().total).toBe(1);
  });

  it('rejects bad input with field names and leaves nothing behind', async () => {
    const tables = ['incidents', 'incident_labels', 'events', 'revisions', 'activity'];
    const before = await Promise.all(tables.map((t) => countRows(ctx, t)));
    const cases: [unknown, string][] = [
      [{ comment: 'x' }, 'title'],
      [{ title: 'x' }, 'comment'],
      [{ ...base, potentialViolations: [f.claimedViolationId] }, 'potentialViolations'],
      [{ ...base, claimedViolations: [999999] }, 'claimedViolations'],
      [{ ...base, labels: [f.bulletinOnlyLabelId] }, 'labels'],
      [{ ...base, labels: [f.labelId], locations: [888888] }, 'locations'],
      [{ ...base, events: [{ fromDate: '2020-01-02', toDate: '2019-12-31' }] }, 'events.0.toDate'],
      [{ ...base, tags: ['incidents have no tags'] }, 'tags'],
    ];
    for (const [body, field] of cases) {
      const res = await da.post('/api/incidents', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.json().error.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    expect(await Promise.all(tables.map((t) => countRows(ctx, t)))).toEqual(before);
  });
});
