import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, sql } from '../../src/db/client.js';
import { flushDeniedReports, setDeniedReportScheduler } from '../../src/modules/access/access.denied.js';
import type { RecordKind } from '../../src/modules/records/records.types.js';
import { login, makeUser, signedIn, testApp, type Client, type TestContext } from '../helpers.js';
import { create, PLURAL } from './common.js';

/**
 * "Invisible means invisible" (issue #4 point 2): one test per channel through which a
 * restricted record could show itself to someone outside its groups.
 */
let ctx: TestContext;
let admin: Client;
let member: Client;
let outsider: Client;
let groupId: number;
const SECRET = 'Zqxv secret massacre';
const hidden: Record<RecordKind, number> = { bulletin: 0, actor: 0, incident: 0 };
let openBulletin: number;
let outsiderOwn: number;

beforeAll(async () => {
  ctx = await testApp();
  admin = await signedIn(ctx, { roles: ['Admin'] });
  groupId = (await admin.post('/api/groups', { name: 'G' })).json<{ id: number }>().id;
  const m = await makeUser(ctx, { roles: ['DA'], groups: [groupId] });
  member = await login(ctx, m.username);
  outsider = await signedIn(ctx, { roles: ['DA'] });
  for (const kind of ['bulletin', 'actor', 'incident'] as RecordKind[]) {
    hidden[kind] = (await create(admin, kind, SECRET, { accessGroups: [groupId] })).id;
  }
  openBulletin = (await create(admin, 'bulletin', 'Open bulletin')).id;
  outsiderOwn = (await create(outsider, 'bulletin', 'Outsider own bulletin')).id;
  for (const kind of ['bulletin', 'actor', 'incident'] as RecordKind[]) {
    const res = await admin.post(`/api/bulletins/${openBulletin}/relations`, { kind, id: hidden[kind] });
    expect(res.statusCode).toBeLessThan(300);
  }
});
afterAll(() => ctx.close());

const body = (res: { body: string }) => res.body;

describe.each(['bulletin', 'actor', 'incident'] as RecordKind[])('restricted %s', (kind) => {
  const base = `/api/${PLURAL[kind]}`;
  it('lists: absent for the outsider, present for a member', async () => {
    const out = (await outsider.get(`${base}?limit=200`)).json();
    expect(out.items.map((i: { id: number }) => i.id)).not.toContain(hidden[kind]);
    expect(JSON.stringify(out)).not.toContain(SECRET);
    const mem = (await member.get(`${base}?limit=200`)).json();
    expect(mem.items.map((i: { id: number }) => i.id)).toContain(hidden[kind]);
  });

  it('quick search and autocomplete pickers (the same list query): no match, total 0', async () => {
    const out = (await outsider.get(`${base}?q=zqxv&limit=5`)).json();
    expect(out).toMatchObject({ items: [], total: 0 });
    expect((await member.get(`${base}?q=zqxv&limit=5`)).json().total).toBe(1);
  });

  it('counts and totals exclude it', async () => {
    const all = (await admin.get(`${base}?limit=1`)).json().total;
    expect((await outsider.get(`${base}?limit=1`)).json().total).toBe(all - 1);
    expect((await outsider.get(`${base}?limit=1&count=estimate`)).json().total ?? 0).toBeLessThan(all);
  });

  it('error messages: a direct read, update, history, relations and workflow call answer 404 exactly like a missing id', async () => {
    const missing = 987654;
    const pairs: [string, string, unknown?][] = [
      ['GET', `${base}/ID`],
      ['GET', `${base}/ID/history`],
      ['GET', `${base}/ID/relations`],
      ['POST', `${base}/ID/update`, { comment: 'x' }],
      ['POST', `${base}/ID/self-assign`, { comment: 'x' }],
      ['POST', `${base}/ID/review`, { review: 'x', reviewAction: 'Needs Review' }],
    ];
    for (const [method, url, payload] of pairs) {
      const call = (id: number) =>
        method === 'GET'
          ? outsider.get(url.replace('ID', String(id)))
          : outsider.post(url.replace('ID', String(id)), payload);
      const a = await call(hidden[kind]);
      const b = await call(missing);
      expect(a.statusCode, url).toBe(404);
      expect(b.statusCode, url).toBe(404);
      const strip = (s: string) => s.replace(/"requestId":"[^"]*"/, '');
      expect(strip(body(a))).toBe(strip(body(b)));
      expect(body(a)).not.toContain(SECRET);
    }
  });

  it('revision history: 404 for the outsider (no title, no status)', async () => {
    const res = await outsider.get(`${base}/${hidden[kind]}/history`);
    expect(res.statusCode).toBe(404);
    expect(body(res)).not.toContain(SECRET);
    expect((await member.get(`${base}/${hidden[kind]}/history`)).statusCode).toBe(200);
  });
});

