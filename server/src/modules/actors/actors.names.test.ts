import { describe, expect, it } from 'vitest';
import { actorDisplayName, actorNames, type ActorNameParts } from './actors.names.js';

const empty: ActorNameParts = {
  type: 'Person',
  name: '',
  nameAr: '',
  firstName: '',
  firstNameAr: '',
  middleName: '',
  middleNameAr: '',
  lastName: '',
  lastNameAr: '',
};

describe('actor names', () => {
  it('builds a person name from the parts that exist, in each language', () => {
    expect(actorNames({ ...empty, firstName: 'Omar', lastName: 'Haddad' })).toEqual({
      name: 'Omar Haddad',
      nameAr: '',
    });
    expect(
      actorNames({ ...empty, firstName: ' Omar ', middleName: 'K.', lastName: 'Haddad', firstNameAr: 'عمر' }),
    ).toEqual({
      name: 'Omar K. Haddad',
      nameAr: 'عمر',
    });
    expect(actorNames({ ...empty, middleNameAr: 'خالد', lastNameAr: 'حداد' }).nameAr).toBe('خالد حداد');
  });

  it('keeps a given full name when a person has no parts, and an entity name as given', () => {
    expect(actorNames({ ...empty, name: 'Abu Omar' }).name).toBe('Abu Omar');
    expect(actorNames({ ...empty, type: 'Entity', name: 'Unit 42', firstName: 'ignored' })).toEqual({
      name: 'Unit 42',
      nameAr: '',
    });
  });

  it('shows the Arabic name when there is no English one, never a blank', () => {
    expect(actorDisplayName({ ...empty, firstNameAr: 'عمر', lastNameAr: 'حداد' })).toBe('عمر حداد');
    expect(actorDisplayName({ ...empty, type: 'Entity', nameAr: 'الفرقة الرابعة' })).toBe('الفرقة الرابعة');
    expect(actorDisplayName({ ...empty, firstName: 'Omar', firstNameAr: 'عمر' })).toBe('Omar');
    expect(actorDisplayName({ ...empty, nicknameAr: 'أبو عمر' })).toBe('أبو عمر');
    expect(actorDisplayName({ ...empty, id: 7 })).toBe('Actor 7');
  });
});
