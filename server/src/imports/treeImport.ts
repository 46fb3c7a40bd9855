import type { CsvRecord } from './csv.js';
import type { RowFailure } from './report.js';

/**
 * Orders tree rows so every parent comes before its children, by depth. A row whose parent
 * id is not in the file, or that sits on a cycle, is reported and left out (with its subtree).
 */
export function byDepth(
  records: CsvRecord[],
  idColumn: string,
  parentColumn: string,
): { levels: CsvRecord[][]; failed: RowFailure[] } {
  const byId = new Map<string, CsvRecord>();
  for (const r of records) byId.set((r.values[idColumn] ?? '').trim(), r);
  const depth = new Map<CsvRecord, number>();
  const failed: RowFailure[] = [];
  const depthOf = (r: CsvRecord, seen: Set<CsvRecord>): number => {
    const known = depth.get(r);
    if (known !== undefined) return known;
    const parentId = (r.values[parentColumn] ?? '').trim();
    let d = 0;
    if (parentId && parentId !== (r.values[idColumn] ?? '').trim()) {
      const parent = byId.get(parentId);
      if (!parent) d = -1;
      else if (seen.has(parent)) d = -2;
      else {
        seen.add(r);
        const pd = depthOf(parent, seen);
        d = pd < 0 ? pd : pd + 1;
      }
    }
    depth.set(r, d);
    return d;
  };
  const levels: CsvRecord[][] = [];
  for (const r of records) {
    const d = depthOf(r, new Set());
    if (d === -1)
      failed.push({
        row: r.line,
        reason: `parent ${r.values[parentColumn]} is not in the file (or one of its ancestors is missing)`,
      });
    else if (d === -2) failed.push({ row: r.line, reason: 'parent chain forms a cycle' });
    else (levels[d] ??= []).push(r);
  }
  return { levels, failed };
}
