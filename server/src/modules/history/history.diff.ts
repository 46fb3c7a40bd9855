/** One changed field between two snapshots; `path` is dotted like field errors ("profiles.0.description"). */
export interface FieldChange {
  path: string;
  old: unknown;
  new: unknown;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!sameValue(a[k], b[k])) return false;
    return true;
  }
  return false;
}

/**
 * The fields that differ from snapshot `a` to snapshot `b`, for side-by-side display.
 * Objects are compared key by key; lists of objects of the same length are compared item by
 * item (so editing one profile shows "profiles.0.description"); any other list that differs
 * (tags, a label added or removed) is reported whole. A key absent on one side reads as
 * undefined there.
 */
export function diffSnapshots(a: unknown, b: unknown, path = ''): FieldChange[] {
  if (sameValue(a, b)) return [];
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => diffSnapshots(a[k], b[k], path ? `${path}.${k}` : k));
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length && [...a, ...b].every(isPlainObject)) {
    return a.flatMap((x, i) => diffSnapshots(x, b[i], path ? `${path}.${i}` : String(i)));
  }
  return [{ path, old: a, new: b }];
}
