import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FilesConfig } from '../../config.js';

/**
 * The media store on disk (D6): uploads stream into `tmpDir` under a random name, then move to
 * `mediaDir` under a server-generated key. No path here is ever built from user input.
 */

/** Storage keys are 32 random hex digits and the sniffed type's extension; nothing else is accepted. */
export const STORAGE_KEY = /^[0-9a-f]{32}\.[a-z0-9]{1,5}$/;
/** Partial uploads in tmpDir. */
export const TMP_UPLOAD = /^upload-[0-9a-f]{32}\.part$/;

export const newStorageKey = (ext: string): string => `${randomBytes(16).toString('hex')}.${ext}`;

/** The absolute path of a stored file; refuses anything that is not a key we generate. */
export function mediaPath(files: FilesConfig, key: string): string {
  if (!STORAGE_KEY.test(key)) throw new Error('invalid storage key');
  return join(files.mediaDir, key);
}

export interface Received {
  tmpPath: string;
  sizeBytes: number;
  sha256: string;
  /** The stream was longer than the limit; the partial file is already removed. */
  tooLarge: boolean;
}

/**
 * Streams one upload to a fresh file in tmpDir (mode 0600), hashing it on the way and counting
 * bytes. `source.truncated` is set by the multipart parser when it stopped at the size limit; our
 * own count is checked too. A refused or failed upload leaves no file behind.
 */
export async function receiveToTmp(files: FilesConfig, source: Readable & { truncated?: boolean }): Promise<Received> {
  await mkdir(files.tmpDir, { recursive: true, mode: 0o700 });
  const tmpPath = join(files.tmpDir, `upload-${randomBytes(16).toString('hex')}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, createWriteStream(tmpPath, { flags: 'wx', mode: 0o600 }));
  } catch (err) {
    await removeQuietly(tmpPath);
    throw err;
  }
  const tooLarge = source.truncated === true || size > files.mediaMaxBytes;
  if (tooLarge) await removeQuietly(tmpPath);
  return { tmpPath, sizeBytes: size, sha256: hash.digest('hex'), tooLarge };
}

/** The first bytes of a file (for the zip signature check). */
export async function headOf(path: string, n: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Moves an accepted upload into the media store under its key. */
export async function moveIntoStore(files: FilesConfig, tmpPath: string, key: string): Promise<void> {
  await mkdir(files.mediaDir, { recursive: true, mode: 0o700 });
  await rename(tmpPath, mediaPath(files, key));
}

export async function removeQuietly(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}
