import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testApp, type Client, type TestContext } from '../../../test/helpers.js';
import { rows, sql } from '../../db/client.js';

let ctx: TestContext;
let admin: Client;
let da: Client;
let otherDa: Client;
let moderator: Client;
let viewer: Client;
let labelId: number;
let verifiedLabelId: number;
let locationId: number;
let eventTypeId: number;

async function count(table: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    ctx.database.db,
    sql`select count(*)::int as n from ${sql.identifier(table)}`,
  );
  return row?.n ?? 0;
}

beforeAll(async () => {
  ctx = await testApp();
  admin = await signedIn(ctx, { roles: ['Admin'] });
  da = await signedIn(ctx, { roles: ['DA'] });
  otherDa = await signedIn(ctx, { roles: ['DA'] });
  moderator = await signedIn(ctx, { roles: ['Moderator'] });
  viewer = await signedIn(ctx, {});
  const db = ctx.database.db;
  const [l] = await rows<{ id: number }>(
    db,
    sql`insert into labels (title, title_ar, verified) values ('Detention', 'اعتقال', false) returning id`,
  );
  const [vl] = await rows<{ id: number }>(
    db,
    sql`insert into labels (title, verified) values ('Verified detention', true) returning id`,
  );
  const [loc] = await rows<{ id: number }>(
    db,
    sql`insert into locations (title, title_ar, full_name, full_name_ar, path, lat, lng) values ('Ayn Tarma', 'عين ترما', 'Ayn Tarma, Rif Dimashq, Syria', 'عين ترما، ريف دمشق، سوريا', '/1/', 33.52, 36.35) returning id`,
  );
  const [et] = await rows<{ id: number }>(db, sql`select id from event_types order by id limit 1`);
  labelId = l!.id;
  verifiedLabelId = vl!.id;
  locationId = loc!.id;
  eventTypeId = et!.id;
});
afterAll(() => ctx.close());

const base = { title: 'Shelling of a school', comment: 'first entry' };

