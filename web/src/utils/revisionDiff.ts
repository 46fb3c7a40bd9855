/** Groups the diff endpoint's changed paths by top-level field for side-by-side display. */
import type { FieldChange } from '../api/records';
import { describeValue } from './snapshot';

export interface DiffRow {
  path: string;
  /** Path inside the field ("0.description"), '' when the whole field changed. */
  sub: string[];
  old: string;
  new: string;
}

export interface DiffGroup {
  field: string;
  rows: DiffRow[];
}

const HIDDEN = new Set(['updatedAt', 'createdAt', 'permissions', 'id']);

/** Text of one side of a change (never HTML): lists and refs read as their titles. */
export function diffValueText(value: unknown, key: string, ar = false): string {
  return describeValue(value, key, ar);
}

export function groupChanges(changes: FieldChange[], ar = false): DiffGroup[] {
  const groups = new Map<string, DiffGroup>();
  for (const c of changes) {
    const [field = c.path, ...sub] = c.path.split('.');
    if (HIDDEN.has(field)) continue;
    const leaf = [...sub].reverse().find((s) => !/^\d+$/.test(s)) ?? field;
    const row: DiffRow = {
      path: c.path,
      sub,
      old: diffValueText(c.old, leaf, ar),
      new: diffValueText(c.new, leaf, ar),
    };
    if (row.old === row.new) continue;
    const g = groups.get(field) ?? { field, rows: [] };
    g.rows.push(row);
    groups.set(field, g);
  }
  return [...groups.values()];
}

/** "Profile 2 › Description"-style label pieces: list indexes become 1-based numbers. */
export function subLabel(sub: string[]): { index: number | null; key: string | null }[] {
  const out: { index: number | null; key: string | null }[] = [];
  for (const s of sub) out.push(/^\d+$/.test(s) ? { index: Number(s) + 1, key: null } : { index: null, key: s });
  return out;
}
