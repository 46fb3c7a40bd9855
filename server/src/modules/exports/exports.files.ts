import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { once } from 'node:events';

/** Storage names are random and server-made: never a user's text, never a path. */
const KEY = /^[0-9a-f]{32}\.(csv|json)$/;

export function newFileKey(format: 'csv' | 'json'): string {
  return `${randomBytes(16).toString('hex')}.${format}`;
}

export function isFileKey(name: string): boolean {
  return KEY.test(name);
}

/** The file of a key inside the export directory; refuses anything that is not a key we issued. */
export function exportPath(dir: string, key: string): string {
  if (!isFileKey(key) || basename(key) !== key) throw new Error('not an export file key');
  return join(dir, key);
}

export async function removeExportFile(dir: string, key: string | null): Promise<void> {
  if (!key || !isFileKey(key)) return;
  await rm(join(dir, key), { force: true });
}

/**
 * Writes a file piece by piece, honouring back-pressure (the export never sits in memory as a
 * whole), and computes its SHA-256 and size as it goes.
 */
export class HashingFileWriter {
  private readonly hash = createHash('sha256');
  private readonly out: WriteStream;
  bytes = 0;

  private constructor(readonly path: string) {
    this.out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
  }

  static async open(dir: string, key: string): Promise<HashingFileWriter> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return new HashingFileWriter(exportPath(dir, key));
  }

  async write(text: string): Promise<void> {
    const chunk = Buffer.from(text, 'utf8');
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  /** Flushes and closes; returns the hex SHA-256 of everything written. */
  async close(): Promise<string> {
    this.out.end();
    await once(this.out, 'finish');
    return this.hash.digest('hex');
  }

  async abort(): Promise<void> {
    this.out.destroy();
    await rm(this.path, { force: true });
  }
}
