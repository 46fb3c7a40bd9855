import { describe, expect, it } from 'vitest';
import { neutralise, parseCsv, toCsv, unneutralise } from './vocabCsv.cells.js';

describe('vocabulary CSV cells', () => {
  it('neutralises formula starts and reads them back exactly', () => {
    for (const v of [
      '=1+1',
      '+x',
      '-y',
      '@SUM(A1)',
      '\tTab',
      '\rCR',
      "'=already",
      "''=twice",
      'plain',
      'اعتقال',
      '',
      "'quoted",
    ]) {
      expect(unneutralise(neutralise(v)), JSON.stringify(v)).toBe(v);
    }
    expect(neutralise('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutralise('-33.5')).toBe('-33.5');
    expect(neutralise('-1+2')).toBe("'-1+2");
  });

  it('writes a BOM and CRLF, quotes what needs it, and parses its own output', () => {
    const text = toCsv(
      ['parent', 'title'],
      [
        ['A > B', 'Comma, "quoted"'],
        ['', 'Line\nbreak'],
        ['', '=cmd'],
      ],
    );
    expect(text.startsWith('\uFEFFparent,title\r\n')).toBe(true);
    expect(text).toContain('"Comma, ""quoted"""');
    const parsed = parseCsv(text);
    expect(parsed.header).toEqual(['parent', 'title']);
    expect(parsed.records.map((r) => r.cells.title)).toEqual(['Comma, "quoted"', 'Line\nbreak', '=cmd']);
    expect(parsed.records.map((r) => r.line)).toEqual([2, 3, 5]);
  });
});
