/**
 * CSV cells shared by every CSV the server writes (vocabulary lists, exports). A cell that a
 * spreadsheet would run as a formula (starting with = + - @ tab or CR, D7) is written with a
 * leading apostrophe; a cell that already starts with apostrophes followed by one of those gets
 * one more, so reading strips exactly one and every value survives a round trip. Plain numbers
 * ("-33.5") are left alone: they cannot run.
 */
const DANGEROUS = /^[=+\-@\t\r]/;
const ESCAPED = /^'+[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** UTF-8 byte-order mark: without it spreadsheets read Arabic as mojibake. */
export const CSV_BOM = '\uFEFF';

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

/** One RFC 4180 record, neutralised and quoted, with its CRLF line end. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map((c) => quote(neutralise(c))).join(',')}\r\n`;
}
