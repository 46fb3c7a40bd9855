import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export interface CsvRecord {
  /** 1-based line number where the record starts (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

export interface CsvFile {
  header: string[];
  records: CsvRecord[];
}

/**
 * Reads a CSV file with a real parser: quoted fields may hold commas and line breaks.
 * Column names are trimmed; a byte-order mark is dropped.
 */
export function readCsv(file: string): CsvFile {
  let header: string[] = [];
  const parsed = parse(readFileSync(file), {
    bom: true,
    columns: (names: string[]) => (header = names.map((n) => n.trim())),
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  }) as { record: Record<string, string>; info: { lines: number; records?: number } }[];
  // info.lines is the line where the record ends; count back its own line breaks to get its start.
  const records = parsed.map(({ record, info }) => {
    const breaks = Object.values(record).reduce((n, v) => n + (v.match(/\r?\n/g)?.length ?? 0), 0);
    return { line: info.lines - breaks, values: record };
  });
  return { header, records };
}

/** First non-empty value among the given column names (Bayanat uses title_ar in some files, title_tr in others). */
export function pick(values: Record<string, string>, ...names: string[]): string {
  for (const n of names) {
    const v = values[n]?.trim();
    if (v) return v;
  }
  return '';
}

/** Bayanat's booleans: 1/0, t/f, true/false, yes/no. */
export function truthy(value: string | undefined): boolean {
  return /^(1|t|true|y|yes)$/i.test((value ?? '').trim());
}
