import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, sql } from '../../db/client.js';
import { login, makeUser, signedIn, testApp, type Client, type TestContext } from '../../../test/helpers.js';
import { ageSession } from '../../../test/security/securityHelpers.js';
import { create, drainJobs } from '../../../test/workflow/common.js';

let ctx: TestContext;
let admin: Client;
let analyst: Client;
let otherExporter: Client;
let plainDa: Client;
let groupId: number;

interface ExportJson {
  id: number;
  status: string;
  itemCount: number | null;
  expiresAt: string | null;
  sha256: string | null;
  fileBytes: number | null;
  error: string | null;
  permissions: Record<string, boolean>;
}

beforeAll(async () => {
  ctx = await testApp();
  admin = await signedIn(ctx, { roles: ['Admin'] });
  groupId = (await admin.post('/api/groups', { name: 'Export team' })).json<{ id: number }>().id;
  analyst = await signedIn(ctx, { roles: ['DA'], permissions: { canExport: true } });
  otherExporter = await signedIn(ctx, { roles: ['DA'], permissions: { canExport: true } });
  plainDa = await signedIn(ctx, { roles: ['DA'] });
}, 60_000);
afterAll(() => ctx?.close());

const runScheduler = (now: Date) =>
  (
    ctx.app as unknown as {
      scheduler: { runAll(now: Date): Promise<Record<string, Record<string, number>>> };
    }
  ).scheduler.runAll(now);