describe('bulletins', () => {
  it('creates a bulletin with every kind of field, including dates before 1970', async () => {
    const res = await da.post('/api/bulletins', {
      ...base,
      titleAr: 'قصف مدرسة',
      analystTitle: 'School shelled',
      description: '<p onclick="x()">Witness <strong>statement</strong><script>alert(1)</script></p>',
      sourceLink: 'https://example.org/v/عربي',
      publishDate: '1965-03-02',
      documentationDate: '2013-08-21T10:30:00Z',
      originId: 'SA-0001',
      tags: ['school', 'shelling', 'school'],
      labels: [labelId],
      verifiedLabels: [verifiedLabelId],
      locations: [locationId],
      events: [{ typeId: eventTypeId, locationId, fromDate: '1969-12-30', toDate: '1970-01-02', estimated: true }],
      geoMarkers: [{ title: 'Impact', lat: 33.5, lng: 36.3, main: true }],
    });
    expect(res.statusCode).toBe(201);
    const b = res.json();
    expect(b).toMatchObject({
      title: 'Shelling of a school',
      titleAr: 'قصف مدرسة',
      status: 'Human Created',
      publishDate: '1965-03-02T00:00:00Z',
      documentationDate: '2013-08-21T10:30:00Z',
      tags: ['school', 'shelling'],
      labels: [{ id: labelId, title: 'Detention', titleAr: 'اعتقال' }],
      verifiedLabels: [{ id: verifiedLabelId }],
      locations: [{ id: locationId, fullName: 'Ayn Tarma, Rif Dimashq, Syria' }],
      events: [
        {
          fromDate: '1969-12-30T00:00:00Z',
          toDate: '1970-01-02T00:00:00Z',
          estimated: true,
          location: { id: locationId },
        },
      ],
      geoMarkers: [{ title: 'Impact', lat: 33.5, lng: 36.3, main: true }],
      accessGroups: [],
      permissions: { update: true, delete: false },
    });
    expect(b.description).toBe('<p>Witness <strong>statement</strong></p>');
    expect(b.assignedTo.id).toBe(da.userId);
    expect(b.createdBy.id).toBe(da.userId);
  });

  it('finds bulletins by quick search in Arabic (with variants) and English, and by location', async () => {
    const created = (
      await da.post('/api/bulletins', {
        ...base,
        title: 'Arrests in the market',
        titleAr: 'اعتقالات في السوق',
        locations: [locationId],
      })
    ).json();
    const byArabic = (await viewer.get(`/api/bulletins?q=${encodeURIComponent('إعتقالات')}`)).json();
    expect(byArabic.items.map((i: { id: number }) => i.id)).toContain(created.id);
    const byPlaceAr = (await viewer.get(`/api/bulletins?q=${encodeURIComponent('عين ترما')}`)).json();
    expect(byPlaceAr.items.map((i: { id: number }) => i.id)).toContain(created.id);
    const byPlace = (await viewer.get('/api/bulletins?q=ayn%20TARMA%20market')).json();
    expect(byPlace.items.map((i: { id: number }) => i.id)).toEqual([created.id]);
    expect(byPlace.total).toBe(1);
  });

  it('pages newest first with an opaque cursor', async () => {
    for (let i = 0; i < 3; i++) await da.post('/api/bulletins', { ...base, title: `Paging ${i}` });
    const first = (await viewer.get('/api/bulletins?q=paging&limit=2')).json();
    expect(first.items.map((i: { title: string }) => i.title)).toEqual(['Paging 2', 'Paging 1']);
    expect(first.total).toBe(3);
    const second = (await viewer.get(`/api/bulletins?q=paging&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((i: { title: string }) => i.title)).toEqual(['Paging 0']);
    expect(second.nextCursor).toBeNull();
    expect((await viewer.get('/api/bulletins?cursor=garbage')).statusCode).toBe(400);
  });

  it('enforces role rules: DA edits only what is assigned to them; Moderator and viewers cannot create or edit', async () => {
    const b = (await da.post('/api/bulletins', base)).json();
    expect((await otherDa.post(`/api/bulletins/${b.id}/update`, { title: 'hijack', comment: 'x' })).statusCode).toBe(
      403,
    );
    expect((await moderator.post('/api/bulletins', base)).statusCode).toBe(403);
    expect((await viewer.post('/api/bulletins', base)).statusCode).toBe(403);
    expect((await moderator.post(`/api/bulletins/${b.id}/update`, { title: 'x', comment: 'x' })).statusCode).toBe(403);
    const own = await da.post(`/api/bulletins/${b.id}/update`, { title: 'Renamed', comment: 'typo' });
    expect(own.statusCode).toBe(200);
    expect(own.json().title).toBe('Renamed');
    const byAdmin = await admin.post(`/api/bulletins/${b.id}/update`, { titleAr: 'عنوان', comment: 'admin fix' });
    expect(byAdmin.statusCode).toBe(200);
    expect((await da.post(`/api/bulletins/${b.id}/delete`, { comment: 'no' })).statusCode).toBe(403);
    expect((await admin.post(`/api/bulletins/${b.id}/delete`, { comment: 'duplicate' })).statusCode).toBe(200);
    expect((await viewer.get(`/api/bulletins/${b.id}`)).statusCode).toBe(404);
  });

  it('records a revision and an activity row for every change, and lists history newest first', async () => {
    const b = (await da.post('/api/bulletins', { ...base, comment: 'created from witness call' })).json();
    await da.post(`/api/bulletins/${b.id}/update`, { description: '<p>More detail</p>', comment: 'added detail' });
    const res = await viewer.get(`/api/bulletins/${b.id}/history`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { comment: string }) => i.comment)).toEqual(['added detail', 'created from witness call']);
    expect(items[0]).toMatchObject({ status: 'Human Created', user: { id: da.userId } });
    expect(items[0].snapshot.description).toBe('<p>More detail</p>');
    expect(items[1].snapshot.description).toBe('');
    const activity = await rows<{ action: string }>(
      ctx.database.db,
      sql`select action from activity where kind = 'bulletin' and record_id = ${b.id} order by id`,
    );
    expect(activity.map((a) => a.action)).toEqual(['CREATE', 'UPDATE']);
  });

  it('rejects bad input with field names and leaves nothing behind', async () => {
    const before = {
      b: await count('bulletins'),
      r: await count('revisions'),
      e: await count('events'),
      a: await count('activity'),
    };
    const cases: [unknown, string][] = [
      [{ comment: 'x' }, 'title'],
      [{ title: '   ', comment: 'x' }, 'title'],
      [{ title: 'x' }, 'comment'],
      [{ ...base, publishDate: '2023-02-30' }, 'publishDate'],
      [{ ...base, events: [{ fromDate: '2020-01-02', toDate: '2020-01-01' }] }, 'events.0.toDate'],
      [{ ...base, labels: [999999] }, 'labels'],
      [{ ...base, labels: [verifiedLabelId] }, 'labels'],
      [{ ...base, locations: [locationId, 888888] }, 'locations'],
      [{ ...base, events: [{ locationId: 777777 }] }, 'events.0.locationId'],
      [{ ...base, sourceLink: 'javascript:alert(1)' }, 'sourceLink'],
      [{ ...base, geoMarkers: [{ lat: 91, lng: 0 }] }, 'geoMarkers.0.lat'],
      [{ ...base, status: 'Nonsense' }, 'status'],
      [{ ...base, surprise: 1 }, 'surprise'],
      [{ ...base, accessGroups: [1] }, 'accessGroups'],
    ];
    for (const [body, field] of cases) {
      const res = await da.post('/api/bulletins', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('validation');
      expect(Object.keys(res.json().error.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    const after = {
      b: await count('bulletins'),
      r: await count('revisions'),
      e: await count('events'),
      a: await count('activity'),
    };
    expect(after).toEqual(before);
  });

  it('a failed update leaves the record untouched', async () => {
    const b = (await da.post('/api/bulletins', { ...base, labels: [labelId] })).json();
    const res = await da.post(`/api/bulletins/${b.id}/update`, {
      title: 'changed',
      labels: [labelId, 424242],
      comment: 'x',
    });
    expect(res.statusCode).toBe(400);
    const again = (await da.get(`/api/bulletins/${b.id}`)).json();
    expect(again.title).toBe(base.title);
    expect(again.labels.map((l: { id: number }) => l.id)).toEqual([labelId]);
    expect((await da.get(`/api/bulletins/${b.id}/history`)).json().items).toHaveLength(1);
  });

  it('answers 404 for unknown ids and requires sign-in and CSRF', async () => {
    expect((await viewer.get('/api/bulletins/999999')).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/bulletins' })).statusCode).toBe(401);
    const noCsrf = await da.post('/api/bulletins', base, { csrf: false });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('csrf');
  });
});
