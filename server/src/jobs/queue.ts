import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { jobs } from '../db/schema/index.js';

export type JobRow = typeof jobs.$inferSelect;

/** Queues a job; call inside the transaction that decided to run it, so both land or neither. */
export async function enqueueJob(
  db: Db,
  kind: string,
  payload: Record<string, unknown>,
  userId: number | null,
): Promise<number> {
  const [row] = await db.insert(jobs).values({ kind, payload, userId }).returning({ id: jobs.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/** Claims the oldest queued job of the given kinds; concurrent workers never claim the same one. */
export async function claimNextJob(db: Db, kinds: string[]): Promise<JobRow | null> {
  if (!kinds.length) return null;
  const claimed = await db.execute<{ id: number }>(sql`
    update jobs set status = 'running', started_at = now(), heartbeat_at = now(), attempts = attempts + 1
    where id = (
      select id from jobs
      where status = 'queued' and kind in (${sql.join(
        kinds.map((k) => sql`${k}`),
        sql`, `,
      )})
      order by id
      limit 1
      for update skip locked
    )
    returning id`);
  const id = (claimed as unknown as { rows: { id: number }[] }).rows[0]?.id;
  if (id === undefined) return null;
  const [row] = await db
    .select()
    .from(jobs)
    .where(eq(jobs.id, Number(id)));
  return row ?? null;
}

export async function reportProgress(db: Db, id: number, progress: number, total: number): Promise<void> {
  await db.update(jobs).set({ progress, total, heartbeatAt: new Date() }).where(eq(jobs.id, id));
}

export async function finishJob(db: Db, id: number, result: Record<string, unknown>): Promise<void> {
  await db
    .update(jobs)
    .set({ status: 'done', result, finishedAt: new Date(), heartbeatAt: new Date() })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
}

export async function failJob(db: Db, id: number, error: string): Promise<void> {
  await db
    .update(jobs)
    .set({ status: 'failed', error: error.slice(0, 2000), finishedAt: new Date() })
    .where(eq(jobs.id, id));
}

/** Jobs left running by a process that died (no heartbeat for `staleSeconds`) go back to the queue. */
export async function requeueStaleJobs(db: Db, staleSeconds: number): Promise<number> {
  const result = await db.execute(sql`
    update jobs set status = 'queued'
    where status = 'running' and heartbeat_at < now() - make_interval(secs => ${staleSeconds}) and attempts < 3
    returning id`);
  return (result as unknown as { rows: unknown[] }).rows.length;
}

export async function findJob(db: Db, id: number): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row;
}