async function requestExport(client: Client, body: Record<string, unknown>): Promise<ExportJson> {
  const res = await client.post('/api/exports', { comment: 'for the report', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ExportJson>();
}

/** Request, approve and build: the export as its requester then sees it. */
async function readyExport(client: Client, body: Record<string, unknown>): Promise<ExportJson> {
  const ex = await requestExport(client, body);
  const approved = await admin.post(`/api/exports/${ex.id}/approve`, {});
  expect(approved.statusCode, approved.body).toBe(200);
  await drainJobs(ctx.app);
  return (await client.get(`/api/exports/${ex.id}`)).json<ExportJson>();
}

async function download(client: Client, id: number) {
  return client.get(`/api/exports/${id}/download`);
}

function parseCsvFile(raw: Buffer): Record<string, string>[] {
  expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(raw.toString('utf8'), { bom: true, columns: true, relax_column_count: false }) as Record<
    string,
    string
  >[];
}

async function activityFor(id: number): Promise<string[]> {
  const found = await rows<{ action: string }>(
    ctx.database.db,
    sql`select action from activity where kind = 'export' and record_id = ${id} order by id`,
  );
  return found.map((r) => r.action);
}

async function notificationTitles(userId: number): Promise<string[]> {
  const found = await rows<{ title: string }>(
    ctx.database.db,
    sql`select title from notifications where user_id = ${userId} order by id`,
  );
  return found.map((r) => r.title);
}

describe('export requests', () => {
  it('refuses users without canExport (403) and anonymous callers (401)', async () => {
    const b = await create(admin, 'bulletin', 'Not for export');
    const res = await plainDa.post('/api/exports', { kind: 'bulletin', ids: [b.id], format: 'csv' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    expect((await plainDa.get('/api/exports')).statusCode).toBe(403);
    const anon = await ctx.app.inject({ method: 'GET', url: '/api/exports' });
    expect(anon.statusCode).toBe(401);
  });

  it('D7 treats a restricted id exactly like a missing one (400 "not found"), and rejects unknown fields', async () => {
    const open = await create(admin, 'bulletin', 'Open bulletin');
    const hidden = await create(admin, 'bulletin', 'Hidden bulletin', { accessGroups: [groupId] });
    const missing = 999_999;
    const res = await analyst.post('/api/exports', { kind: 'bulletin', ids: [open.id, hidden.id], format: 'csv' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ ids: `not found: ${hidden.id}` });
    const res2 = await analyst.post('/api/exports', { kind: 'bulletin', ids: [open.id, missing], format: 'csv' });
    expect(res2.json().error.fields).toEqual({ ids: `not found: ${missing}` });
    const extra = await analyst.post('/api/exports', { kind: 'bulletin', ids: [open.id], format: 'csv', pdf: true });
    expect(extra.statusCode).toBe(400);
    const pdf = await analyst.post('/api/exports', { kind: 'bulletin', ids: [open.id], format: 'pdf' });
    expect(pdf.statusCode).toBe(400);
    const [{ n }] = (await rows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from exports where requester_id = ${analyst.userId}`,
    )) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('creates a pending request, notifies admins, logs it; lists are own-only, Admin sees all', async () => {
    const b = await create(admin, 'bulletin', 'Listed export');
    const ex = await requestExport(analyst, { kind: 'bulletin', ids: [b.id, b.id], format: 'json' });
    const theirsEx = await requestExport(otherExporter, { kind: 'bulletin', ids: [b.id], format: 'csv' });
    expect(ex).toMatchObject({ status: 'pending', itemCount: null, expiresAt: null });
    expect(ex.permissions).toEqual({ approve: false, reject: false, changeExpiry: false, download: false });
    expect((await analyst.get(`/api/exports/${ex.id}`)).json().ids).toEqual([b.id]);
    expect(await activityFor(ex.id)).toEqual(['EXPORT_REQUEST']);
    expect(await notificationTitles(admin.userId)).toContain(
      `Export #${ex.id} awaits approval (1 bulletin records, JSON)`,
    );
    expect(await notificationTitles(analyst.userId)).not.toContain(expect.stringContaining('awaits approval'));
    const mine = (await analyst.get('/api/exports')).json<{ items: { id: number }[]; total: number }>();
    expect(mine.items.map((i) => i.id)).toContain(ex.id);
    const theirs = (await otherExporter.get('/api/exports')).json<{ items: { id: number }[] }>();
    expect(theirs.items.map((i) => i.id)).toEqual([theirsEx.id]);
    expect(mine.items.map((i) => i.id)).not.toContain(theirsEx.id);
    expect((await otherExporter.get(`/api/exports/${ex.id}`)).statusCode).toBe(404);
    const all = (await admin.get('/api/exports?limit=1')).json<{
      items: { id: number }[];
      nextCursor: string | null;
    }>();
    expect(all.items).toHaveLength(1);
    expect(all.nextCursor).not.toBeNull();
    expect((await admin.get(`/api/exports/${ex.id}`)).json().permissions).toMatchObject({
      approve: true,
      reject: true,
    });
  });
});

describe('S6 rate limit', () => {
  it('export routes share the export limit (20 a minute per user): the 21st call gets 429 with Retry-After', async () => {
    const limited = await testApp({ rateLimitScale: 1 });
    try {
      const user = await signedIn(limited, { roles: ['DA'], permissions: { canExport: true } });
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) statuses.push((await user.get('/api/exports')).statusCode);
      expect(statuses).toEqual([...Array<number>(20).fill(200), 429]);
      // Downloads count against the same limit.
      const refused = await user.get('/api/exports/1/download');
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

describe('exporting advanced-search results', () => {
  it('exports what the search finds for the requester (restricted records excluded); ids or search, not both', async () => {
    const a = await create(admin, 'bulletin', 'Quokkasearch first');
    const b = await create(admin, 'bulletin', 'Quokkasearch second');
    await create(admin, 'bulletin', 'Quokkasearch hidden', { accessGroups: [groupId] });
    const ex = await requestExport(analyst, {
      kind: 'bulletin',
      search: { blocks: [{ text: 'Quokkasearch' }] },
      format: 'csv',
    });
    const read = (await analyst.get(`/api/exports/${ex.id}`)).json<{ ids: number[] }>();
    expect([...read.ids].sort((x, y) => x - y)).toEqual([a.id, b.id]);
    const both = await analyst.post('/api/exports', {
      kind: 'bulletin',
      ids: [a.id],
      search: { blocks: [{ text: 'x' }] },
      format: 'csv',
    });
    expect(both.statusCode).toBe(400);
    const neither = await analyst.post('/api/exports', { kind: 'bulletin', format: 'csv' });
    expect(neither.statusCode).toBe(400);
    const badFilter = await analyst.post('/api/exports', {
      kind: 'bulletin',
      search: { blocks: [{ nonsense: 1 }] },
      format: 'csv',
    });
    expect(badFilter.statusCode).toBe(400);
    expect(Object.keys(badFilter.json().error.fields)[0]).toMatch(/^search\.blocks/);
    const none = await analyst.post('/api/exports', {
      kind: 'bulletin',
      search: { blocks: [{ text: 'Nothingmatchesthis' }] },
      format: 'csv',
    });
    expect(none.json().error.fields).toEqual({ search: 'finds no records' });
  });
});

describe('approval, build and download', () => {
  it('A8 approval needs a recent re-authentication', async () => {
    const b = await create(admin, 'bulletin', 'Sudo export');
    const ex = await requestExport(analyst, { kind: 'bulletin', ids: [b.id], format: 'csv' });
    const staleAdmin = await signedIn(ctx, { roles: ['Admin'] });
    await ageSession(ctx, staleAdmin, 'fresh_until', 1);
    const res = await staleAdmin.post(`/api/exports/${ex.id}/approve`, {});
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('reauth_required');
    expect((await analyst.get(`/api/exports/${ex.id}`)).json().status).toBe('pending');
    expect((await analyst.post(`/api/exports/${ex.id}/approve`, {})).statusCode).toBe(403);
  });

  it('D7 neutralises every formula prefix (= + - @ tab CR) in the CSV, which holds UTF-8 Arabic with a BOM', async () => {
    const prefixes = ['=', '+', '-', '@', '\t', '\r'];
    const made: number[] = [];
    for (const [i, p] of prefixes.entries()) {
      const b = await create(admin, 'bulletin', `Formula ${i}`, { titleAr: 'بيان عربي' });
      // Stored as an import could store it (the form trims leading whitespace).
      await ctx.database.db.execute(sql`update bulletins set title = ${`${p}cmd|' /C calc'!A${i}`} where id = ${b.id}`);
      made.push(b.id);
    }
    const ex = await readyExport(analyst, { kind: 'bulletin', ids: made, format: 'csv' });
    expect(ex).toMatchObject({ status: 'ready', itemCount: 6, error: null });
    const res = await download(analyst, ex.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="dalil-export-${ex.id}.csv"`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const records = parseCsvFile(res.rawPayload);
    expect(records.map((r) => Number(r.id))).toEqual(made);
    expect(records.map((r) => r.title)).toEqual(prefixes.map((p, i) => `'${p}cmd|' /C calc'!A${i}`));
    expect(records.every((r) => r.titleAr === 'بيان عربي')).toBe(true);
    expect(res.rawPayload.length).toBe(ex.fileBytes);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(ex.sha256);
  });

  it('D7 a record restricted (or deleted) after approval is left out of the file', async () => {
    const keep = await create(admin, 'bulletin', 'Still visible');
    const later = await create(admin, 'bulletin', 'Restricted later');
    const gone = await create(admin, 'bulletin', 'Deleted later');
    const ex = await requestExport(analyst, { kind: 'bulletin', ids: [keep.id, later.id, gone.id], format: 'csv' });
    expect((await admin.post(`/api/exports/${ex.id}/approve`, {})).statusCode).toBe(200);
    expect(
      (await admin.post(`/api/bulletins/${later.id}/update`, { accessGroups: [groupId], comment: 'restrict' }))
        .statusCode,
    ).toBe(200);
    expect((await admin.post(`/api/bulletins/${gone.id}/delete`, { comment: 'gone' })).statusCode).toBe(200);
    await drainJobs(ctx.app);
    const built = (await analyst.get(`/api/exports/${ex.id}`)).json<ExportJson>();
    expect(built).toMatchObject({ status: 'ready', itemCount: 1 });
    const records = parseCsvFile((await download(analyst, ex.id)).rawPayload);
    expect(records.map((r) => r.title)).toEqual(['Still visible']);
    expect(JSON.stringify(records)).not.toContain('Restricted later');
  });

  it('JSON holds the same records the API returns, for bulletins, actors and incidents', async () => {
    for (const kind of ['bulletin', 'actor', 'incident'] as const) {
      const a = await create(admin, kind, `JSON ${kind} one`);
      const b = await create(admin, kind, `JSON ${kind} two`);
      const ex = await readyExport(analyst, { kind, ids: [b.id, a.id], format: 'json' });
      expect(ex.itemCount).toBe(2);
      const res = await download(analyst, ex.id);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="dalil-export-${ex.id}.json"`);
      const plural = { bulletin: 'bulletins', actor: 'actors', incident: 'incidents' }[kind];
      const expected = [
        (await analyst.get(`/api/${plural}/${b.id}`)).json(),
        (await analyst.get(`/api/${plural}/${a.id}`)).json(),
      ];
      expect(JSON.parse(res.rawPayload.toString('utf8'))).toEqual(expected);
    }
  });

  it('CSV exports of actors and incidents carry their main fields', async () => {
    const actor = await create(admin, 'actor', '@Entity name', { nameAr: 'جهة' });
    const incident = await create(admin, 'incident', 'Incident title', { description: '<p>Plain <b>text</b></p>' });
    const a = parseCsvFile(
      (await download(analyst, (await readyExport(analyst, { kind: 'actor', ids: [actor.id], format: 'csv' })).id))
        .rawPayload,
    );
    expect(a[0]).toMatchObject({ id: String(actor.id), type: 'Entity', name: "'@Entity name", nameAr: 'جهة' });
    const i = parseCsvFile(
      (
        await download(
          analyst,
          (await readyExport(analyst, { kind: 'incident', ids: [incident.id], format: 'csv' })).id,
        )
      ).rawPayload,
    );
    expect(i[0]).toMatchObject({ id: String(incident.id), title: 'Incident title', description: 'Plain text' });
  });

  it('only the requester and Admins download: another exporter gets 404; each download is logged; notifications', async () => {
    const b = await create(admin, 'bulletin', 'Private export');
    const ex = await readyExport(analyst, { kind: 'bulletin', ids: [b.id], format: 'csv' });
    const other = await download(otherExporter, ex.id);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('not_found');
    expect((await download(plainDa, ex.id)).statusCode).toBe(403);
    expect((await download(analyst, ex.id)).statusCode).toBe(200);
    expect((await download(admin, ex.id)).statusCode).toBe(200);
    expect(await activityFor(ex.id)).toEqual([
      'EXPORT_REQUEST',
      'EXPORT_APPROVE',
      'EXPORT_READY',
      'EXPORT_DOWNLOAD',
      'EXPORT_DOWNLOAD',
    ]);
    const titles = await notificationTitles(analyst.userId);
    expect(titles).toContain(`Your export #${ex.id} was approved and is being prepared`);
    expect(titles).toContain(`Your export #${ex.id} is ready to download`);
  });

  it('reject: pending only, logged, the requester is told why; nothing is built', async () => {
    const b = await create(admin, 'bulletin', 'Rejected export');
    const ex = await requestExport(analyst, { kind: 'bulletin', ids: [b.id], format: 'csv' });
    expect((await admin.post(`/api/exports/${ex.id}/reject`, {})).statusCode).toBe(400);
    const res = await admin.post(`/api/exports/${ex.id}/reject`, { comment: 'Too broad' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', permissions: { approve: false, download: false } });
    expect((await admin.post(`/api/exports/${ex.id}/approve`, {})).statusCode).toBe(409);
    expect((await admin.post(`/api/exports/${ex.id}/reject`, { comment: 'again' })).statusCode).toBe(409);
    await drainJobs(ctx.app);
    expect((await download(analyst, ex.id)).statusCode).toBe(404);
    expect(await activityFor(ex.id)).toEqual(['EXPORT_REQUEST', 'EXPORT_REJECT']);
    expect(await notificationTitles(analyst.userId)).toContain(`Your export #${ex.id} was rejected`);
  });

  it('the build fails cleanly (no stack) when the requester lost canExport', async () => {
    const user = await makeUser(ctx, { roles: ['DA'], permissions: { canExport: true } });
    const client = await login(ctx, user.username);
    const b = await create(admin, 'bulletin', 'Lost flag');
    const ex = await requestExport(client, { kind: 'bulletin', ids: [b.id], format: 'csv' });
    expect((await admin.post(`/api/exports/${ex.id}/approve`, {})).statusCode).toBe(200);
    await ctx.database.db.execute(
      sql`update users set permissions = jsonb_set(permissions::jsonb, '{canExport}', 'false')::json where id = ${user.id}`,
    );
    await drainJobs(ctx.app);
    const row = (await admin.get(`/api/exports/${ex.id}`)).json<ExportJson>();
    expect(row).toMatchObject({ status: 'failed', error: 'The requesting user may no longer export records.' });
  });
});

describe('D4 expiry', () => {
  it('changing the expiry: future only, at most 30 days, never once expired', async () => {
    const b = await create(admin, 'bulletin', 'Expiry change');
    const pending = await requestExport(analyst, { kind: 'bulletin', ids: [b.id], format: 'csv' });
    const soon = new Date(Math.floor(Date.now() / 1000) * 1000 + 3_600_000).toISOString().replace('.000Z', 'Z');
    expect((await admin.post(`/api/exports/${pending.id}/expiry`, { expiresAt: soon })).statusCode).toBe(409);
    expect((await admin.post(`/api/exports/${pending.id}/approve`, {})).statusCode).toBe(200);
    await drainJobs(ctx.app);
    const past = new Date(Date.now() - 60_000).toISOString();
    const far = new Date(Date.now() + 31 * 86_400_000).toISOString();
    expect((await admin.post(`/api/exports/${pending.id}/expiry`, { expiresAt: past })).json().error.fields).toEqual({
      expiresAt: 'must be in the future',
    });
    expect((await admin.post(`/api/exports/${pending.id}/expiry`, { expiresAt: far })).statusCode).toBe(400);
    expect((await analyst.post(`/api/exports/${pending.id}/expiry`, { expiresAt: soon })).statusCode).toBe(403);
    const moved = await admin.post(`/api/exports/${pending.id}/expiry`, { expiresAt: soon });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().expiresAt).toBe(soon);
    expect(await activityFor(pending.id)).toContain('EXPORT_EXPIRY');
  });

  it('the scheduled task deletes the file, marks the export expired, and downloads are then refused', async () => {
    const b = await create(admin, 'bulletin', 'Expiring export');
    const ex = await readyExport(analyst, { kind: 'bulletin', ids: [b.id], format: 'csv' });
    const [file] = await rows<{ file_key: string }>(
      ctx.database.db,
      sql`select file_key from exports where id = ${ex.id}`,
    );
    const path = join(ctx.config.files.exportDir, file?.file_key ?? 'none');
    expect(existsSync(path)).toBe(true);
    expect(Date.parse(ex.expiresAt ?? '')).toBeGreaterThan(Date.now() + 3_500_000);
    expect((await runScheduler(new Date()))['export-expiry']).toMatchObject({ expired: 0 });
    const after = new Date(Date.parse(ex.expiresAt ?? '') + 1000);
    const result = (await runScheduler(after))['export-expiry'];
    expect(result?.expired).toBeGreaterThanOrEqual(1);
    expect(existsSync(path)).toBe(false);
    const row = (await analyst.get(`/api/exports/${ex.id}`)).json<ExportJson>();
    expect(row.status).toBe('expired');
    const refused = await download(analyst, ex.id);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.message).toMatch(/expired/);
    expect(await activityFor(ex.id)).toContain('EXPORT_EXPIRE');
    // Idempotent: a second run changes nothing for this export.
    await runScheduler(after);
    expect((await activityFor(ex.id)).filter((a) => a === 'EXPORT_EXPIRE')).toHaveLength(1);
    expect(
      (await admin.post(`/api/exports/${ex.id}/expiry`, { expiresAt: new Date(Date.now() + 3_600_000).toISOString() }))
        .statusCode,
    ).toBe(409);
  });

  it('expired and rejected rows are deleted after 30 days; stray files older than a day are removed', async () => {
    const b = await create(admin, 'bulletin', 'Old export');
    const ex = await requestExport(analyst, { kind: 'bulletin', ids: [b.id], format: 'csv' });
    await admin.post(`/api/exports/${ex.id}/reject`, { comment: 'no' });
    const dir = ctx.config.files.exportDir;
    const stray = join(dir, `${'a'.repeat(32)}.csv`);
    const fresh = join(dir, `${'b'.repeat(32)}.csv`);
    writeFileSync(stray, 'left behind');
    writeFileSync(fresh, 'being written');
    const dayAgo = (Date.now() - 2 * 86_400_000) / 1000;
    utimesSync(stray, dayAgo, dayAgo);
    await runScheduler(new Date());
    expect(existsSync(stray)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    await runScheduler(new Date(Date.now() + 29 * 86_400_000));
    expect((await analyst.get(`/api/exports/${ex.id}`)).statusCode).toBe(200);
    await runScheduler(new Date(Date.now() + 31 * 86_400_000));
    expect((await analyst.get(`/api/exports/${ex.id}`)).statusCode).toBe(404);
    // The audit trail outlives the row.
    expect(await activityFor(ex.id)).toEqual(['EXPORT_REQUEST', 'EXPORT_REJECT']);
    expect(readdirSync(dir)).not.toContain(`${'a'.repeat(32)}.csv`);
  });
});
