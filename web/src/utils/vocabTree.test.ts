import { describe, expect, it } from 'vitest';
import { ancestorsOf, dropProblem, groupBy, parseCoordinate, roundCoordinate, visibleRows } from './vocabTree';
import { canDeleteTerms, canManage, manageableLists } from './vocabAccess';
import type { User } from '../api/types';

const n = (id: number, parentId: number | null, childCount = 0) => ({ id, parentId, childCount });

describe('visibleRows', () => {
  const roots = [n(1, null, 2), n(2, null, 1)];
  const kids = new Map([
    [1, [n(3, 1, 1), n(4, 1)]],
    [3, [n(5, 3)]],
  ]);
  it('shows roots and the loaded children of expanded nodes, depth first', () => {
    const rows = visibleRows(roots, (id) => kids.get(id), new Set([1, 3]));
    expect(rows.map((r) => [r.node.id, r.depth])).toEqual([
      [1, 0],
      [3, 1],
      [5, 2],
      [4, 1],
      [2, 0],
    ]);
  });
  it('hides children of collapsed nodes and of nodes not loaded yet', () => {
    expect(visibleRows(roots, (id) => kids.get(id), new Set([3])).map((r) => r.node.id)).toEqual([1, 2]);
    expect(visibleRows(roots, (id) => kids.get(id), new Set([2])).map((r) => r.node.id)).toEqual([1, 2]);
  });
  it('survives a corrupt cycle', () => {
    const loop = new Map([[1, [n(1, 1, 1)]]]);
    expect(visibleRows([n(1, null, 1)], (id) => loop.get(id), new Set([1])).map((r) => r.node.id)).toEqual([1]);
  });
});

describe('drag and drop targets', () => {
  // 1 > 2 > 3, and 4 at the top
  const parentOf = new Map<number, number | null>([
    [1, null],
    [2, 1],
    [3, 2],
    [4, null],
  ]);
  it('lists ancestors nearest first', () => {
    expect(ancestorsOf(3, parentOf)).toEqual([2, 1]);
    expect(ancestorsOf(1, parentOf)).toEqual([]);
  });
  it('allows moving under an unrelated node or to the top level', () => {
    expect(dropProblem(2, 4, parentOf)).toBeNull();
    expect(dropProblem(3, null, parentOf)).toBeNull();
    expect(dropProblem(4, 3, parentOf)).toBeNull();
  });
  it('refuses self, descendants and the current parent', () => {
    expect(dropProblem(2, 2, parentOf)).toBe('self');
    expect(dropProblem(1, 3, parentOf)).toBe('descendant');
    expect(dropProblem(2, 3, parentOf)).toBe('descendant');
    expect(dropProblem(3, 2, parentOf)).toBe('sameParent');
    expect(dropProblem(1, null, parentOf)).toBe('sameParent');
  });
  it('stops at an ancestor loop instead of hanging', () => {
    const loop = new Map<number, number | null>([
      [1, 2],
      [2, 1],
    ]);
    expect(ancestorsOf(1, loop)).toEqual([2, 1]);
  });
});

describe('groupBy', () => {
  it('keeps the given group order, then first-seen keys', () => {
    const items = [
      { p: 'b', t: 1 },
      { p: 'x', t: 2 },
      { p: 'a', t: 3 },
      { p: 'b', t: 4 },
    ];
    expect(groupBy(items, (i) => i.p, ['a', 'b', 'c']).map((g) => [g.key, g.items.map((i) => i.t)])).toEqual([
      ['a', [3]],
      ['b', [1, 4]],
      ['c', []],
      ['x', [2]],
    ]);
  });
});

describe('parseCoordinate', () => {
  it('reads plain, comma-decimal and Arabic-Indic numbers', () => {
    expect(parseCoordinate('33.5138', 'lat')).toBe(33.5138);
    expect(parseCoordinate('-33,5', 'lat')).toBe(-33.5);
    expect(parseCoordinate('٣٦٫٢٩', 'lng')).toBe(36.29);
    expect(parseCoordinate('', 'lat')).toBeNull();
    expect(parseCoordinate(null, 'lat')).toBeNull();
  });
  it('gives NaN for text and out-of-range values', () => {
    expect(parseCoordinate('abc', 'lat')).toBeNaN();
    expect(parseCoordinate('91', 'lat')).toBeNaN();
    expect(parseCoordinate('181', 'lng')).toBeNaN();
    expect(parseCoordinate('179.9', 'lng')).toBe(179.9);
  });
  it('rounds picked points to 6 decimals', () => {
    expect(roundCoordinate(33.123456789)).toBe(33.123457);
  });
});

describe('vocabulary access', () => {
  const user = (roles: User['roles'], canEditLocations = false): User =>
    ({
      id: 1,
      username: 'u',
      name: 'U',
      roles,
      groups: [],
      mustChangePassword: false,
      permissions: { canEditLocations },
    }) as unknown as User;
  it('follows the server rules', () => {
    expect(manageableLists(user(['Moderator']))).toEqual(['labels', 'sources', 'locations', 'event-types']);
    expect(manageableLists(user([], true))).toEqual(['locations']);
    expect(manageableLists(user(['DA']))).toEqual([]);
    expect(manageableLists(user(['Admin']))).toHaveLength(16);
    expect(canManage(user(['Moderator']), 'relation-types')).toBe(false);
    expect(canManage(user(['Moderator']), 'countries')).toBe(false);
    expect(canDeleteTerms(user(['Moderator']))).toBe(false);
    expect(canDeleteTerms(user(['Admin']))).toBe(true);
    expect(canManage(null, 'labels')).toBe(false);
  });
});
