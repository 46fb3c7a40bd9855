import type { Db } from '../db/client.js';
import { claimNextJob, failJob, finishJob, reportProgress, requeueStaleJobs, type JobRow } from './queue.js';

export interface JobContext {
  db: Db;
  job: JobRow;
  /** Stores progress so the UI can show it; also keeps the job's heartbeat fresh. */
  progress(done: number, total: number): Promise<void>;
}

export type JobHandler = (ctx: JobContext) => Promise<Record<string, unknown>>;

/**
 * Runs queued jobs in this process (the web process by default; `--role worker` processes
 * run only this). One job at a time per worker keeps the web process responsive.
 */
export class JobWorker {
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly pollMs = 500,
  ) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  start(): void {
    this.stopped = false;
    void requeueStaleJobs(this.db, 120).catch(() => undefined);
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Runs every queued job now (tests and the CLI use this instead of waiting for the poll). */
  async drain(): Promise<number> {
    let ran = 0;
    while (await this.runOne()) ran++;
    return ran;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .then(() => undefined)
        .catch(() => undefined)
        .finally(() => this.schedule());
    }, this.pollMs);
  }

  private async runOne(): Promise<boolean> {
    const job = await claimNextJob(this.db, [...this.handlers.keys()]);
    if (!job) return false;
    const handler = this.handlers.get(job.kind);
    if (!handler) return true;
    try {
      const result = await handler({
        db: this.db,
        job,
        progress: (done, total) => reportProgress(this.db, job.id, done, total),
      });
      await finishJob(this.db, job.id, result);
    } catch (err) {
      await failJob(this.db, job.id, err instanceof Error ? err.message : String(err));
    }
    return true;
  }
}