describe('other channels', () => {
  it('relations of a visible record: the restricted related record does not appear at all', async () => {
    const res = await outsider.get(`/api/bulletins/${openBulletin}/relations`);
    expect(res.statusCode).toBe(200);
    const text = body(res);
    expect(text).not.toContain(SECRET);
    for (const kind of ['bulletin', 'actor', 'incident'] as RecordKind[]) {
      expect(text).not.toMatch(new RegExp(`"id":${hidden[kind]}[,}]`));
    }
    // A member sees them.
    expect(body(await member.get(`/api/bulletins/${openBulletin}/relations`))).toContain(SECRET);
    // Linking one's own record to the hidden one reads like linking to a missing id.
    const a = await outsider.post(`/api/bulletins/${outsiderOwn}/relations`, { kind: 'actor', id: hidden.actor });
    const b = await outsider.post(`/api/bulletins/${outsiderOwn}/relations`, { kind: 'actor', id: 987654 });
    expect(a.statusCode).toBe(b.statusCode);
    expect(a.json().error.fields.id.replace(String(hidden.actor), 'N')).toBe(
      b.json().error.fields.id.replace('987654', 'N'),
    );
  });

  it('activity views: non-admins cannot read the log; the DENIED row carries no title', async () => {
    expect((await outsider.get('/api/activity')).statusCode).toBe(403);
    expect((await member.get('/api/activity')).statusCode).toBe(403);
    await outsider.get(`/api/bulletins/${hidden.bulletin}`);
    await flushDeniedReports();
    const log = (await admin.get(`/api/activity?kind=bulletin&user=${outsider.userId}`)).json();
    const denied = log.items.find(
      (r: { outcome: string; recordId: number }) => r.outcome === 'DENIED' && r.recordId === hidden.bulletin,
    );
    expect(denied).toBeTruthy();
    expect(JSON.stringify(log)).not.toContain(SECRET);
  });

  it('a denied direct read writes a DENIED activity row and notifies admins; a missing id writes nothing', async () => {
    const [before] = await rows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from activity where outcome = 'DENIED'`,
    );
    await outsider.get(`/api/actors/${hidden.actor}`);
    await outsider.get('/api/actors/987654');
    await flushDeniedReports();
    const [after] = await rows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from activity where outcome = 'DENIED'`,
    );
    expect((after?.n ?? 0) - (before?.n ?? 0)).toBe(1);
    const notes = (await admin.get('/api/notifications')).json();
    expect(
      notes.items.some(
        (n: { title: string; urgent: boolean }) => n.urgent && n.title.includes(`actor ${hidden.actor}`),
      ),
    ).toBe(true);
    // The outsider is told nothing.
    expect(JSON.stringify((await outsider.get('/api/notifications')).json())).not.toContain(String(hidden.actor));
  });

  it('notifications: nobody can be assigned (and so notified about) a record they cannot see', async () => {
    const res = await admin.post(`/api/bulletins/${hidden.bulletin}/assign`, {
      assignedTo: outsider.userId,
      comment: 'x',
    });
    expect(res.statusCode).toBe(400);
    const bulk = await admin.post('/api/bulletins/bulk', {
      ids: [hidden.bulletin],
      reviewer: outsider.userId,
      comment: 'x',
    });
    expect(bulk.statusCode).toBe(202);
    await (ctx.app as unknown as { jobWorker: { drain(): Promise<number> } }).jobWorker.drain();
    const notes = JSON.stringify((await outsider.get('/api/notifications')).json());
    expect(notes).not.toContain(SECRET);
    expect(notes).not.toContain(`#${hidden.bulletin} `);
    const job = (await admin.get(`/api/jobs/${bulk.json().jobId}`)).json();
    expect(job.result.skipped).toEqual([
      { kind: 'bulletin', id: hidden.bulletin, reason: 'the reviewer cannot access this record' },
    ]);
  });

  it('timing: a hidden id and a missing id run the same statements before the response', async () => {
    const db = ctx.database;
    let statements = 0;
    const target = (db.pglite ?? db.pool) as unknown as { query: (...a: unknown[]) => Promise<unknown> };
    const original = target.query.bind(target);
    target.query = (...a: unknown[]) => {
      statements++;
      return original(...a);
    };
    const held: (() => void)[] = [];
    setDeniedReportScheduler((run) => held.push(run));
    try {
      const measure = async (id: number) => {
        statements = 0;
        const res = await outsider.get(`/api/incidents/${id}`);
        expect(res.statusCode).toBe(404);
        return statements;
      };
      await measure(987654); // warm-up
      const hiddenCount = await measure(hidden.incident);
      const missingCount = await measure(987655);
      expect(hiddenCount).toBeGreaterThan(1); // the counter sees the read and the existence check
      expect(hiddenCount).toBe(missingCount);
    } finally {
      target.query = original;
      setDeniedReportScheduler(null);
      held.forEach((run) => run());
      await flushDeniedReports();
    }
  });

  it('search and maps (advanced search, near): the restricted record never matches', async () => {
    const routes = (ctx.app as unknown as { routeTable: { method: string; url: string }[] }).routeTable;
    if (!routes.some((r) => r.url === '/api/bulletins/search')) return; // search module not mounted yet
    const res = await outsider.post('/api/bulletins/search', { blocks: [{ text: 'zqxv' }] });
    expect(res.statusCode).toBe(200);
    expect(res.json().total ?? res.json().items.length).toBe(0);
    expect(body(res)).not.toContain(SECRET);
  });
});

