import type { Db } from '../../db/client.js';
import { enqueueJob, findJob } from '../../jobs/queue.js';
import type { JobHandler } from '../../jobs/worker.js';
import type { ActingUser } from '../../http/actingUser.js';
import { NotFound } from '../../http/errors.js';
import { notifyUser } from '../notifications/notifications.repo.js';
import { actingUserById } from '../workflow/workflow.users.js';
import { searchIds, stillVisible } from './search.engine.js';
import type { Block, SearchKind } from './search.schemas.js';

/** Background searches keep at most this many ids (like Bayanat's 10,000). */
export const BACKGROUND_LIMIT = 10_000;
const PAGE = 200;

export async function queueSearch(db: Db, actor: ActingUser, kind: SearchKind, blocks: Block[]): Promise<number> {
  return enqueueJob(db, 'search', { kind, blocks }, actor.id);
}

/**
 * Runs a search that timed out interactively, with no statement timeout, as the user who asked
 * (their visibility at run time), keeps up to 10,000 ids and notifies the user with a link.
 */
export const runSearchJob: JobHandler = async ({ db, job, progress }) => {
  const { kind, blocks } = job.payload as { kind: SearchKind; blocks: Block[] };
  const actor = job.userId ? await actingUserById(db, job.userId) : null;
  if (!actor) return { kind, ids: [], total: 0 };
  const ids: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await searchIds(db, actor, kind, { blocks, limit: PAGE, cursor, count: 'none' });
    ids.push(...page.ids);
    cursor = page.nextCursor ?? undefined;
    await progress(ids.length, 0);
  } while (cursor && ids.length < BACKGROUND_LIMIT);
  const kept = ids.slice(0, BACKGROUND_LIMIT);
  await notifyUser(db, actor.id, {
    category: 'search',
    title: 'Your search results are ready',
    message: `${kept.length}${cursor ? '+' : ''} ${kind}s found.`,
    link: `/${kind}s?searchJob=${job.id}`,
  });
  return { kind, ids: kept, total: kept.length, truncated: Boolean(cursor) };
};

/** Results of a background search: owner only, re-filtered by what the owner may see now. */
export async function searchResults(db: Db, actor: ActingUser, jobId: number) {
  const job = await findJob(db, jobId);
  if (!job || job.kind !== 'search' || job.userId !== actor.id) throw new NotFound('No such search.');
  const kind = (job.payload as { kind: SearchKind }).kind;
  if (job.status !== 'done') return { jobId, kind, status: job.status, ids: [] as number[], total: null };
  const stored = ((job.result as { ids?: number[] } | null)?.ids ?? []).filter((x) => Number.isInteger(x));
  const ids = await stillVisible(db, actor, kind, stored);
  return {
    jobId,
    kind,
    status: job.status,
    ids,
    total: ids.length,
    truncated: Boolean((job.result as { truncated?: boolean }).truncated),
  };
}
