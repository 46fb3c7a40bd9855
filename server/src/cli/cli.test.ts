import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openPglite, rows, sql } from '../db/client.js';
import { testApp } from '../../test/helpers.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const cli = join(root, 'server', 'src', 'cli', 'index.ts');

function dalil(dataDir: string, ...args: string[]) {
  return spawnSync(process.execPath, [tsx, cli, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', USER: 'opsperson', SUDO_USER: '' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('O3 the admin command line', () => {
  it('O3 logs each use to the activity log; verify-audit names a tampered row (D1)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dalil-cli-'));
    expect(dalil(dataDir, 'migrate').status).toBe(0);
    const ok = dalil(dataDir, 'verify-audit');
    expect(ok.stdout).toMatch(/Activity log intact/);
    const anchor = /Anchor .*: (\d+:[0-9a-f]{64})/.exec(ok.stdout)?.[1] ?? '';
    expect(anchor).toMatch(/^\d+:[0-9a-f]{64}$/);
    expect(dalil(dataDir, 'verify-audit', '--anchor', anchor).status).toBe(0);
    expect(dalil(dataDir, 'verify-audit', '--anchor', 'nonsense').status).toBe(2);
    const database = await openPglite(join(dataDir, 'db'));
    const used = await rows<{ action: string; username: string }>(
      database.db,
      sql`select action, username from activity where ip = 'cli' order by id`,
    );
    expect(used).toEqual(
      expect.arrayContaining([
        { action: 'MIGRATE', username: 'cli:opsperson' },
        { action: 'VERIFY_AUDIT', username: 'cli:opsperson' },
      ]),
    );
    const [first] = await rows<{ id: number }>(database.db, sql`select min(id)::int as id from activity`);
    await database.db.execute(sql`alter table activity disable trigger activity_no_update_delete`);
    await database.db.execute(sql`update activity set username = 'someone-else' where id = ${first?.id}`);
    await database.close();
    const broken = dalil(dataDir, 'verify-audit');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`BROKEN at row id ${first?.id}`);
  }, 180_000);

  it('D1 rows cut from the end leave an intact chain; the anchor printed earlier catches it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dalil-cli-'));
    expect(dalil(dataDir, 'migrate').status).toBe(0);
    const ok = dalil(dataDir, 'verify-audit');
    const anchor = /Anchor .*: (\d+:[0-9a-f]{64})/.exec(ok.stdout)?.[1] ?? '';
    const database = await openPglite(join(dataDir, 'db'));
    await database.db.execute(sql`alter table activity disable trigger activity_no_update_delete`);
    await database.db.execute(sql`delete from activity where id >= ${Number(anchor.split(':')[0])}`);
    await database.close();
    expect(dalil(dataDir, 'verify-audit').status).toBe(0);
    const cut = dalil(dataDir, 'verify-audit', '--anchor', anchor);
    expect(cut.status).toBe(1);
    expect(cut.stderr).toContain('anchored row is missing');
  }, 180_000);

  it('O3 no HTTP route reaches the command line', async () => {
    const ctx = await testApp();
    try {
      expect(ctx.app.routeTable.filter((r) => /migrate|verify-audit|create-admin|cli/.test(r.url))).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});
