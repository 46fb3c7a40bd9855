import type { ActingUser } from '../../http/actingUser.js';
import { isoOrNull } from '../../lib/dates.js';
import { presentEvent } from '../records/records.events.js';
import { recordPermissions } from '../records/records.policy.js';
import type { UserNames } from '../records/records.types.js';
import { presentUserRef } from '../users/users.presenter.js';
import { actorDisplayName } from './actors.names.js';
import type { MissingPersonRow, ProfileAggregate } from './actors.profiles.repo.js';
import type { ActorAggregate } from './actors.repo.js';

function presentMissingPerson(m: MissingPersonRow) {
  const { profileId: _p, ...fields } = m;
  return fields;
}

export function presentProfile(p: ProfileAggregate) {
  const r = p.row;
  return {
    id: r.id,
    mode: r.mode as 'normal' | 'main' | 'missing',
    originId: r.originId,
    description: r.description,
    sourceLink: r.sourceLink,
    publishDate: isoOrNull(r.publishDate),
    documentationDate: isoOrNull(r.documentationDate),
    sources: p.sources,
    labels: p.labels,
    verifiedLabels: p.verifiedLabels,
    missingPerson: p.missingPerson ? presentMissingPerson(p.missingPerson) : null,
  };
}
export type ProfileJson = ReturnType<typeof presentProfile>;

/** The actor as the API shows it (camelCase, ISO dates, computed permissions). */
export function presentActor(viewer: ActingUser, agg: ActorAggregate, names: UserNames) {
  const r = agg.row;
  return {
    id: r.id,
    type: r.type as 'Person' | 'Entity',
    displayName: actorDisplayName(r),
    name: r.name,
    nameAr: r.nameAr,
    firstName: r.firstName,
    firstNameAr: r.firstNameAr,
    middleName: r.middleName,
    middleNameAr: r.middleNameAr,
    lastName: r.lastName,
    lastNameAr: r.lastNameAr,
    fatherName: r.fatherName,
    fatherNameAr: r.fatherNameAr,
    motherName: r.motherName,
    motherNameAr: r.motherNameAr,
    nickname: r.nickname,
    nicknameAr: r.nicknameAr,
    sex: r.sex,
    age: r.age,
    civilian: r.civilian,
    originPlace: agg.originPlace,
    occupation: r.occupation,
    occupationAr: r.occupationAr,
    position: r.position,
    positionAr: r.positionAr,
    familyStatus: r.familyStatus,
    numberOfChildren: r.numberOfChildren,
    ethnographies: agg.ethnographies,
    nationalities: agg.nationalities,
    dialects: agg.dialects,
    idNumbers: agg.idNumbers,
    profiles: agg.profiles.map(presentProfile),
    events: agg.events.map(presentEvent),
    tags: r.tags,
    status: r.status,
    review: r.review,
    reviewAction: r.reviewAction,
    comments: r.comments,
    createdBy: presentUserRef(viewer, r.createdById, names),
    assignedTo: presentUserRef(viewer, r.assignedToId, names),
    firstPeerReviewer: presentUserRef(viewer, r.firstPeerReviewerId, names),
    secondPeerReviewer: presentUserRef(viewer, r.secondPeerReviewerId, names),
    accessGroups: agg.accessGroups,
    createdAt: isoOrNull(r.createdAt),
    updatedAt: isoOrNull(r.updatedAt),
    permissions: recordPermissions(viewer, r),
  };
}

export type ActorJson = ReturnType<typeof presentActor>;

export function actorUserIds(aggs: ActorAggregate[]): number[] {
  return aggs.flatMap((a) =>
    [a.row.createdById, a.row.assignedToId, a.row.firstPeerReviewerId, a.row.secondPeerReviewerId].filter(
      (v): v is number => v !== null,
    ),
  );
}
