import type { ActingUser } from '../../http/actingUser.js';
import { isoOrNull } from '../../lib/dates.js';
import { searchTextOf, stripTags } from '../../lib/normalize.js';
import { eventSearchParts, presentEvent } from '../records/records.events.js';
import { recordPermissions } from '../records/records.policy.js';
import type { UserNames } from '../records/records.types.js';
import { presentUserRef } from '../users/users.presenter.js';
import type { IncidentAggregate } from './incidents.repo.js';

/** The incident as the API shows it (camelCase, ISO dates, computed permissions). */
export function presentIncident(viewer: ActingUser, agg: IncidentAggregate, names: UserNames) {
  const r = agg.row;
  return {
    id: r.id,
    title: r.title,
    titleAr: r.titleAr,
    description: r.description,
    potentialViolations: agg.potentialViolations,
    claimedViolations: agg.claimedViolations,
    labels: agg.labels,
    locations: agg.locations,
    events: agg.events.map(presentEvent),
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

export type IncidentJson = ReturnType<typeof presentIncident>;

export function incidentUserIds(aggs: IncidentAggregate[]): number[] {
  return aggs.flatMap((a) =>
    [a.row.createdById, a.row.assignedToId, a.row.firstPeerReviewerId, a.row.secondPeerReviewerId].filter(
      (v): v is number => v !== null,
    ),
  );
}

const titles = (list: { title: string; titleAr: string }[]) => list.flatMap((t) => [t.title, t.titleAr]);

/** Everything a quick search should find an incident by, including linked vocabulary in both languages. */
export function incidentSearchText(agg: IncidentAggregate): string {
  const r = agg.row;
  return searchTextOf([
    r.id,
    r.title,
    r.titleAr,
    stripTags(r.description),
    ...titles(agg.potentialViolations),
    ...titles(agg.claimedViolations),
    ...titles(agg.labels),
    ...agg.locations.flatMap((l) => [l.fullName, l.fullNameAr]),
    ...eventSearchParts(agg.events),
  ]);
}
