import { describe, expect, it } from 'vitest';
import { groupChanges, subLabel } from './revisionDiff';

describe('revision diff grouping', () => {
  it('groups changed paths by field and renders values as text', () => {
    const groups = groupChanges([
      { path: 'firstNameAr', old: 'سمير', new: 'سامر' },
      { path: 'profiles.0.description', old: 'a', new: 'b' },
      { path: 'profiles.0.missingPerson.lastAddress', old: '', new: 'Douma' },
      { path: 'nationalities', old: [{ id: 1, title: 'Syria', titleAr: 'سوريا' }], new: [] },
      { path: 'updatedAt', old: '2024-01-01', new: '2024-01-02' },
    ]);
    expect(groups.map((g) => g.field)).toEqual(['firstNameAr', 'profiles', 'nationalities']);
    expect(groups[1]!.rows.map((r) => r.sub)).toEqual([
      ['0', 'description'],
      ['0', 'missingPerson', 'lastAddress'],
    ]);
    expect(groups[2]!.rows[0]).toMatchObject({ old: 'Syria', new: '' });
  });

  it('uses Arabic titles when asked and drops changes that read the same', () => {
    const g = groupChanges(
      [
        { path: 'labels', old: [], new: [{ id: 1, title: 'Detention', titleAr: 'اعتقال' }] },
        { path: 'tags', old: null, new: '' },
      ],
      true,
    );
    expect(g).toEqual([{ field: 'labels', rows: [{ path: 'labels', sub: [], old: '', new: 'اعتقال' }] }]);
  });

  it('labels list positions 1-based', () => {
    expect(subLabel(['0', 'description'])).toEqual([
      { index: 1, key: null },
      { index: null, key: 'description' },
    ]);
  });
});
