import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testApp, type Client, type TestContext } from '../../../test/helpers.js';
import { rows, sql } from '../../db/client.js';

interface Report {
  created: number;
  updated: number;
  skipped: number;
  errors: { row: number; message: string }[];
  ignoredColumns: string[];
}

describe('vocabulary CSV export and import', () => {
  let ctx: TestContext;
  let admin: Client;
  let moderator: Client;
  let analyst: Client;
  let locationEditor: Client;
  beforeAll(async () => {
    ctx = await testApp();
    admin = await signedIn(ctx, { roles: ['Admin'] });
    moderator = await signedIn(ctx, { roles: ['Moderator'] });
    analyst = await signedIn(ctx, { roles: ['DA'] });
    locationEditor = await signedIn(ctx, { permissions: { canEditLocations: true } });
  });
  afterAll(() => ctx.close());

  const importCsv = async (c: Client, list: string, csv: string) => {
    const res = await c.post(`/api/vocab-csv/${list}/import`, { csv });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Report>();
  };
  const exportCsv = async (c: Client, list: string) => {
    const res = await c.get(`/api/vocab-csv/${list}/export`);
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };

  it('exports labels as UTF-8 CSV with a BOM, parent paths and neutralised formulas', async () => {
    const root = (await admin.post('/api/labels', { title: 'Detention', titleAr: 'اعتقال', verified: true })).json<{
      id: number;
    }>().id;
    await admin.post('/api/labels', {
      title: 'Arbitrary',
      titleAr: 'تعسفي',
      parentId: root,
      verified: true,
      sortOrder: 3,
    });
    await admin.post('/api/labels', { title: '=HYPERLINK("http://evil")', comments: 'a, "b"' });
    const res = await exportCsv(moderator, 'labels');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(res.headers['content-disposition'])).toMatch(
      /^attachment; filename="dalil-labels-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const body = res.rawPayload.toString('utf8');
    expect(
      body.startsWith(
        '\uFEFFparent,title,title_ar,comments,comments_ar,verified,for_bulletin,for_actor,for_incident,for_offline,order\r\n',
      ),
    ).toBe(true);
    expect(body).toContain(',Detention,اعتقال,,,true,true,true,true,false,0\r\n');
    expect(body).toContain('Detention,Arbitrary,تعسفي,,,true,true,true,true,false,3\r\n');
    expect(body).toContain(`,"'=HYPERLINK(""http://evil"")",,"a, ""b""",,false,`);
    // parents come before children
    expect(body.indexOf(',Detention,')).toBeLessThan(body.indexOf('Detention,Arbitrary'));
  });

  it('imports a label tree, then re-importing the same file or an export changes nothing', async () => {
    const csv = [
      'parent,title,title_ar,verified,for_actor,order',
      'Torture > Physical,Beating,ضرب,false,false,2',
      ',Torture,تعذيب,false,true,1',
      'Torture,Physical,جسدي,false,true,0',
      'Torture,Psychological,نفسي,false,true,0',
    ].join('\n');
    const first = await importCsv(admin, 'labels', csv);
    expect(first).toEqual({ list: 'labels', created: 4, updated: 0, skipped: 0, errors: [], ignoredColumns: [] });
    const beating = (await admin.get(`/api/labels?q=${encodeURIComponent('ضرب')}`)).json<{
      items: { path: string; forActor: boolean; sortOrder: number }[];
    }>();
    expect(beating.items).toEqual([
      expect.objectContaining({ path: 'Torture > Physical > Beating', forActor: false, sortOrder: 2 }),
    ]);

    const again = await importCsv(admin, 'labels', csv);
    expect(again).toMatchObject({ created: 0, updated: 0, skipped: 4, errors: [] });

    const before = await rows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from labels`);
    const exported = (await exportCsv(admin, 'labels')).rawPayload.toString('utf8');
    const round = await importCsv(admin, 'labels', exported);
    expect(round.created).toBe(0);
    expect(round.updated).toBe(0);
    expect(round.skipped).toBe(before[0]!.n);
    expect(round.errors).toEqual([]);
    const after = await rows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from labels`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('updates changed values only, reports bad rows by line and keeps the good ones', async () => {
    const csv = [
      'parent,title,title_ar,colour',
      ',Torture,تعذيب جسدي ونفسي,red',
      'Nowhere,Orphan,,',
      ',,بلا عنوان,',
      ',Fresh label,جديد,',
    ].join('\r\n');
    const report = await importCsv(moderator, 'labels', csv);
    expect(report.created).toBe(1);
    expect(report.updated).toBe(1);
    expect(report.skipped).toBe(0);
    expect(report.ignoredColumns).toEqual(['colour']);
    expect(report.errors).toEqual([
      { row: 3, message: 'parent: "Nowhere" was not found' },
      { row: 4, message: 'title: is empty' },
    ]);
    const torture = (await admin.get('/api/labels?q=torture&parentId=root')).json<{
      items: { titleAr: string; forActor: boolean }[];
    }>();
    // only the column in the file changed; for_actor (absent) kept its value
    expect(torture.items).toEqual([expect.objectContaining({ titleAr: 'تعذيب جسدي ونفسي', forActor: true })]);
    const logged = await rows<{
      action: string;
      kind: string;
      details: { created: number; updated: number; failed: number };
    }>(
      ctx.database.db,
      sql`select action, kind, details from activity where action = 'IMPORT' and kind = 'vocab-csv:labels' order by id desc limit 1`,
    );
    expect(logged[0]).toMatchObject({
      action: 'IMPORT',
      kind: 'vocab-csv:labels',
      details: { created: 1, updated: 1, failed: 2 },
    });
  });

  it('round-trips locations with admin level codes, terms and negative coordinates', async () => {
    const csv = [
      'parent,title,title_ar,admin_level,location_type,country,lat,lng,postal_code,description',
      ',Syria,سوريا,,,,,,,',
      'Syria,Rif Dimashq,ريف دمشق,1,Administrative Location,Syria,33.5,36.4,,"Around the capital, east and west"',
      'Syria > Rif Dimashq,Douma,دوما,2,,,-33.57,36.4,12345,',
      'Syria,Bad point,,,,,91,10,,',
      'Syria,Bad level,,77,,,,,,',
    ].join('\n');
    const report = await importCsv(locationEditor, 'locations', csv);
    expect(report).toMatchObject({ created: 3, updated: 0, skipped: 0 });
    expect(report.errors).toEqual([
      { row: 5, message: 'lat: must be between -90 and 90' },
      { row: 6, message: 'admin_level: no admin level with code "77"' },
    ]);
    const douma = (await admin.get('/api/locations?q=douma')).json<{ items: Record<string, unknown>[] }>().items[0];
    expect(douma).toMatchObject({
      fullName: 'Douma, Rif Dimashq, Syria',
      fullNameAr: 'دوما، ريف دمشق، سوريا',
      lat: -33.57,
      lng: 36.4,
      postalCode: '12345',
      adminLevel: { code: 2 },
    });
    const exported = (await exportCsv(locationEditor, 'locations')).rawPayload.toString('utf8');
    expect(exported).toContain('Syria > Rif Dimashq,Douma,دوما,2,,,-33.57,36.4,12345,\r\n');
    expect(exported).toContain(
      'Syria,Rif Dimashq,ريف دمشق,1,Administrative Location,Syria,33.5,36.4,,"Around the capital, east and west"\r\n',
    );
    const round = await importCsv(locationEditor, 'locations', exported);
    expect(round).toMatchObject({ created: 0, updated: 0, skipped: 3, errors: [] });
  });

  it('round-trips relation types by pair and the small lists with codes', async () => {
    const rel = (await exportCsv(admin, 'relation-types')).rawPayload.toString('utf8');
    const seeded = rel.trim().split('\r\n').length - 1;
    expect(seeded).toBeGreaterThan(0);
    const added = await importCsv(admin, 'relation-types', `${rel}actor-actor,Mentor,Mentee,مرشد,متدرب\r\n`);
    expect(added).toMatchObject({ created: 1, updated: 0, skipped: seeded, errors: [] });
    const mentor = (await admin.get('/api/relation-types?q=mentor')).json<{ items: unknown[] }>().items;
    expect(mentor).toEqual([
      {
        id: expect.any(Number),
        pair: 'actor-actor',
        title: 'Mentor',
        reverseTitle: 'Mentee',
        titleAr: 'مرشد',
        reverseTitleAr: 'متدرب',
      },
    ]);
    const badPair = await importCsv(admin, 'relation-types', 'pair,title\nfoo-bar,X\n');
    expect(badPair.errors).toHaveLength(1);
    expect(badPair.errors[0]!.message).toMatch(/^pair: /);

    const levels = (await exportCsv(admin, 'location-admin-levels')).rawPayload.toString('utf8');
    expect(levels).toContain('Governorate,محافظة,,1,');
    const same = await importCsv(admin, 'location-admin-levels', levels);
    expect(same).toMatchObject({ created: 0, updated: 0, skipped: 5, errors: [] });
    const dupCode = await importCsv(admin, 'location-admin-levels', 'title,code\nRegion,1\n');
    expect(dupCode.errors).toEqual([{ row: 2, message: 'This list already has a term with this code.' }]);
    const renamed = await importCsv(admin, 'dialects', 'title,title_ar,sort_order\nDamascene,شامي,7\n');
    expect(renamed).toMatchObject({ created: 0, updated: 1, skipped: 0 });
  });

  it('applies each list’s write rule to export and import', async () => {
    expect((await analyst.get('/api/vocab-csv/labels/export')).statusCode).toBe(403);
    expect((await analyst.post('/api/vocab-csv/labels/import', { csv: 'title\nX\n' })).statusCode).toBe(403);
    expect((await moderator.get('/api/vocab-csv/relation-types/export')).statusCode).toBe(403);
    expect((await moderator.get('/api/vocab-csv/countries/export')).statusCode).toBe(403);
    expect((await locationEditor.get('/api/vocab-csv/labels/export')).statusCode).toBe(403);
    expect((await locationEditor.get('/api/vocab-csv/locations/export')).statusCode).toBe(200);
    expect((await admin.get('/api/vocab-csv/nope/export')).statusCode).toBe(400);
    const noTitle = await admin.post('/api/vocab-csv/labels/import', { csv: 'name\nX\n' });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().error.fields).toEqual({ csv: 'the header row has no "title" column' });
    const big = await admin.post('/api/vocab-csv/labels/import', { csv: `title\n${'x'.repeat(5 * 1024 * 1024)}\n` });
    expect(big.statusCode).toBe(400);
    expect(big.json().error.fields.csv).toBe('must be at most 5 MB');
  });
});
