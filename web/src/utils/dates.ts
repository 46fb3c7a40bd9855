/**
 * Date display without local-time shifts: calendar dates and UTC timestamps are cut as
 * strings, so 1965-03-02 stays 1965-03-02 in every time zone.
 */

const DATE_RE = /^(-?\d{4,6})-(\d{2})-(\d{2})$/;
const UTC_TS_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]00:?00)?$/i;

/** `YYYY-MM-DD` (UTC) for a calendar date or ISO timestamp; '' for empty or unparsable input. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const v = value.trim();
  if (DATE_RE.test(v)) return v;
  const m = UTC_TS_RE.exec(v);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) return '';
  return new Date(ms).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:mm` in UTC for a timestamp. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const v = value.trim();
  if (DATE_RE.test(v)) return v;
  const m = UTC_TS_RE.exec(v);
  if (m) return `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}`;
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) return '';
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** Value for an `<input type="date">`: `YYYY-MM-DD` or null. */
export function toDateInput(value: string | null | undefined): string | null {
  const d = formatDate(value);
  return d === '' ? null : d;
}

/** Whether a string is a real calendar date `YYYY-MM-DD` (checked in UTC, any year). */
export function isValidDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(2000, mo - 1, d));
  dt.setUTCFullYear(y);
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}
