import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';

/**
 * D6: checks a zip container (zip, docx, xlsx, pptx, odt): first from its central directory
 * (too many entries, too much declared uncompressed data, a compression ratio typical of a zip
 * bomb, nested archives, entry names that would escape the folder they are extracted into), then
 * that no entry inflates to more than it declared. Returns why the archive is refused, or null.
 */
export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
  /** Uncompressed : compressed, above which an entry (or the whole archive) is a bomb. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxRatio: 100,
};

/** Below this many uncompressed bytes a high ratio is harmless (tiny files of repeated text). */
const RATIO_FLOOR = 1024 * 1024;

/** Names of archives inside the archive; office documents embed other office documents, which are allowed. */
const ARCHIVE_EXTS = new Set([
  'zip',
  'rar',
  '7z',
  'gz',
  'tgz',
  'tar',
  'bz2',
  'tbz2',
  'xz',
  'txz',
  'zst',
  'lz',
  'lzma',
  'cab',
  'jar',
  'war',
  'apk',
  'iso',
  'arj',
  'z',
]);

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;
const U32_MAX = 0xffffffff;

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** 0 stored, 8 deflate (the only methods accepted). */
  method?: number;
  localOffset?: number;
}

export function entryNameProblem(name: string): string | null {
  if (name.includes('\0')) return `an entry name contains a NUL character`;
  if (/^[\\/]/.test(name) || /^[a-zA-Z]:/.test(name)) return `the entry "${printable(name)}" has an absolute path`;
  if (name.split(/[\\/]/).includes('..')) return `the entry "${printable(name)}" points outside the archive ("..")`;
  const base =
    name
      .replace(/[\\/]+$/, '')
      .split(/[\\/]/)
      .pop() ?? '';
  const dot = base.lastIndexOf('.');
  const ext = dot >= 0 ? base.slice(dot + 1).toLowerCase() : '';
  if (ARCHIVE_EXTS.has(ext)) return `the entry "${printable(name)}" is itself an archive (nested archives are refused)`;
  return null;
}

/** For messages: control characters out, length capped. */
const printable = (s: string) => s.replace(/[\p{Cc}\p{Cf}]/gu, '?').slice(0, 120);

interface Eocd {
  count: number;
  cdSize: number;
  cdOffset: number;
}

/** Finds the end-of-central-directory record in the file's last bytes (`tail` starts at `tailStart`). */
function findEocd(tail: Buffer, tailStart: number, maxEntries: number): Eocd | string {
  if (tail.length < EOCD_MIN) return 'the archive is truncated';
  let at = -1;
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG) {
      at = i;
      break;
    }
  }
  if (at < 0) return 'the archive has no central directory';
  const count = tail.readUInt16LE(at + 10);
  const cdSize = tail.readUInt32LE(at + 12);
  const cdOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || cdSize === U32_MAX || cdOffset === U32_MAX) return 'ZIP64 archives are not accepted';
  if (count > maxEntries) return `the archive has ${count} entries (at most ${maxEntries} are accepted)`;
  if (cdOffset + cdSize > tailStart + at) return 'the archive’s central directory is malformed';
  return { count, cdSize, cdOffset };
}

