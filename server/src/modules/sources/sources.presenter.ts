import type { Db } from '../../db/client.js';
import { childCounts, titlePaths } from '../../lib/tree.js';
import type { SourceRow } from './sources.repo.js';
import type { SourceJson } from './sources.schemas.js';

export async function presentSources(db: Db, found: SourceRow[]): Promise<SourceJson[]> {
  const ids = found.map((r) => r.id);
  const [paths, children] = await Promise.all([titlePaths(db, 'sources', ids), childCounts(db, 'sources', ids)]);
  return found.map((r) => ({
    id: r.id,
    title: r.title,
    titleAr: r.titleAr,
    sourceType: r.sourceType,
    comments: r.comments,
    commentsAr: r.commentsAr,
    parentId: r.parentId,
    path: paths.get(r.id)?.path ?? r.title,
    pathAr: paths.get(r.id)?.pathAr ?? (r.titleAr || r.title),
    childCount: children.get(r.id) ?? 0,
  }));
}
