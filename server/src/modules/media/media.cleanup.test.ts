import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, sql } from '../../db/client.js';
import { signedIn, testApp, type Client, type TestContext } from '../../../test/helpers.js';
import { create } from '../../../test/workflow/common.js';
import { multipartBody, pngVariant } from './media.testFiles.js';

const DAY = 24 * 60 * 60 * 1000;

let ctx: TestContext;
let admin: Client;
let bulletinId: number;

async function attach(n: number): Promise<{ id: number; key: string }> {
  const { payload, contentType } = multipartBody([
    { name: 'file', filename: `p${n}.png`, type: 'image/png', data: pngVariant(n) },
  ]);
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/bulletins/${bulletinId}/media`,
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': contentType },
    payload,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  const id = res.json<{ media: { id: number } }>().media.id;
  const [row] = await rows<{ storage_key: string }>(
    ctx.database.db,
    sql`select storage_key from media where id = ${id}`,
  );
  return { id, key: row?.storage_key ?? '' };
}

/** Sets a file's modification time `days` ago. */
const age = (path: string, days: number) => {
  const t = new Date(Date.now() - days * DAY);
  utimesSync(path, t, t);
};

beforeAll(async () => {
  ctx = await testApp();
  admin = await signedIn(ctx, { roles: ['Admin'] });
  bulletinId = (await create(admin, 'bulletin', 'Cleanup bulletin')).id;
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

describe('media cleanup task (O5)', () => {
  it('O5 is registered with the scheduler to run every hour', () => {
    const tasks = (ctx.app.scheduler as unknown as { tasks: { name: string; everyMs: number }[] }).tasks;
    expect(tasks.find((t) => t.name === 'media-cleanup')?.everyMs).toBe(60 * 60 * 1000);
  });

  it('O5 deletes old removed files, old temp files and old orphans, and leaves everything fresh or in use', async () => {
    const { mediaDir, tmpDir } = ctx.config.files;
    const live = await attach(1);
    const oldRemoved = await attach(2);
    const recentRemoved = await attach(3);
    for (const m of [oldRemoved, recentRemoved])
      expect((await admin.post(`/api/media/${m.id}/delete`, {})).statusCode).toBe(200);
    await rows(
      ctx.database.db,
      sql`update media set deleted_at = now() - interval '31 days' where id = ${oldRemoved.id}`,
    );
    await rows(
      ctx.database.db,
      sql`update media set deleted_at = now() - interval '29 days' where id = ${recentRemoved.id}`,
    );
    // Files in use are old too: age alone never deletes a file a row needs.
    for (const m of [live, oldRemoved, recentRemoved]) age(join(mediaDir, m.key), 40);

    mkdirSync(tmpDir, { recursive: true });
    writeFileSync(join(tmpDir, 'upload-old.part'), 'x');
    age(join(tmpDir, 'upload-old.part'), 2);
    mkdirSync(join(tmpDir, 'import-old'));
    writeFileSync(join(tmpDir, 'import-old', 'rows.csv'), 'a,b');
    age(join(tmpDir, 'import-old'), 2);
    writeFileSync(join(tmpDir, 'upload-fresh.part'), 'x');
    const orphanOld = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.png';
    const orphanFresh = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.png';
    writeFileSync(join(mediaDir, orphanOld), 'x');
    age(join(mediaDir, orphanOld), 2);
    writeFileSync(join(mediaDir, orphanFresh), 'x');

    const first = await ctx.app.scheduler.runAll(new Date());
    expect(first['media-cleanup']).toEqual({ purged: 1, tmpRemoved: 2, orphansRemoved: 1 });
    expect(existsSync(join(mediaDir, oldRemoved.key))).toBe(false);
    expect(existsSync(join(mediaDir, recentRemoved.key))).toBe(true);
    expect(existsSync(join(mediaDir, live.key))).toBe(true);
    expect(readdirSync(tmpDir)).toEqual(['upload-fresh.part']);
    expect(existsSync(join(mediaDir, orphanOld))).toBe(false);
    expect(existsSync(join(mediaDir, orphanFresh))).toBe(true);
    const purged = await rows<{ id: number; purged: boolean }>(
      ctx.database.db,
      sql`select id, purged_at is not null as purged from media where id in (${oldRemoved.id}, ${recentRemoved.id}, ${live.id}) order by id`,
    );
    expect(purged).toEqual([
      { id: live.id, purged: false },
      { id: oldRemoved.id, purged: true },
      { id: recentRemoved.id, purged: false },
    ]);

    // Idempotent: a second run finds nothing more to do.
    const second = await ctx.app.scheduler.runAll(new Date());
    expect(second['media-cleanup']).toEqual({ purged: 0, tmpRemoved: 0, orphansRemoved: 0 });
    // The live media's file still downloads.
    expect((await admin.get(`/api/media/${live.id}/file`)).statusCode).toBe(200);
  });
});