describe('per-user flags', () => {
  it('viewUsernames: without it other users are user-<id> in records, history and pickers', async () => {
    const masked = await signedIn(ctx, { roles: ['Moderator', 'DA'], permissions: { viewUsernames: false } });
    const rec = (await masked.get(`/api/bulletins/${openBulletin}`)).json();
    expect(rec.createdBy.name).toMatch(/^user-\d+$/);
    const hist = (await masked.get(`/api/bulletins/${openBulletin}/history`)).json();
    expect(hist.items[0].user.name).toMatch(/^user-\d+$/);
    expect(hist.items[0].snapshot.createdBy.name).toMatch(/^user-\d+$/);
    const picker = (await masked.get('/api/workflow/assignees')).json();
    const other = picker.items.find((u: { id: number }) => u.id === admin.userId);
    expect(other.name).toMatch(/^user-\d+$/);
    expect(other.username).toBeUndefined();
  });

  it('history: no flag → 403; simple = who/when/status/comment; full = snapshots and diffs', async () => {
    const none = await signedIn(ctx, {
      roles: ['DA'],
      permissions: { viewSimpleHistory: false, viewFullHistory: false },
    });
    expect((await none.get(`/api/bulletins/${openBulletin}/history`)).statusCode).toBe(403);
    expect((await none.get(`/api/actors/${hidden.actor}/history`)).statusCode).toBe(404);
    expect((await none.get(`/api/bulletins/${openBulletin}`)).json().permissions.viewHistory).toBe(false);
    const simple = await signedIn(ctx, {
      roles: ['DA'],
      permissions: { viewSimpleHistory: true, viewFullHistory: false },
    });
    const items = (await simple.get(`/api/bulletins/${openBulletin}/history`)).json().items;
    expect(Object.keys(items[0]).sort()).toEqual(['comment', 'createdAt', 'id', 'status', 'user']);
    const revs = items.map((i: { id: number }) => i.id);
    expect(
      (await simple.get(`/api/bulletins/${openBulletin}/history/diff?from=${revs.at(-1)}&to=${revs[0]}`)).statusCode,
    ).toBe(403);
    const full = await signedIn(ctx, { roles: ['DA'], permissions: { viewFullHistory: true } });
    expect((await full.get(`/api/bulletins/${openBulletin}/history`)).json().items[0].snapshot).toBeTruthy();
  });

  it('canExport, canImportWeb, canAccessMedia and canEditLocations are mirrored in record permissions', async () => {
    const flagged = await signedIn(ctx, { roles: ['DA'], permissions: { canExport: true, canAccessMedia: true } });
    const p = (await flagged.get(`/api/bulletins/${openBulletin}`)).json().permissions;
    expect(p).toMatchObject({ export: true, accessMedia: true, importWeb: false, editLocations: false });
    const plain = (await outsider.get(`/api/bulletins/${openBulletin}`)).json().permissions;
    expect(plain).toMatchObject({ export: false, accessMedia: false });
    const loc = await signedIn(ctx, { roles: ['DA'], permissions: { canEditLocations: true } });
    expect((await loc.get(`/api/bulletins/${openBulletin}`)).json().permissions.editLocations).toBe(true);
    expect((await outsider.post('/api/locations', { title: 'x' })).statusCode).toBe(403);
  });
});

describe('history of a visible record does not name a hidden record it was related to', () => {
  it('shows the relation line to members and a neutral line to outsiders', async () => {
    const note = `source ${SECRET} in Homs`;
    const res = await admin.post(`/api/bulletins/${openBulletin}/relations`, {
      kind: 'bulletin',
      id: hidden.bulletin,
      comment: note,
    });
    expect(res.statusCode).toBe(200);
    const asOutsider = (await outsider.get(`/api/bulletins/${openBulletin}/history`)).json<{
      items: { comment: string }[];
    }>();
    const outsiderText = JSON.stringify(asOutsider);
    expect(outsiderText).not.toContain(note);
    expect(outsiderText).not.toContain(`#${hidden.bulletin}`);
    expect(asOutsider.items[0]?.comment).toBe('Relation changed with a record you cannot see.');
    const asMember = (await member.get(`/api/bulletins/${openBulletin}/history`)).json<{
      items: { comment: string }[];
    }>();
    expect(asMember.items[0]?.comment).toContain(note);
    expect(asMember.items[0]?.comment).toContain(`#${hidden.bulletin}`);
  });
});
