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

const person = {
  type: 'Person',
  firstName: 'Omar',
  lastName: 'Haddad',
  profiles: [{ mode: 'normal' }],
  comment: 'first entry',
};

describe('actors', () => {
  it('creates an actor with every field; ID numbers keep leading zeros and 30 digits', async () => {
    const res = await da.post('/api/actors', {
      type: 'Person',
      firstNameAr: 'عمر',
      middleNameAr: 'خالد',
      lastNameAr: 'حداد',
      fatherNameAr: 'خالد',
      motherNameAr: 'فاطمة',
      nicknameAr: 'أبو خالد',
      sex: 'Male',
      age: 'Adult',
      civilian: 'Civilian',
      originPlace: f.locationId,
      occupation: 'Teacher',
      occupationAr: 'مدرس',
      position: 'Head teacher',
      familyStatus: 'Seperated',
      numberOfChildren: 0,
      ethnographies: [f.ethnographyId],
      nationalities: [f.countryId],
      dialects: [f.dialectId],
      idNumbers: [
        { type: f.idNumberTypeId, number: '00012345' },
        { type: f.idNumberTypeId, number: '123456789012345678901234567890' },
      ],
      tags: ['detainee', 'detainee', 'teacher'],
      events: [
        {
          typeId: f.eventTypeId,
          locationId: f.locationId,
          fromDate: '2012-05-01',
          toDate: '2012-05-03',
          estimated: true,
        },
      ],
      profiles: [
        {
          mode: 'main',
          originId: 'SRC-1',
          description: '<p>Seen <b>taken</b><script>x()</script></p>',
          sources: [f.sourceId],
          labels: [f.labelId],
          verifiedLabels: [f.verifiedLabelId],
          publishDate: '2013-01-02',
        },
        {
          mode: 'missing',
          missingPerson: {
            lastAddress: 'Checkpoint near Douma',
            seenInDetention: { opts: 'Yes', details: 'Saydnaya, 2014' },
            skinMarkings: { opts: ['Scar', 'Tattoo'], details: 'scar on left arm' },
            height: 176,
            hairColor: 'Turning grey',
            caseStatus: 'Missing',
            dentalRecord: true,
            reporters: [{ name: 'Fatima', contact: '+963 11 000', relationship: 'Mother' }],
            pregnantAtDisappearance: 'Not Applicable',
          },
        },
      ],
      comment: 'created from family interview',
    });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      type: 'Person',
      displayName: 'عمر خالد حداد',
      name: '',
      nameAr: 'عمر خالد حداد',
      sex: 'Male',
      familyStatus: 'Separated',
      numberOfChildren: 0,
      originPlace: { id: f.locationId, fullName: 'Douma, Rif Dimashq, Syria' },
      ethnographies: [{ id: f.ethnographyId }],
      nationalities: [{ id: f.countryId }],
      dialects: [{ id: f.dialectId }],
      idNumbers: [
        { type: { id: f.idNumberTypeId }, number: '00012345' },
        { type: { id: f.idNumberTypeId }, number: '123456789012345678901234567890' },
      ],
      tags: ['detainee', 'teacher'],
      status: 'Human Created',
      events: [
        {
          fromDate: '2012-05-01T00:00:00Z',
          toDate: '2012-05-03T00:00:00Z',
          estimated: true,
          location: { id: f.locationId },
        },
      ],
      accessGroups: [],
      permissions: { update: true, delete: false },
    });
    expect(a.assignedTo.id).toBe(da.userId);
    expect(a.profiles).toHaveLength(2);
    expect(a.profiles[0]).toMatchObject({
      mode: 'main',
      originId: 'SRC-1',
      description: '<p>Seen <b>taken</b></p>',
      publishDate: '2013-01-02T00:00:00Z',
      sources: [{ id: f.sourceId, title: 'Field team' }],
      labels: [{ id: f.labelId, titleAr: 'إخفاء قسري' }],
      verifiedLabels: [{ id: f.verifiedLabelId }],
      missingPerson: null,
    });
    expect(a.profiles[1].missingPerson).toMatchObject({
      lastAddress: 'Checkpoint near Douma',
      seenInDetention: { opts: 'Yes', details: 'Saydnaya, 2014' },
      skinMarkings: { opts: ['Scar', 'Tattoo'], details: 'scar on left arm' },
      height: 176,
      hairColor: 'Turning grey',
      caseStatus: 'Missing',
      dentalRecord: true,
      reporters: [{ name: 'Fatima', contact: '+963 11 000', relationship: 'Mother' }],
      injured: null,
      weight: null,
      socialNetworks: [],
    });
    // The Arabic-only actor is listed by its Arabic name.
    const list = (await viewer.get(`/api/actors?q=${encodeURIComponent('حداد')}`)).json();
    expect(list.items.map((i: { displayName: string }) => i.displayName)).toContain('عمر خالد حداد');
  });

  it('finds actors by Arabic variants, ID number, origin place, profile text and labels', async () => {
    const a = (
      await da.post('/api/actors', {
        ...person,
        firstName: 'Searchable',
        firstNameAr: 'أحمد',
        originPlace: f.locationId,
        idNumbers: [{ type: f.idNumberTypeId, number: '0099887766' }],
        profiles: [
          { mode: 'normal', description: '<p>arrested at the bakery</p>', originId: 'ORIG-77', labels: [f.labelId] },
        ],
      })
    ).json();
    const ids = async (q: string) =>
      (await viewer.get(`/api/actors?q=${encodeURIComponent(q)}`)).json().items.map((i: { id: number }) => i.id);
    expect(await ids('احمد')).toContain(a.id);
    expect(await ids('0099887766')).toEqual([a.id]);
    expect(await ids('دوما searchable')).toEqual([a.id]);
    expect(await ids('bakery')).toEqual([a.id]);
    expect(await ids('orig-77')).toEqual([a.id]);
    expect(await ids('اخفاء قسري searchable')).toEqual([a.id]);
  });

  it('pages newest first with a cursor and an exact total', async () => {
    for (let i = 0; i < 3; i++) await da.post('/api/actors', { ...person, type: 'Entity', name: `Paging unit ${i}` });
    const first = (await viewer.get('/api/actors?q=paging%20unit&limit=2')).json();
    expect(first.items.map((i: { displayName: string }) => i.displayName)).toEqual(['Paging unit 2', 'Paging unit 1']);
    expect(first.total).toBe(3);
    const second = (await viewer.get(`/api/actors?q=paging%20unit&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((i: { displayName: string }) => i.displayName)).toEqual(['Paging unit 0']);
    expect(second.nextCursor).toBeNull();
  });

  it('update replaces profiles, keeping the ids given, and refuses a profile of another actor', async () => {
    const a = (
      await da.post('/api/actors', {
        ...person,
        profiles: [
          { mode: 'main', originId: 'A' },
          { mode: 'normal', originId: 'B' },
        ],
      })
    ).json();
    const other = (await da.post('/api/actors', person)).json();
    const [main] = a.profiles;
    const res = await da.post(`/api/actors/${a.id}/update`, {
      profiles: [
        { id: main.id, mode: 'main', originId: 'A2' },
        { mode: 'missing', missingPerson: { caseStatus: 'Identified' } },
      ],
      comment: 'merged profiles',
    });
    expect(res.statusCode).toBe(200);
    const after = res.json();
    expect(after.profiles.map((p: { id: number; originId: string }) => p.originId)).toEqual(['A2', '']);
    expect(after.profiles[0].id).toBe(main.id);
    expect(after.profiles[1].missingPerson.caseStatus).toBe('Identified');
    expect(after.displayName).toBe('Omar Haddad');

    const foreign = await da.post(`/api/actors/${a.id}/update`, {
      profiles: [{ id: other.profiles[0].id, mode: 'normal' }],
      comment: 'x',
    });
    expect(foreign.statusCode).toBe(400);
    expect(Object.keys(foreign.json().error.fields)).toEqual(['profiles.0.id']);
    const empty = await da.post(`/api/actors/${a.id}/update`, { profiles: [], comment: 'x' });
    expect(Object.keys(empty.json().error.fields)).toEqual(['profiles']);
  });

  it('enforces role rules: DA edits only what is assigned to them; Moderator and viewers cannot create or edit', async () => {
    const a = (await da.post('/api/actors', person)).json();
    expect((await otherDa.post(`/api/actors/${a.id}/update`, { nickname: 'x', comment: 'x' })).statusCode).toBe(403);
    expect((await moderator.post('/api/actors', person)).statusCode).toBe(403);
    expect((await viewer.post('/api/actors', person)).statusCode).toBe(403);
    expect(
      (await da.post(`/api/actors/${a.id}/update`, { nickname: 'Abu Omar', comment: 'nickname' })).json().nickname,
    ).toBe('Abu Omar');
    expect((await viewer.get(`/api/actors/${a.id}`)).json().permissions).toMatchObject({
      update: false,
      delete: false,
    });
    expect((await da.post(`/api/actors/${a.id}/delete`, { comment: 'no' })).statusCode).toBe(403);
    expect((await admin.post(`/api/actors/${a.id}/delete`, { comment: 'duplicate' })).statusCode).toBe(200);
    expect((await viewer.get(`/api/actors/${a.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/actors?q=${a.id}`)).json().items.map((i: { id: number }) => i.id)).not.toContain(
      a.id,
    );
  });

  it('hides actors restricted to an access group from users outside it, in reads, lists and totals', async () => {
    const group = (await admin.post('/api/groups', { name: `Team actors ${Date.now()}`, description: '' })).json();
    const insider = await signedIn(ctx, { groups: [group.id] });
    const secret = (
      await admin.post('/api/actors', { ...person, type: 'Entity', name: 'Secret unit zz', accessGroups: [group.id] })
    ).json();
    expect((await viewer.get(`/api/actors/${secret.id}`)).statusCode).toBe(404);
    const outside = (await viewer.get('/api/actors?q=secret%20unit%20zz')).json();
    expect(outside).toMatchObject({ items: [], total: 0 });
    expect((await insider.get(`/api/actors/${secret.id}`)).json().accessGroups).toEqual([group.id]);
    expect((await insider.get('/api/actors?q=secret%20unit%20zz')).json().total).toBe(1);
  });

  it('rejects bad input with field names and leaves nothing behind', async () => {
    const tables = [
      'actors',
      'actor_profiles',
      'missing_person_details',
      'actor_id_numbers',
      'events',
      'revisions',
      'activity',
    ];
    const before = await Promise.all(tables.map((t) => countRows(ctx, t)));
    const cases: [unknown, string][] = [
      [{ ...person, profiles: [] }, 'profiles'],
      [{ type: 'Person', comment: 'x' }, 'profiles'],
      [{ ...person, firstName: '', lastName: '' }, 'name'],
      [{ ...person, type: 'Entity', firstName: '', lastName: '', nickname: 'only a nickname' }, 'name'],
      [{ ...person, type: 'Robot' }, 'type'],
      [{ ...person, sex: 'Other' }, 'sex'],
      [{ ...person, numberOfChildren: 1001 }, 'numberOfChildren'],
      [{ ...person, idNumbers: [{ type: f.idNumberTypeId, number: 12345 }] }, 'idNumbers.0.number'],
      [{ ...person, idNumbers: [{ type: f.ethnographyId, number: '1' }] }, 'idNumbers.0.type'],
      [{ ...person, nationalities: [f.dialectId] }, 'nationalities'],
      [{ ...person, originPlace: 999999 }, 'originPlace'],
      [{ ...person, events: [{ fromDate: '2020-01-02', toDate: '2020-01-01' }] }, 'events.0.toDate'],
      [{ ...person, events: [{ typeId: 999999 }] }, 'events.0.typeId'],
      [{ ...person, profiles: [{ mode: 'normal', labels: [f.bulletinOnlyLabelId] }] }, 'profiles.0.labels'],
      [{ ...person, profiles: [{ mode: 'normal', verifiedLabels: [f.labelId] }] }, 'profiles.0.verifiedLabels'],
      [{ ...person, profiles: [{ mode: 'normal', sources: [999999] }] }, 'profiles.0.sources'],
      [{ ...person, profiles: [{ mode: 'normal', missingPerson: { height: 170 } }] }, 'profiles.0.missingPerson'],
      [
        { ...person, profiles: [{ mode: 'missing', missingPerson: { hairColor: 'Purple' } }] },
        'profiles.0.missingPerson.hairColor',
      ],
      [
        {
          ...person,
          profiles: [{ mode: 'missing', missingPerson: { seenInDetention: { opts: 'Maybe', details: '' } } }],
        },
        'profiles.0.missingPerson.seenInDetention.opts',
      ],
      [{ ...person, status: 'Nonsense' }, 'status'],
      [{ ...person, accessGroups: [1] }, 'accessGroups'],
      [{ ...person, surprise: 1 }, 'surprise'],
    ];
    for (const [body, field] of cases) {
      const res = await da.post('/api/actors', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('validation');
      expect(Object.keys(res.json().error.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    const after = await Promise.all(tables.map((t) => countRows(ctx, t)));
    expect(after).toEqual(before);
  });

  it('a failed update leaves the actor untouched', async () => {
    const a = (await da.post('/api/actors', { ...person, dialects: [f.dialectId] })).json();
    const res = await da.post(`/api/actors/${a.id}/update`, {
      occupation: 'changed',
      dialects: [f.dialectId, 424242],
      comment: 'x',
    });
    expect(res.statusCode).toBe(400);
    const again = (await da.get(`/api/actors/${a.id}`)).json();
    expect(again.occupation).toBe('');
    expect(again.dialects.map((d: { id: number }) => d.id)).toEqual([f.dialectId]);
    expect((await da.get(`/api/actors/${a.id}/history`)).json().items).toHaveLength(1);
  });

  it('serves the option lists of the reference', async () => {
    const res = (await viewer.get('/api/actors/options')).json();
    expect(res.civilian).toEqual(['Unknown', 'Civilian', 'Non-Civilian', 'Police', 'Other Security Forces']);
    expect(res.missingPerson.smoker).toContain('Question Not Asked');
  });
});
