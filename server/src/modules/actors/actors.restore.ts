import { defined, eventsOf, idsOf, pick, refId, type Snapshot } from '../records/records.restore.js';
import type { ProfileJson } from './actors.presenter.js';

const SCALARS = [
  'type',
  'name',
  'nameAr',
  'firstName',
  'firstNameAr',
  'middleName',
  'middleNameAr',
  'lastName',
  'lastNameAr',
  'fatherName',
  'fatherNameAr',
  'motherName',
  'motherNameAr',
  'nickname',
  'nicknameAr',
  'sex',
  'age',
  'civilian',
  'occupation',
  'occupationAr',
  'position',
  'positionAr',
  'familyStatus',
  'numberOfChildren',
  'tags',
  'status',
  'accessGroups',
] as const;

/**
 * The editable fields of an actor snapshot as an update body (without `comment`). Profiles
 * that still exist keep their ids; profiles deleted since come back as new profiles.
 */
export function actorBodyFromSnapshot(s: Snapshot, currentProfileIds: Set<number>): Record<string, unknown> {
  return defined({
    ...pick(s, SCALARS),
    originPlace: 'originPlace' in s ? refId(s.originPlace) : undefined,
    ethnographies: idsOf(s.ethnographies),
    nationalities: idsOf(s.nationalities),
    dialects: idsOf(s.dialects),
    idNumbers: Array.isArray(s.idNumbers)
      ? (s.idNumbers as { type: { id: number }; number: string }[]).map((n) => ({ type: n.type.id, number: n.number }))
      : undefined,
    profiles: Array.isArray(s.profiles)
      ? (s.profiles as ProfileJson[]).map((p) =>
          defined({
            id: currentProfileIds.has(p.id) ? p.id : undefined,
            mode: p.mode,
            originId: p.originId,
            description: p.description,
            sourceLink: p.sourceLink,
            publishDate: p.publishDate,
            documentationDate: p.documentationDate,
            sources: idsOf(p.sources),
            labels: idsOf(p.labels),
            verifiedLabels: idsOf(p.verifiedLabels),
            missingPerson: p.mode === 'missing' ? (p.missingPerson ?? {}) : undefined,
          }),
        )
      : undefined,
    events: eventsOf(s.events),
    assignedTo: 'assignedTo' in s ? refId(s.assignedTo) : undefined,
  });
}
