import { describe, expect, it } from 'vitest';
import type { Actor } from '../api/records';
import {
  actorInputFromModel,
  diffActorInput,
  emptyActorModel,
  emptyIdNumber,
  emptyProfile,
  missingPersonInput,
  missingPersonModel,
  modelFromActor,
  nameFieldsFor,
  validateActor,
} from './actorInput';

function actor(over: Partial<Actor> = {}): Actor {
  return {
    id: 7,
    type: 'Person',
    displayName: 'سمير خالد',
    name: '',
    nameAr: 'سمير خالد',
    firstName: '',
    firstNameAr: 'سمير',
    middleName: '',
    middleNameAr: '',
    lastName: '',
    lastNameAr: 'خالد',
    fatherName: '',
    fatherNameAr: '',
    motherName: '',
    motherNameAr: '',
    nickname: '',
    nicknameAr: '',
    sex: 'Male',
    age: null,
    civilian: null,
    originPlace: { id: 3, title: 'Douma', titleAr: 'دوما', fullName: 'Douma, Syria', fullNameAr: null },
    occupation: '',
    occupationAr: '',
    position: '',
    positionAr: '',
    familyStatus: null,
    numberOfChildren: 2,
    ethnographies: [],
    nationalities: [{ id: 4, title: 'Syria', titleAr: 'سوريا' }],
    dialects: [],
    idNumbers: [{ type: { id: 9, title: 'National ID', titleAr: null }, number: '000123' }],
    profiles: [
      {
        id: 11,
        mode: 'missing',
        originId: '',
        description: '',
        sourceLink: '',
        publishDate: '2020-01-02T00:00:00Z',
        documentationDate: null,
        sources: [],
        labels: [],
        verifiedLabels: [],
        missingPerson: {
          lastAddress: 'Douma',
          caseStatus: 'Missing',
          height: 170,
          seenInDetention: { opts: 'Yes', details: 'Saydnaya' },
          profileId: 11,
        } as never,
      },
    ],
    events: [],
    tags: ['a'],
    status: 'Human Created',
    review: null,
    reviewAction: null,
    comments: null,
    createdBy: null,
    assignedTo: null,
    firstPeerReviewer: null,
    secondPeerReviewer: null,
    accessGroups: [],
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
    permissions: {
      update: true,
      delete: true,
      assign: false,
      assignReviewer: false,
      selfAssign: false,
      review: false,
      finalize: false,
    },
    ...over,
  };
}

describe('actor input mapping', () => {
  it('round-trips a record into the same input, with nothing to update', () => {
    const input = actorInputFromModel(modelFromActor(actor()));
    expect(input.firstNameAr).toBe('سمير');
    expect(input.originPlace).toBe(3);
    expect(input.nationalities).toEqual([4]);
    expect(input.profiles[0]).toMatchObject({ id: 11, mode: 'missing', publishDate: '2020-01-02' });
    expect(input.profiles[0]?.missingPerson).toMatchObject({
      lastAddress: 'Douma',
      caseStatus: 'Missing',
      height: 170,
      seenInDetention: { opts: 'Yes', details: 'Saydnaya' },
    });
    // Unknown keys of the stored row (profileId) never reach the strict input.
    expect(input.profiles[0]?.missingPerson).not.toHaveProperty('profileId');
    expect(diffActorInput(input, actorInputFromModel(modelFromActor(actor())), 'x')).toEqual({ comment: 'x' });
  });

  it('keeps ID numbers as text: leading zeros and long numbers exactly', () => {
    const m = emptyActorModel();
    m.firstNameAr = 'سمير';
    m.idNumbers = [
      { ...emptyIdNumber(), type: { id: 9, title: 'ID', titleAr: null }, number: ' 000123456789012345678901234567 ' },
    ];
    expect(actorInputFromModel(m).idNumbers).toEqual([{ type: 9, number: '000123456789012345678901234567' }]);
  });

  it('sends missing-person fields only for a missing-person profile, numbers as numbers', () => {
    const m = emptyActorModel();
    m.firstNameAr = 'سمير';
    m.profiles = [emptyProfile('normal'), emptyProfile('missing')];
    m.profiles[1]!.missingPerson.height = '172';
    m.profiles[1]!.missingPerson.weight = '';
    const input = actorInputFromModel(m);
    expect(input.profiles[0]).not.toHaveProperty('missingPerson');
    expect(input.profiles[1]?.missingPerson).toMatchObject({
      height: 172,
      weight: null,
      seenInDetention: null,
      skinMarkings: null,
      reporters: [],
    });
  });

  it('diffs only changed fields; id sets ignore order; profiles go whole with ids', () => {
    const before = actorInputFromModel(
      modelFromActor(
        actor({
          nationalities: [
            { id: 4, title: 'a', titleAr: null },
            { id: 5, title: 'b', titleAr: null },
          ],
        }),
      ),
    );
    const m = modelFromActor(
      actor({
        nationalities: [
          { id: 5, title: 'b', titleAr: null },
          { id: 4, title: 'a', titleAr: null },
        ],
      }),
    );
    m.profiles[0]!.description = 'new text';
    const body = diffActorInput(before, actorInputFromModel(m), 'why');
    expect(Object.keys(body).sort()).toEqual(['comment', 'profiles']);
    expect(body.profiles?.[0]).toMatchObject({ id: 11, description: 'new text' });
  });

  it('tolerates missing-person rows with nulls and unknown keys', () => {
    const mp = missingPersonModel({
      skinMarkings: null,
      reporters: [{ name: 'A', contact: '', relationship: 'brother' }],
    } as never);
    expect(mp.skinMarkings).toEqual({ opts: [], details: '' });
    expect(missingPersonInput(mp).reporters).toEqual([{ name: 'A', contact: '', relationship: 'brother' }]);
  });

  it('shows the right name fields per type and needs a name in either language', () => {
    expect(nameFieldsFor('Entity')).toEqual(['name', 'nickname']);
    expect(nameFieldsFor('Person')).toContain('fatherName');
    const m = emptyActorModel();
    expect(validateActor(actorInputFromModel(m), 'c').name).toBe('actor.errors.nameRequired');
    m.lastNameAr = 'خالد';
    expect(validateActor(actorInputFromModel(m), 'c')).toEqual({});
    expect(validateActor(actorInputFromModel(m), ' ').comment).toBe('errors.required');
  });
});
