import { parse } from 'csv-parse/sync';

/**
 * CSV cells for vocabulary exports and imports. A cell that a spreadsheet would run as a formula
 * (starting with = + - @ tab or CR, D7) is written with a leading apostrophe; a cell that already
 * starts with apostrophes followed by one of those gets one more, so reading strips exactly one
 * and every value survives a round trip. Plain numbers ("-33.5") are left alone: they cannot run.
 */
const DANGEROUS = /^[=+\-@\t\r]/;
const ESCAPED = /^'+[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function neutralise(value: string): string {
  if (PLAIN_NUMBER.test(value)) return value;
  return DANGEROUS.test(value) || ESCAPED.test(value) ? `'${value}` : value;
}

/** The value a neutralised cell stood for. */
export function unneutralise(value: string): string {
  return ESCAPED.test(value) ? value.slice(1) : value;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 text with CRLF line ends and a UTF-8 byte-order mark (so spreadsheets read Arabic right). */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => cells.map((c) => quote(neutralise(c))).join(',');
  return `\uFEFF${[line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}

export interface ParsedCsv {
  header: string[];
  /** Each record with the 1-based line it starts on (the header is line 1). */
  records: { line: number; cells: Record<string, string> }[];
}

/** Parses CSV text with a real parser; header names are trimmed and lower-cased, cells un-neutralised. */
export function parseCsv(text: string): ParsedCsv {
  let header: string[] = [];
  const parsed = parse(text, {
    bom: true,
    columns: (names: string[]) => (header = names.map((n) => n.trim().toLowerCase())),
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  }) as { record: Record<string, string>; info: { lines: number } }[];
  const records = parsed.map(({ record, info }) => {
    const breaks = Object.values(record).reduce((n, v) => n + (v.match(/\r?\n/g)?.length ?? 0), 0);
    const cells: Record<string, string> = {};
    for (const [k, v] of Object.entries(record)) cells[k] = unneutralise(v ?? '');
    return { line: info.lines - breaks, cells };
  });
  return { header, records };
}
