/** Pure helpers for the vocabulary trees: flattening, drag-and-drop checks, grouping. */

export interface TreeNodeLike {
  id: number;
  parentId: number | null;
  childCount: number;
}

export interface VisibleRow<T> {
  node: T;
  depth: number;
}

/**
 * The rows on screen, depth-first: every root, and under each expanded node its loaded children.
 * `childrenOf` answers undefined for a node whose children are not loaded yet.
 */
export function visibleRows<T extends TreeNodeLike>(
  roots: readonly T[],
  childrenOf: (id: number) => readonly T[] | undefined,
  expanded: ReadonlySet<number>,
): VisibleRow<T>[] {
  const out: VisibleRow<T>[] = [];
  const walk = (nodes: readonly T[], depth: number, seen: Set<number>) => {
    for (const node of nodes) {
      if (seen.has(node.id)) continue; // a corrupt cycle must not hang the page
      out.push({ node, depth });
      if (expanded.has(node.id)) {
        const kids = childrenOf(node.id);
        if (kids) walk(kids, depth + 1, new Set([...seen, node.id]));
      }
    }
  };
  walk(roots, 0, new Set());
  return out;
}

/** Ancestor ids of `id`, nearest first, as far as the loaded part of the tree knows them. */
export function ancestorsOf(id: number, parentOf: ReadonlyMap<number, number | null>): number[] {
  const out: number[] = [];
  let current = parentOf.get(id) ?? null;
  while (current !== null && !out.includes(current)) {
    out.push(current);
    current = parentOf.get(current) ?? null;
  }
  return out;
}

export type DropProblem = 'self' | 'descendant' | 'sameParent';

/**
 * Why `dragId` cannot be moved under `targetId` (null = top level), or null when it can.
 * A node cannot go under itself or under one of its own descendants; dropping it where it
 * already is changes nothing. The server checks cycles too (400 with fields.parentId).
 */
export function dropProblem(
  dragId: number,
  targetId: number | null,
  parentOf: ReadonlyMap<number, number | null>,
): DropProblem | null {
  if (targetId === dragId) return 'self';
  if ((parentOf.get(dragId) ?? null) === targetId) return 'sameParent';
  if (targetId !== null && ancestorsOf(targetId, parentOf).includes(dragId)) return 'descendant';
  return null;
}

/** Items grouped by a key, groups in the order of `order` (unknown keys last, in first-seen order). */
export function groupBy<T>(
  items: readonly T[],
  keyOf: (t: T) => string,
  order: readonly string[] = [],
): { key: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const k of order) groups.set(k, []);
  for (const it of items) {
    const k = keyOf(it);
    const list = groups.get(k);
    if (list) list.push(it);
    else groups.set(k, [it]);
  }
  return [...groups.entries()].map(([key, list]) => ({ key, items: list }));
}

/**
 * A typed coordinate: null for an empty field, NaN for text that is not a number in range.
 * Accepts a comma as the decimal separator and Arabic-Indic digits.
 */
export function parseCoordinate(text: string | number | null | undefined, kind: 'lat' | 'lng'): number | null {
  if (text === null || text === undefined) return null;
  const s = String(text)
    .trim()
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace('\u066B', '.')
    .replace(',', '.')
    .replace('\u2212', '-');
  if (s === '') return null;
  if (!/^[-+]?\d+(\.\d+)?$/.test(s)) return Number.NaN;
  const n = Number(s);
  const limit = kind === 'lat' ? 90 : 180;
  return Math.abs(n) <= limit ? n : Number.NaN;
}

/** Rounds a picked coordinate to 6 decimals (about 10 cm), enough for any place. */
export const roundCoordinate = (n: number): number => Math.round(n * 1e6) / 1e6;
