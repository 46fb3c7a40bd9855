/** Flattens a revision snapshot into label/value text pairs for display (never HTML). */
import { formatDate } from './dates';

const HIDDEN = new Set(['id', 'permissions', 'createdAt', 'updatedAt', 'deleted', 'deletedAt']);
const DATE_KEYS = new Set(['publishDate', 'documentationDate', 'fromDate', 'toDate']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stripTags(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function describeValue(value: unknown, key = '', ar = false): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') {
    if (DATE_KEYS.has(key)) return formatDate(value);
    return key === 'description' ? stripTags(value) : value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    return value
      .map((v) => describeValue(v, key, ar))
      .filter((s) => s !== '')
      .join(key === 'events' || key === 'geoMarkers' ? '\n' : ', ');
  }
  if (isRecord(value)) {
    const title = ar ? (value.titleAr ?? value.title) : (value.title ?? value.titleAr);
    if (key === 'events') {
      const parts = [
        describeValue(value.type, 'type', ar),
        typeof title === 'string' ? title : '',
        describeValue(value.location, 'location', ar),
        [formatDate(value.fromDate as string), formatDate(value.toDate as string)].filter(Boolean).join(' → '),
        value.estimated ? '≈' : '',
      ];
      return parts.filter(Boolean).join(' · ');
    }
    if (key === 'geoMarkers') {
      return [typeof value.title === 'string' ? value.title : '', `${String(value.lat)}, ${String(value.lng)}`]
        .filter(Boolean)
        .join(' · ');
    }
    const full = ar ? (value.fullNameAr ?? value.fullName) : (value.fullName ?? value.fullNameAr);
    if (typeof full === 'string' && full) return full;
    if (typeof title === 'string') return title;
    if (typeof value.name === 'string') return value.name;
    return JSON.stringify(value);
  }
  return String(value);
}

export function snapshotEntries(snapshot: Record<string, unknown>, ar = false): { key: string; value: string }[] {
  return Object.entries(snapshot)
    .filter(([k]) => !HIDDEN.has(k))
    .map(([key, v]) => ({ key, value: describeValue(v, key, ar) }))
    .filter((e) => e.value !== '');
}
