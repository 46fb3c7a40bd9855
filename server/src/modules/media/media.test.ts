import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, sql } from '../../db/client.js';
import { login, makeUser, signedIn, testApp, type Client, type TestContext } from '../../../test/helpers.js';
import { create } from '../../../test/workflow/common.js';
import { flushDeniedReports } from '../access/access.denied.js';
import { STORAGE_KEY } from './media.store.js';
import { ELF, HTML, makeZip, multipartBody, PDF, PE, PNG_1X1, pngVariant, type Part } from './media.testFiles.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface MediaJson {
  id: number;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  title: string;
  canDownload: boolean;
  record: { kind: string; id: number };
  uploadedBy: { id: number; name: string } | null;
}

function upload(c: Client, url: string, parts: Part[]) {
  const { payload, contentType } = multipartBody(parts);
  return c.app.inject({
    method: 'POST',
    url,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': contentType },
    payload,
  });
}

const file = (filename: string, type: string, data: Buffer): Part => ({ name: 'file', filename, type, data });

let ctx: TestContext;
let admin: Client;
let da: Client;
let bulletinId: number;

const mediaFiles = () => (existsSync(ctx.config.files.mediaDir) ? readdirSync(ctx.config.files.mediaDir) : []);
const tmpFiles = () => (existsSync(ctx.config.files.tmpDir) ? readdirSync(ctx.config.files.tmpDir) : []);

