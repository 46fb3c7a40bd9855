import { describe, expect, it } from 'vitest';
import type { RelationType } from '../api/records';
import { pairOf, selectedKeys, selectionToBody, typeChoices } from './relationChoices';

const parent: RelationType = {
  id: 1,
  pair: 'actor-actor',
  title: 'Parent',
  reverseTitle: 'Child',
  titleAr: 'أحد الوالدين',
  reverseTitleAr: 'ابن/ابنة',
};
const sibling: RelationType = {
  id: 2,
  pair: 'actor-actor',
  title: 'Sibling',
  reverseTitle: 'Sibling',
  titleAr: 'شقيق',
  reverseTitleAr: 'شقيق',
};
const witness: RelationType = {
  id: 3,
  pair: 'actor-bulletin',
  title: 'Witness',
  reverseTitle: 'Witness',
  titleAr: 'شاهد',
  reverseTitleAr: 'شاهد',
};

describe('relation type choices', () => {
  it('offers a directional same-kind type both ways, a symmetric one once', () => {
    const c = typeChoices([parent, sibling], 'actor', 'actor');
    expect(c.map((x) => x.title)).toEqual(['Parent', 'Child', 'Sibling']);
    expect(c.find((x) => x.title === 'Child')).toMatchObject({ typeId: 1, reverse: true, titleAr: 'ابن/ابنة' });
  });

  it('turns "Child" chosen on the parent page into reverse: true (and "Parent" into false)', () => {
    const c = typeChoices([parent, sibling], 'actor', 'actor');
    const child = c.find((x) => x.title === 'Child')!;
    const par = c.find((x) => x.title === 'Parent')!;
    expect(selectionToBody([child.key], c)).toEqual({ ok: true, types: [1], reverse: true });
    expect(selectionToBody([par.key], c)).toEqual({ ok: true, types: [1], reverse: false });
    // A symmetric type goes with either direction.
    expect(selectionToBody([child.key, c[2]!.key], c)).toEqual({ ok: true, types: [1, 2], reverse: true });
  });

  it('refuses types chosen in opposite directions', () => {
    const superior: RelationType = {
      id: 4,
      pair: 'actor-actor',
      title: 'Superior officer',
      reverseTitle: 'Subordinate officer',
      titleAr: '',
      reverseTitleAr: '',
    };
    const c = typeChoices([parent, superior], 'actor', 'actor');
    const keys = [c.find((x) => x.title === 'Child')!.key, c.find((x) => x.title === 'Superior officer')!.key];
    expect(selectionToBody(keys, c)).toEqual({ ok: false, error: 'mixedDirections' });
  });

  it('selects the choices an existing relation reads from this page', () => {
    const c = typeChoices([parent, sibling], 'actor', 'actor');
    const keys = selectedKeys(
      {
        types: [
          { id: 1, title: 'Child', titleAr: null },
          { id: 2, title: 'Sibling', titleAr: null },
        ],
        reverse: true,
      },
      c,
    );
    expect(keys.map((k) => c.find((x) => x.key === k)?.title)).toEqual(['Child', 'Sibling']);
  });

  it('mixed kinds: one choice per type, never reversed', () => {
    expect(pairOf('bulletin', 'actor')).toBe('actor-bulletin');
    const c = typeChoices([witness], 'bulletin', 'actor');
    expect(c).toHaveLength(1);
    expect(selectionToBody([c[0]!.key], c)).toEqual({ ok: true, types: [3], reverse: false });
  });
});