/** Parses `count` central-directory headers from `cd`; a message string when it is malformed. */
function parseEntries(cd: Buffer, count: number): ZipEntry[] | string {
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CDH_SIG) return 'the archive’s central directory is malformed';
    const method = cd.readUInt16LE(p + 10);
    const compressedSize = cd.readUInt32LE(p + 20);
    const uncompressedSize = cd.readUInt32LE(p + 24);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    if (compressedSize === U32_MAX || uncompressedSize === U32_MAX) return 'ZIP64 archives are not accepted';
    if (p + 46 + nameLen > cd.length) return 'the archive’s central directory is malformed';
    const localOffset = cd.readUInt32LE(p + 42);
    entries.push({
      name: cd.toString('utf8', p + 46, p + 46 + nameLen),
      compressedSize,
      uncompressedSize,
      method,
      localOffset,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

export function zipEntriesProblem(entries: ZipEntry[], limits: ZipLimits): string | null {
  if (entries.length > limits.maxEntries)
    return `the archive has ${entries.length} entries (at most ${limits.maxEntries} are accepted)`;
  let total = 0;
  let compressed = 0;
  for (const e of entries) {
    const named = entryNameProblem(e.name);
    if (named) return named;
    total += e.uncompressedSize;
    compressed += e.compressedSize;
    if (e.uncompressedSize > RATIO_FLOOR && e.uncompressedSize > limits.maxRatio * Math.max(1, e.compressedSize))
      return `the entry "${printable(e.name)}" expands more than ${limits.maxRatio} times (a zip bomb)`;
  }
  if (total > limits.maxUncompressedBytes)
    return `the archive expands to ${total} bytes (at most ${limits.maxUncompressedBytes} are accepted)`;
  if (total > RATIO_FLOOR && total > limits.maxRatio * Math.max(1, compressed))
    return `the archive expands more than ${limits.maxRatio} times (a zip bomb)`;
  return null;
}

/** Reads only the file's tail and its central directory (never the whole file) and checks them. */
export async function zipFileProblem(path: string, limits: ZipLimits): Promise<string | null> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const tailStart = Math.max(0, size - EOCD_MIN - MAX_COMMENT);
    const tail = Buffer.alloc(size - tailStart);
    await fh.read(tail, 0, tail.length, tailStart);
    const eocd = findEocd(tail, tailStart, limits.maxEntries);
    if (typeof eocd === 'string') return eocd;
    const cd = Buffer.alloc(eocd.cdSize);
    await fh.read(cd, 0, cd.length, eocd.cdOffset);
    const entries = parseEntries(cd, eocd.count);
    if (typeof entries === 'string') return entries;
    return zipEntriesProblem(entries, limits) ?? (await actualSizeProblem(fh, path, entries));
  } finally {
    await fh.close();
  }
}

const LFH_SIG = 0x04034b50;

/**
 * The central directory's sizes are only claims: a bomb can declare a few bytes and inflate to
 * gigabytes. Each entry is inflated as a stream and counted, stopping as soon as it yields more
 * than it declared, so the work is bounded by the declared total that already passed the cap.
 */
async function actualSizeProblem(fh: FileHandle, path: string, entries: ZipEntry[]): Promise<string | null> {
  for (const e of entries) {
    if (e.method !== 0 && e.method !== 8)
      return `the entry "${printable(e.name)}" uses a compression method that is not accepted`;
    const head = Buffer.alloc(30);
    await fh.read(head, 0, 30, e.localOffset ?? 0);
    if (head.readUInt32LE(0) !== LFH_SIG) return 'the archive’s entries do not match its central directory';
    const start = (e.localOffset ?? 0) + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
    if (e.method === 0) {
      if (e.compressedSize !== e.uncompressedSize) return `the entry "${printable(e.name)}" has inconsistent sizes`;
      continue;
    }
    if (e.compressedSize === 0) continue;
    const produced = await inflatedSize(path, start, start + e.compressedSize - 1, e.uncompressedSize);
    if (produced === null) return `the entry "${printable(e.name)}" cannot be decompressed`;
    if (produced > e.uncompressedSize)
      return `the entry "${printable(e.name)}" expands to more than it declares (a zip bomb)`;
  }
  return null;
}

/** Bytes the deflate stream at [start, end] inflates to, stopping once past `stopAfter`; null when corrupt. */
async function inflatedSize(path: string, start: number, end: number, stopAfter: number): Promise<number | null> {
  const inflate = createInflateRaw();
  const source = createReadStream(path, { start, end });
  source.on('error', (err) => inflate.destroy(err));
  source.pipe(inflate);
  let produced = 0;
  try {
    for await (const chunk of inflate) {
      produced += (chunk as Buffer).length;
      if (produced > stopAfter) break;
    }
    return produced;
  } catch {
    return null;
  } finally {
    source.destroy();
    inflate.destroy();
  }
}