beforeAll(async () => {
  ctx = await testApp();
  admin = await signedIn(ctx, { roles: ['Admin'] });
  const daUser = await makeUser(ctx, { roles: ['DA'], permissions: { canAccessMedia: true } });
  da = await login(ctx, daUser.username);
  bulletinId = (await create(admin, 'bulletin', 'Media bulletin', { assignedTo: daUser.id })).id;
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

describe('uploading media (D6)', () => {
  let pngId: number;

  it('D6 accepts a PNG from the assignee, hashes it while streaming and stores it under a random key', async () => {
    const res = await upload(da, `/api/bulletins/${bulletinId}/media`, [
      { name: 'title', value: 'Crater photo' },
      file('crater.png', 'image/png', PNG_1X1),
      { name: 'titleAr', value: 'صورة الحفرة' },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ media: MediaJson; alsoHeldBy: unknown[] }>();
    expect(body.media.sha256).toBe(sha(PNG_1X1));
    expect(body.media).toMatchObject({
      fileName: 'crater.png',
      mimeType: 'image/png',
      sizeBytes: PNG_1X1.length,
      title: 'Crater photo',
      record: { kind: 'bulletin', id: bulletinId },
      canDownload: true,
    });
    expect(body.alsoHeldBy).toEqual([]);
    pngId = body.media.id;
    const [row] = await rows<{ storage_key: string; title_ar: string }>(
      ctx.database.db,
      sql`select storage_key, title_ar from media where id = ${pngId}`,
    );
    expect(row?.storage_key).toMatch(STORAGE_KEY);
    expect(row?.storage_key.endsWith('.png')).toBe(true);
    expect(row?.title_ar).toBe('صورة الحفرة');
    expect(readFileSync(join(ctx.config.files.mediaDir, row?.storage_key ?? 'x')).equals(PNG_1X1)).toBe(true);
    expect(tmpFiles()).toEqual([]);

    const list = await da.get(`/api/bulletins/${bulletinId}/media`);
    expect(list.json<{ items: MediaJson[] }>().items.map((m) => m.id)).toEqual([pngId]);
    const activity = await rows<{ action: string }>(
      ctx.database.db,
      sql`select action from activity where kind = 'media' and record_id = ${pngId}`,
    );
    expect(activity.map((a) => a.action)).toEqual(['MEDIA_UPLOAD']);
    const revision = await rows<{ comment: string }>(
      ctx.database.db,
      sql`select comment from revisions where kind = 'bulletin' and record_id = ${bulletinId} order by id desc limit 1`,
    );
    expect(revision[0]?.comment).toBe('Attached media: crater.png');
  });

  it('D6 serves the bytes as a sandboxed attachment and logs the download', async () => {
    const res = await da.get(`/api/media/${pngId}/file`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(PNG_1X1)).toBe(true);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="crater.png"; filename*=UTF-8''crater.png`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    const inline = await da.get(`/api/media/${pngId}/file?inline=1`);
    expect(inline.headers['content-disposition']).toMatch(/^inline; /);
    const log = await rows<{ action: string; user_id: number }>(
      ctx.database.db,
      sql`select action, user_id from activity where kind = 'media' and record_id = ${pngId} and action like 'MEDIA_%' order by id`,
    );
    expect(log.map((l) => l.action)).toEqual(['MEDIA_UPLOAD', 'MEDIA_DOWNLOAD', 'MEDIA_VIEW']);
    expect(log[1]?.user_id).toBe(da.userId);
  });

  it('D6 refuses the same file on the same record with 409 naming the existing media', async () => {
    const res = await upload(da, `/api/bulletins/${bulletinId}/media`, [file('again.png', 'image/png', PNG_1X1)]);
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'conflict',
      message: `This file is already attached to this bulletin as media #${pngId}.`,
    });
    expect(tmpFiles()).toEqual([]);
  });

  it.each([
    ['an ELF binary renamed .png', 'evil.png', 'image/png', ELF, /not accepted: its content is application\/x-elf/],
    [
      'a Windows executable renamed .png',
      'evil.png',
      'image/png',
      PE,
      /not accepted: its content is application\/x-msdownload/,
    ],
    [
      'an HTML page renamed .png',
      'page.png',
      'image/png',
      HTML,
      /not accepted: its content is not a recognised file type/,
    ],
    [
      'PDF bytes declared as image/png',
      'report.pdf',
      'image/png',
      PDF,
      /sent as image\/png but its content is application\/pdf/,
    ],
    ['PDF bytes named .png', 'report.png', 'application/pdf', PDF, /ends in \.png but its content is application\/pdf/],
  ])('D6 refuses %s with 415', async (_what, name, type, data, message) => {
    const before = mediaFiles().length;
    const res = await upload(da, `/api/bulletins/${bulletinId}/media`, [file(name, type, data)]);
    expect(res.statusCode).toBe(415);
    const err = res.json<{ error: { code: string; message: string } }>().error;
    expect(err.code).toBe('unsupported_media_type');
    expect(err.message).toMatch(message);
    expect(mediaFiles().length).toBe(before);
    expect(tmpFiles()).toEqual([]);
  });

  it('D6 refuses a zip bomb, a path-traversal entry and a nested archive; accepts an ordinary zip', async () => {
    const url = `/api/bulletins/${bulletinId}/media`;
    const bomb = makeZip([{ name: 'zeros.bin', data: Buffer.alloc(20 * 1024 * 1024, 0) }]);
    expect(bomb.length).toBeLessThan(100_000);
    const refused = async (zip: Buffer) => {
      const res = await upload(da, url, [file('archive.zip', 'application/zip', zip)]);
      expect(res.statusCode).toBe(415);
      return res.json<{ error: { message: string } }>().error.message;
    };
    expect(await refused(bomb)).toMatch(/expands more than 100 times \(a zip bomb\)/);
    expect(await refused(makeZip([{ name: '../../x', data: Buffer.from('hi') }]))).toMatch(
      /points outside the archive/,
    );
    expect(await refused(makeZip([{ name: '/etc/cron.d/x', data: Buffer.from('hi') }]))).toMatch(/absolute path/);
    expect(await refused(makeZip([{ name: 'inner/evidence.zip', data: Buffer.from('PK') }]))).toMatch(
      /nested archives/,
    );
    expect(tmpFiles()).toEqual([]);
    const ok = makeZip([{ name: 'notes/readme.txt', data: Buffer.from('field notes, day 1') }]);
    const res = await upload(da, url, [file('notes.zip', 'application/x-zip-compressed', ok)]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ media: MediaJson }>().media.mimeType).toBe('application/zip');
    const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const docx = makeZip([
      {
        name: '[Content_Types].xml',
        data: Buffer.from(
          `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
        ),
      },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
    ]);
    const word = await upload(da, url, [file('statement.docx', docxType, docx)]);
    expect(word.statusCode, word.body).toBe(201);
    expect(word.json<{ media: MediaJson }>().media.mimeType).toBe(docxType);
  });

  it('D6 refuses an archive over the configured uncompressed cap', async () => {
    const small = await testApp({});
    try {
      small.config.files.zipMaxUncompressedBytes = 1000;
      const a = await signedIn(small, { roles: ['Admin'] });
      const b = await create(a, 'bulletin', 'Cap');
      const zip = makeZip([
        { name: 'a.txt', data: Buffer.from('x'.repeat(600)) },
        { name: 'b.txt', data: Buffer.from('y'.repeat(600)) },
      ]);
      const res = await upload(a, `/api/bulletins/${b.id}/media`, [file('two.zip', 'application/zip', zip)]);
      expect(res.statusCode).toBe(415);
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(/expands to 1200 bytes \(at most 1000/);
    } finally {
      await small.close();
    }
  });

  it('D6 stores a hostile file name as display text only, and the download header stays one safe line', async () => {
    const url = `/api/bulletins/${bulletinId}/media`;
    const part = (name: string): Part => ({
      name: 'file',
      filename: '',
      type: 'image/png',
      data: pngVariant(1),
      rawDisposition: `form-data; name="file"; filename*=UTF-8''${encodeURIComponent(name)}`,
    });
    // With a line break in its name the parser drops the part: nothing is stored.
    const crlf = await upload(da, url, [part('../../etc/passwd"\r\nX: y.png')]);
    expect(crlf.statusCode).toBe(400);
    expect(crlf.json<{ error: { fields: Record<string, string> } }>().error.fields.file).toMatch(/^is required/);
    expect(tmpFiles()).toEqual([]);
    // Other control characters, quotes and path parts reach us and are cleaned.
    const res = await upload(da, url, [part('../../etc/passwd"\u0007X: y\u0000.png')]);
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json<{ media: MediaJson }>().media;
    expect(m.fileName).toBe('passwd_X_ y.png');
    const [row] = await rows<{ storage_key: string }>(
      ctx.database.db,
      sql`select storage_key from media where id = ${m.id}`,
    );
    expect(row?.storage_key).toMatch(STORAGE_KEY);
    const dl = await da.get(`/api/media/${m.id}/file`);
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename="passwd_X_ y.png"; filename*=UTF-8''passwd_X_%20y.png`,
    );
    expect(dl.headers.x).toBeUndefined();
    expect(existsSync(join(ctx.config.dataDir, 'etc'))).toBe(false);
  });

  it('D6 keeps an Arabic file name and sends it in filename* (RFC 5987) with an ASCII fallback', async () => {
    const name = 'شهادة \u202Eالشاهد.png';
    const res = await upload(da, `/api/bulletins/${bulletinId}/media`, [file(name, 'image/png', pngVariant(2))]);
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json<{ media: MediaJson }>().media;
    expect(m.fileName).toBe('شهادة الشاهد.png');
    const dl = await da.get(`/api/media/${m.id}/file`);
    const header = String(dl.headers['content-disposition']);
    const star = /filename\*=UTF-8''(.+)$/.exec(header)?.[1] ?? '';
    expect(decodeURIComponent(star)).toBe('شهادة الشاهد.png');
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; /);
  });

  it('D6 refuses a request that is not multipart, a missing file and unknown fields', async () => {
    const url = `/api/bulletins/${bulletinId}/media`;
    const json = await da.post(url, { file: 'x' });
    expect(json.statusCode).toBe(415);
    const none = await upload(da, url, [{ name: 'title', value: 'no file' }]);
    expect(none.statusCode).toBe(400);
    expect(none.json<{ error: { fields: Record<string, string> } }>().error.fields.file).toMatch(/^is required/);
    const extra = await upload(da, url, [{ name: 'owner', value: '1' }, file('a.png', 'image/png', pngVariant(3))]);
    expect(extra.statusCode).toBe(400);
    expect(extra.json<{ error: { fields: Record<string, string> } }>().error.fields).toEqual({
      owner: 'unknown field',
    });
    const badCat = await upload(da, url, [
      { name: 'categoryId', value: '999999' },
      file('a.png', 'image/png', pngVariant(3)),
    ]);
    expect(badCat.statusCode).toBe(400);
    expect(tmpFiles()).toEqual([]);
  });
});

describe('size limit', () => {
  it('D6 answers 413 over MEDIA_MAX_MB and keeps nothing', async () => {
    const small = await testApp();
    try {
      small.config.files.mediaMaxBytes = 4096;
      const a = await signedIn(small, { roles: ['Admin'] });
      const b = await create(a, 'bulletin', 'Size');
      const big = Buffer.concat([PNG_1X1, Buffer.alloc(10_000, 7)]);
      const res = await upload(a, `/api/bulletins/${b.id}/media`, [file('big.png', 'image/png', big)]);
      expect(res.statusCode).toBe(413);
      expect(res.json<{ error: { code: string; message: string } }>().error).toMatchObject({
        code: 'payload_too_large',
        message: 'The file is larger than the upload limit of 4096 bytes.',
      });
      expect(readdirSync(small.config.files.tmpDir)).toEqual([]);
      expect(existsSync(small.config.files.mediaDir) ? readdirSync(small.config.files.mediaDir) : []).toEqual([]);
      const count = await rows<{ n: number }>(small.database.db, sql`select count(*)::int as n from media`);
      expect(count[0]?.n).toBe(0);
    } finally {
      await small.close();
    }
  });
});

describe('who may see and change media', () => {
  let restrictedMediaId: number;
  let restrictedId: number;
  let outsider: Client;

  beforeAll(async () => {
    const group = (await admin.post('/api/groups', { name: 'Media secret group' })).json<{ id: number }>().id;
    restrictedId = (await create(admin, 'bulletin', 'SECRET-BULLETIN-TITLE', { accessGroups: [group] })).id;
    const res = await upload(admin, `/api/bulletins/${restrictedId}/media`, [
      { name: 'title', value: 'SECRET-MEDIA-TITLE' },
      file('secret-witness.png', 'image/png', pngVariant(9)),
    ]);
    expect(res.statusCode, res.body).toBe(201);
    restrictedMediaId = res.json<{ media: MediaJson }>().media.id;
    outsider = await signedIn(ctx, { roles: ['DA'], permissions: { canAccessMedia: true } });
  });

  it('D6 answers 404 to an outsider for the list, the metadata and the file, and leaks no title in the DENIED trail', async () => {
    expect((await outsider.get(`/api/bulletins/${restrictedId}/media`)).statusCode).toBe(404);
    const meta = await outsider.get(`/api/media/${restrictedMediaId}`);
    expect(meta.statusCode).toBe(404);
    expect(meta.body).not.toContain('SECRET');
    const bytes = await outsider.get(`/api/media/${restrictedMediaId}/file`);
    expect(bytes.statusCode).toBe(404);
    expect(bytes.body).not.toContain('secret-witness');
    const missing = await outsider.get('/api/media/999999');
    expect(JSON.parse(meta.body).error.message).toBe(JSON.parse(missing.body).error.message);
    await flushDeniedReports();
    const denied = await rows<{ row: string }>(
      ctx.database.db,
      sql`select row_to_json(a)::text as row from activity a where outcome = 'DENIED' and user_id = ${outsider.userId}`,
    );
    expect(denied.length).toBe(3);
    const notes = await rows<{ row: string }>(
      ctx.database.db,
      sql`select row_to_json(n)::text as row from notifications n`,
    );
    for (const r of [...denied, ...notes]) {
      expect(r.row).not.toContain('SECRET');
      expect(r.row).not.toContain('secret-witness');
    }
  });

  it('D6 never names a restricted record as another holder of the same file', async () => {
    const open = (await create(admin, 'bulletin', 'Open copy', { assignedTo: outsider.userId })).id;
    const res = await upload(outsider, `/api/bulletins/${open}/media`, [file('copy.png', 'image/png', pngVariant(9))]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ alsoHeldBy: unknown[] }>().alsoHeldBy).toEqual([]);
    const mine = (await create(admin, 'actor', 'Holder actor')).id;
    const byAdmin = await upload(admin, `/api/actors/${mine}/media`, [file('copy.png', 'image/png', pngVariant(9))]);
    expect(byAdmin.statusCode, byAdmin.body).toBe(201);
    const held = byAdmin.json<{ alsoHeldBy: { kind: string; id: number }[] }>().alsoHeldBy;
    expect(held.map((h) => `${h.kind}:${h.id}`).sort()).toEqual(
      [`bulletin:${open}`, `bulletin:${restrictedId}`].sort(),
    );
  });

  it('D6 shows metadata but refuses the bytes (403) to a user without canAccessMedia', async () => {
    const viewer = await signedIn(ctx, { roles: ['DA'] });
    const list = await viewer.get(`/api/bulletins/${bulletinId}/media`);
    expect(list.statusCode).toBe(200);
    const first = list.json<{ items: MediaJson[] }>().items[0] as MediaJson;
    expect(first.canDownload).toBe(false);
    expect((await viewer.get(`/api/media/${first.id}`)).statusCode).toBe(200);
    const res = await viewer.get(`/api/media/${first.id}/file`);
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('forbidden');
  });

  it('D6 lets only those who may update the parent attach, edit and remove', async () => {
    const stranger = await signedIn(ctx, { roles: ['DA'], permissions: { canAccessMedia: true } });
    const url = `/api/bulletins/${bulletinId}/media`;
    const res = await upload(stranger, url, [file('x.png', 'image/png', pngVariant(20))]);
    expect(res.statusCode).toBe(403);
    expect(tmpFiles()).toEqual([]);
    const list = (await da.get(url)).json<{ items: MediaJson[] }>().items;
    const target = list[0] as MediaJson;
    expect((await stranger.post(`/api/media/${target.id}/update`, { title: 'nope' })).statusCode).toBe(403);
    expect((await stranger.post(`/api/media/${target.id}/delete`, {})).statusCode).toBe(403);
    expect((await da.post(`/api/media/${target.id}/update`, { title: 'Renamed', bogus: 1 })).statusCode).toBe(400);
    const upd = await da.post(`/api/media/${target.id}/update`, { title: 'Renamed' });
    expect(upd.statusCode).toBe(200);
    expect(upd.json<MediaJson>().title).toBe('Renamed');
    const [cat] = await rows<{ id: number; title: string }>(
      ctx.database.db,
      sql`select id, title from vocab_terms where kind = 'media-categories' order by id limit 1`,
    );
    const withCat = await da.post(`/api/media/${target.id}/update`, { categoryId: cat?.id });
    expect(withCat.json<{ category: { title: string } | null }>().category?.title).toBe(cat?.title);
    const [country] = await rows<{ id: number }>(
      ctx.database.db,
      sql`select id from vocab_terms where kind = 'countries' order by id limit 1`,
    );
    const wrongKind = await da.post(`/api/media/${target.id}/update`, { categoryId: country?.id });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json<{ error: { fields: Record<string, string> } }>().error.fields).toEqual({
      categoryId: 'is not a media category',
    });
  });

  it('D6 removes (soft delete) and allows the same file to be attached again afterwards', async () => {
    const url = `/api/bulletins/${bulletinId}/media`;
    const added = await upload(da, url, [file('again.png', 'image/png', pngVariant(30))]);
    const id = added.json<{ media: MediaJson }>().media.id;
    const del = await da.post(`/api/media/${id}/delete`, {});
    expect(del.statusCode).toBe(200);
    expect((await da.get(`/api/media/${id}`)).statusCode).toBe(404);
    expect((await da.get(url)).json<{ items: MediaJson[] }>().items.some((m) => m.id === id)).toBe(false);
    const [row] = await rows<{ deleted: boolean; deleted_at: Date | null }>(
      ctx.database.db,
      sql`select deleted, deleted_at from media where id = ${id}`,
    );
    expect(row?.deleted).toBe(true);
    expect(row?.deleted_at).not.toBeNull();
    const log = await rows<{ action: string }>(
      ctx.database.db,
      sql`select action from activity where kind = 'media' and record_id = ${id} order by id`,
    );
    expect(log.map((l) => l.action)).toEqual(['MEDIA_UPLOAD', 'MEDIA_DELETE']);
    const again = await upload(da, url, [file('again.png', 'image/png', pngVariant(30))]);
    expect(again.statusCode).toBe(201);
  });
});
