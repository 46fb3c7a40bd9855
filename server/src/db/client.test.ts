import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/helpers.js';
import { openPglite, rows, sql } from './client.js';

describe('embedded database lock', () => {
  it('refuses a data directory held by another live process, and takes over a stale lock', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'dalil-lock-')), 'db');
    // The parent process (the test runner) stands in for a running server.
    writeFileSync(`${dir}.pid`, String(process.ppid));
    await expect(openPglite(dir)).rejects.toThrow(/in use by process \d+/);

    writeFileSync(`${dir}.pid`, '2147483646');
    const db = await openPglite(dir);
    expect(readFileSync(`${dir}.pid`, 'utf8')).toBe(String(process.pid));
    await db.close();
    expect(existsSync(`${dir}.pid`)).toBe(false);
  });
});

describe('search statement timeout', () => {
  it('cancels a statement over the time limit on PostgreSQL; PGlite, which has none, runs it', async () => {
    const database = await testDatabase();
    try {
      const timed = database.withStatementTimeout(50);
      expect(database.withStatementTimeout(50)).toBe(timed);
      const slow = rows(timed, sql`select pg_sleep(0.3) as slept`);
      if (database.engine === 'postgres') {
        await expect(slow).rejects.toMatchObject({ cause: { code: '57014' } });
        // The pool's other connections are unaffected, and a changed limit takes effect.
        expect(await rows(database.db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
        await expect(
          rows(database.withStatementTimeout(2000), sql`select pg_sleep(0.1) as slept`),
        ).resolves.toHaveLength(1);
      } else {
        expect(timed).toBe(database.db);
        await expect(slow).resolves.toHaveLength(1);
      }
    } finally {
      await database.close();
    }
  });
});
