import { parse } from 'csv-parse/sync';
import { CSV_BOM, csvLine, unneutralise } from '../../lib/csvCells.js';

export { neutralise, unneutralise } from '../../lib/csvCells.js';

/** RFC 4180 text with CRLF line ends and a UTF-8 byte-order mark (so spreadsheets read Arabic right). */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return CSV_BOM + [header, ...rows].map(csvLine).join('');
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
