import { describe, expect, it } from 'vitest';
import { reverseSeenFrom, reverseTitleArOf, storedReversed, typeLabel } from './relations.direction.js';

const parent = { id: 3, title: 'Parent', reverseTitle: 'Child', titleAr: 'أحد الوالدين', reverseTitleAr: 'ابن/ابنة' };

/** What each page shows for a relation made from `fromId` to `otherId` with `reverse`. */
function labels(fromId: number, otherId: number, reverse: boolean) {
  const otherIsRight = otherId > fromId;
  const reversed = storedReversed(reverse, otherIsRight);
  const onFromPage = typeLabel(parent, reverseSeenFrom(reversed, otherIsRight)).title;
  const onOtherPage = typeLabel(parent, reverseSeenFrom(reversed, !otherIsRight)).title;
  return { reversed, onFromPage, onOtherPage };
}

describe('relation direction', () => {
  it('labels the other record: "Parent" on the child page, "Child" on the parent page', () => {
    // From the child's page (id 10), relate the parent (id 20) as "Parent".
    expect(labels(10, 20, false)).toEqual({ reversed: true, onFromPage: 'Parent', onOtherPage: 'Child' });
    // Same when the child has the higher id.
    expect(labels(20, 10, false)).toEqual({ reversed: false, onFromPage: 'Parent', onOtherPage: 'Child' });
  });

  it('stores the same row whichever end the relation is made from', () => {
    // Child 10, parent 20: from the child page "Parent" (reverse false) or from the parent page "Child" (reverse true).
    expect(labels(10, 20, false).reversed).toBe(labels(20, 10, true).reversed);
    // Child 20, parent 10.
    expect(labels(20, 10, false).reversed).toBe(labels(10, 20, true).reversed);
    expect(labels(20, 10, true)).toEqual({ reversed: true, onFromPage: 'Child', onOtherPage: 'Parent' });
  });

  it('mixed-kind pairs are stored unreversed: the first kind reads the title, the second the reverse title', () => {
    // actor-bulletin: the actor is on the left. On the bulletin page the actor (left) shows the title.
    expect(reverseSeenFrom(false, false)).toBe(false);
    // On the actor page the bulletin (right) shows the reverse title.
    expect(reverseSeenFrom(false, true)).toBe(true);
  });

  it('falls back to the title when a type has no reverse title, in both languages', () => {
    const witness = { id: 1, title: 'Witness', reverseTitle: '', titleAr: 'شاهد', reverseTitleAr: '' };
    expect(typeLabel(witness, true)).toEqual({ id: 1, title: 'Witness', titleAr: 'شاهد' });
    expect(typeLabel(parent, true)).toEqual({ id: 3, title: 'Child', titleAr: 'ابن/ابنة' });
  });
});

describe('reverseTitleArOf', () => {
  it('never reads a directional type the wrong way in Arabic', () => {
    expect(
      reverseTitleArOf({ title: 'Employer', reverseTitle: 'Employee', titleAr: 'صاحب العمل', reverseTitleAr: '' }),
    ).toBe('Employee');
    expect(reverseTitleArOf({ title: 'Parent', reverseTitle: 'Child', titleAr: 'والد', reverseTitleAr: 'ابن' })).toBe(
      'ابن',
    );
    expect(reverseTitleArOf({ title: 'Sibling', reverseTitle: 'Sibling', titleAr: 'أخ', reverseTitleAr: '' })).toBe(
      'أخ',
    );
    expect(reverseTitleArOf({ title: 'Witness', reverseTitle: '', titleAr: 'شاهد', reverseTitleAr: '' })).toBe('شاهد');
  });
});
