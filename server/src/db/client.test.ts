import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite } from './client.js';

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
