import type { ActingUser } from '../../http/actingUser.js';
import { isoOrNull } from '../../lib/dates.js';
import { presentUserRef } from '../users/users.presenter.js';
import type { BulletinAggregate } from './bulletins.repo.js';
import { permissionsFor } from './bulletins.policy.js';

type Names = Map<number, { username: string; name: string }>;

/** The bulletin as API.md shows it (camelCase, ISO dates, computed permissions). */
export function presentBulletin(viewer: ActingUser, agg: BulletinAggregate, names: Names) {
  const r = agg.row;
  return {
    id: r.id,
    title: r.title,
    titleAr: r.titleAr,
    analystTitle: r.analystTitle,
    analystTitleAr: r.analystTitleAr,
    description: r.description,
    sourceLink: r.sourceLink,
    publishDate: isoOrNull(r.publishDate),
    documentationDate: isoOrNull(r.documentationDate),
    originId: r.originId,
    tags: r.tags,
    status: r.status,
    review: r.review,
    reviewAction: r.reviewAction,
    comments: r.comments,
    createdBy: presentUserRef(viewer, r.createdById, names),
    assignedTo: presentUserRef(viewer, r.assignedToId, names),
    firstPeerReviewer: presentUserRef(viewer, r.firstPeerReviewerId, names),
    secondPeerReviewer: presentUserRef(viewer, r.secondPeerReviewerId, names),
    labels: agg.labels,
    verifiedLabels: agg.verifiedLabels,
    sources: agg.sources,
    locations: agg.locations,
    events: agg.events.map((e) => ({
      id: e.id,
      title: e.title,
      titleAr: e.titleAr,
      comments: e.comments,
      commentsAr: e.commentsAr,
      type: e.type,
      location: e.location,
      fromDate: isoOrNull(e.fromDate),
      toDate: isoOrNull(e.toDate),
      estimated: e.estimated,
    })),
    geoMarkers: agg.geoMarkers,
    accessGroups: agg.accessGroups,
    createdAt: isoOrNull(r.createdAt),
    updatedAt: isoOrNull(r.updatedAt),
    permissions: permissionsFor(viewer, r),
  };
}

export type BulletinJson = ReturnType<typeof presentBulletin>;

export function userIdsOf(aggs: BulletinAggregate[]): number[] {
  return aggs.flatMap((a) =>
    [a.row.createdById, a.row.assignedToId, a.row.firstPeerReviewerId, a.row.secondPeerReviewerId].filter(
      (v): v is number => v !== null,
    ),
  );
}
