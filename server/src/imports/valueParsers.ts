/** Parsing of cell values as the mapping says: dates by format, URLs, numbers. */

const TOKEN_RE = /YYYY|YY|MM|M|DD|D|HH|H|hh|h|mm|ss|A/g;

/**
 * Parses a date by a format like "MM/DD/YY hh:mm A" (tokens YYYY YY MM M DD D HH H hh h mm ss A).
 * Two-digit years 00–68 are 2000–2068 and 69–99 are 1969–1999, as POSIX strptime does.
 * The time is taken as UTC. Returns null when the value does not fit or is not a real date.
 */
export function parseDateByFormat(value: string, format: string): Date | null {
  const order: string[] = [];
  const pattern = format.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(TOKEN_RE, (t) => {
    order.push(t);
    if (t === 'A') return '(AM|PM|am|pm)';
    if (t === 'YYYY') return '(\\d{4})';
    return t.length === 2 ? '(\\d{2})' : '(\\d{1,2})';
  });
  // The pattern is the escaped format with each token replaced by a fixed digit group.
  // eslint-disable-next-line security/detect-non-literal-regexp
  const m = new RegExp(`^\\s*${pattern.replace(/\s+/g, '\\s+')}\\s*$`).exec(value);
  if (!m) return null;
  const parts: Record<string, string> = {};
  order.forEach((t, i) => (parts[t] = m[i + 1] ?? ''));
  let year = Number(parts.YYYY ?? NaN);
  if (parts.YY !== undefined) {
    const yy = Number(parts.YY);
    year = yy < 69 ? 2000 + yy : 1900 + yy;
  }
  const month = Number(parts.MM ?? parts.M ?? NaN);
  const day = Number(parts.DD ?? parts.D ?? NaN);
  let hour = Number(parts.HH ?? parts.H ?? parts.hh ?? parts.h ?? 0);
  if (parts.A !== undefined) {
    if (hour < 1 || hour > 12) return null;
    const pm = parts.A.toUpperCase() === 'PM';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  const minute = Number(parts.mm ?? 0);
  const second = Number(parts.ss ?? 0);
  if (
    !Number.isInteger(year) ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31 ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return null;
  const d = new Date(Date.UTC(2000, 0, 1, hour, minute, second));
  d.setUTCFullYear(year, month - 1, day);
  // Date rolls 02/30 over to March; such a value is not a real date.
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d;
}

/** "YYYY-MM-DD" when the time is midnight, otherwise an ISO timestamp. */
export function dateForApi(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace(/\.\d{3}Z$/, 'Z');
}

/** An absolute http(s) URL. Non-ASCII letters (Arabic file names) are kept as written. */
export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

export function parseNumber(value: string): number | null {
  const v = value.trim();
  if (v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}
