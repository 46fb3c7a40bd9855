import type { Db } from '../../db/client.js';
import { childCounts, titlePaths } from '../../lib/tree.js';
import type { LabelRow } from './labels.repo.js';
import type { LabelJson } from './labels.schemas.js';

/** Label JSON with ancestor paths and child counts, two queries for the whole page. */
export async function presentLabels(db: Db, found: LabelRow[]): Promise<LabelJson[]> {
  const ids = found.map((r) => r.id);
  const [paths, children] = await Promise.all([titlePaths(db, 'labels', ids), childCounts(db, 'labels', ids)]);
  return found.map((r) => ({
    id: r.id,
    title: r.title,
    titleAr: r.titleAr,
    comments: r.comments,
    commentsAr: r.commentsAr,
    parentId: r.parentId,
    verified: r.verified,
    forBulletin: r.forBulletin,
    forActor: r.forActor,
    forIncident: r.forIncident,
    forOffline: r.forOffline,
    sortOrder: r.sortOrder,
    path: paths.get(r.id)?.path ?? r.title,
    pathAr: paths.get(r.id)?.pathAr ?? (r.titleAr || r.title),
    childCount: children.get(r.id) ?? 0,
  }));
}
