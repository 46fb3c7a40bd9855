/** Calendar dates ("YYYY-MM-DD") and ISO timestamps from API input; UTC throughout, any year. */
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Drivers turn years 0–99 into 1900–1999 when reading; documentation dates never need them. */
export const MIN_YEAR = 1000;

function validDay(y: number, m: number, d: number): boolean {
  if (y < MIN_YEAR || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0));
  // Date.UTC maps years 0–99 to 1900–1999; set the year explicitly.
  days.setUTCFullYear(y, m, 0);
  return d <= days.getUTCDate();
}

/** Parses "YYYY-MM-DD" or an ISO 8601 timestamp with zone; returns null when not a real date. */
export function parseDateInput(value: string): Date | null {
  const day = DATE_RE.exec(value);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    if (!validDay(y, m, d)) return null;
    const out = new Date(0);
    out.setUTCFullYear(y, m - 1, d);
    out.setUTCHours(0, 0, 0, 0);
    return out;
  }
  const dt = DATETIME_RE.exec(value);
  if (dt) {
    const [y, m, d] = [Number(dt[1]), Number(dt[2]), Number(dt[3])];
    if (!validDay(y, m, d) || Number(dt[4]) > 23 || Number(dt[5]) > 59 || Number(dt[6] ?? 0) > 59) return null;
    const out = new Date(value);
    return Number.isNaN(out.getTime()) ? null : out;
  }
  return null;
}

/** ISO timestamp in UTC with seconds precision ("1965-03-02T00:00:00Z"). */
export function isoOrNull(d: Date | null | undefined): string | null {
  if (!d) return null;
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
