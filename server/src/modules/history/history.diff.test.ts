import { describe, expect, it } from 'vitest';
import { diffSnapshots } from './history.diff.js';

describe('diffSnapshots', () => {
  it('returns nothing for equal snapshots, whatever the key order', () => {
    expect(diffSnapshots({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toEqual([]);
  });

  it('names each changed scalar by its dotted path with old and new values', () => {
    const before = { title: 'Old', status: 'Assigned', assignedTo: { id: 2, name: 'Dana' }, numberOfChildren: null };
    const after = { title: 'New', status: 'Assigned', assignedTo: { id: 3, name: 'Sami' }, numberOfChildren: 0 };
    expect(diffSnapshots(before, after)).toEqual([
      { path: 'title', old: 'Old', new: 'New' },
      { path: 'assignedTo.id', old: 2, new: 3 },
      { path: 'assignedTo.name', old: 'Dana', new: 'Sami' },
      { path: 'numberOfChildren', old: null, new: 0 },
    ]);
  });

  it('reports a list whose length or primitive content changed as a whole', () => {
    expect(diffSnapshots({ tags: ['a'] }, { tags: ['a', 'b'] })).toEqual([
      { path: 'tags', old: ['a'], new: ['a', 'b'] },
    ]);
    expect(diffSnapshots({ tags: ['a', 'b'] }, { tags: ['b', 'a'] })).toEqual([
      { path: 'tags', old: ['a', 'b'], new: ['b', 'a'] },
    ]);
    const one = [{ id: 1, title: 'L1' }];
    const two = [
      { id: 1, title: 'L1' },
      { id: 2, title: 'L2' },
    ];
    expect(diffSnapshots({ labels: one }, { labels: two })).toEqual([{ path: 'labels', old: one, new: two }]);
  });

  it('walks into same-length lists of objects (profiles) and nested objects', () => {
    const before = { profiles: [{ id: 1, description: 'a', missingPerson: { height: 170, reporters: [] } }] };
    const after = {
      profiles: [{ id: 1, description: 'b', missingPerson: { height: 172, reporters: [{ name: 'R' }] } }],
    };
    expect(diffSnapshots(before, after)).toEqual([
      { path: 'profiles.0.description', old: 'a', new: 'b' },
      { path: 'profiles.0.missingPerson.height', old: 170, new: 172 },
      { path: 'profiles.0.missingPerson.reporters', old: [], new: [{ name: 'R' }] },
    ]);
  });

  it('treats a field present on one side only as a change from or to undefined', () => {
    expect(diffSnapshots({ a: 1 }, { a: 1, b: 'x' })).toEqual([{ path: 'b', old: undefined, new: 'x' }]);
    expect(diffSnapshots({ a: 1, gone: true }, { a: 1 })).toEqual([{ path: 'gone', old: true, new: undefined }]);
  });
});
