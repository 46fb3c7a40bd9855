import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeZip } from './media.testFiles.js';
import { DEFAULT_ZIP_LIMITS, entryNameProblem, zipEntriesProblem, zipFileProblem } from './media.zip.js';

const dir = mkdtempSync(join(tmpdir(), 'dalil-zip-'));
let n = 0;
const check = (zip: Buffer, limits = DEFAULT_ZIP_LIMITS) => {
  const path = join(dir, `z${n++}.zip`);
  writeFileSync(path, zip);
  return zipFileProblem(path, limits);
};

describe('zip central directory checks', () => {
  it('D6 accepts an ordinary archive', async () => {
    expect(await check(makeZip([{ name: 'a/b.txt', data: Buffer.from('hello world') }]))).toBeNull();
  });

  it('D6 refuses a bomb by ratio, built from deflated zeros', async () => {
    const bomb = makeZip([{ name: 'zeros', data: Buffer.alloc(8 * 1024 * 1024) }]);
    expect(await check(bomb)).toMatch(/expands more than 100 times/);
  });

  it('D6 refuses a bomb spread over many small entries (whole-archive ratio)', async () => {
    const entries = Array.from({ length: 40 }, (_, i) => ({ name: `z${i}`, data: Buffer.alloc(512 * 1024) }));
    expect(await check(makeZip(entries))).toMatch(/^the archive expands more than 100 times/);
  });

  it('D6 refuses a bomb whose headers lie about its size (each entry is inflated and counted)', async () => {
    const liar = makeZip([
      { name: 'ok.txt', data: Buffer.from('fine') },
      { name: 'small.txt', data: Buffer.alloc(16 * 1024 * 1024), declaredSize: 1000 },
    ]);
    expect(await check(liar)).toBe('the entry "small.txt" expands to more than it declares (a zip bomb)');
  });

  it('D6 refuses an entry whose data is not valid deflate', async () => {
    const zip = makeZip([{ name: 'a.txt', data: Buffer.from('hello hello hello hello') }]);
    zip.fill(0xff, 30 + 'a.txt'.length, 30 + 'a.txt'.length + 4);
    expect(await check(zip)).toBe('the entry "a.txt" cannot be decompressed');
  });

  it('D6 refuses more entries than allowed, and more declared bytes than the cap', async () => {
    const many = makeZip(Array.from({ length: 12 }, (_, i) => ({ name: `f${i}.txt`, data: Buffer.from(`${i}`) })));
    expect(await check(many, { ...DEFAULT_ZIP_LIMITS, maxEntries: 10 })).toBe(
      'the archive has 12 entries (at most 10 are accepted)',
    );
    expect(await check(many, { ...DEFAULT_ZIP_LIMITS, maxUncompressedBytes: 5 })).toMatch(/expands to 14 bytes/);
  });

  it('D6 refuses a truncated or fake archive', async () => {
    expect(await check(Buffer.from('PK\x03\x04 nothing else here at all, really'))).toBe(
      'the archive has no central directory',
    );
    const zip = makeZip([{ name: 'a.txt', data: Buffer.from('x') }]);
    zip.writeUInt32LE(0xffffffff, zip.length - 6);
    expect(await check(zip)).toBe('ZIP64 archives are not accepted');
  });

  it.each([
    ['../../x', /outside the archive/],
    ['a/../../x', /outside the archive/],
    ['..\\windows\\x', /outside the archive/],
    ['/etc/passwd', /absolute path/],
    ['C:\\x', /absolute path/],
    ['deep/inner.ZIP', /nested archives/],
    ['a.tar.gz', /nested archives/],
    ['a\0b', /NUL/],
  ])('D6 refuses the entry name %j', (name, problem) => {
    expect(entryNameProblem(name)).toMatch(problem);
  });

  it('D6 allows office documents embedded in office documents and dotted names', () => {
    expect(entryNameProblem('word/embeddings/Microsoft_Excel_Worksheet.xlsx')).toBeNull();
    expect(entryNameProblem('notes..final.txt')).toBeNull();
    expect(
      zipEntriesProblem([{ name: 'small', compressedSize: 1, uncompressedSize: 50_000 }], DEFAULT_ZIP_LIMITS),
    ).toBeNull();
  });
});
