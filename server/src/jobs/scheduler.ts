import type { Db } from '../db/client.js';

export interface ScheduledTask {
  /** Stable name, used in logs and by `runAll` in tests. */
  name: string;
  everyMs: number;
  /** Must be idempotent: several processes may run the same task; each run does what is due. */
  run(db: Db, now: Date): Promise<Record<string, number>>;
}

/**
 * Periodic maintenance (export expiry, media and temp-file cleanup). Runs in every process
 * that runs the job worker; tasks are idempotent and claim rows with conditional updates,
 * so two processes running the same task never do the work twice.
 */
export class Scheduler {
  private readonly tasks: ScheduledTask[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly db: Db,
    private readonly log: (msg: string, err?: unknown) => void = () => undefined,
  ) {}

  register(task: ScheduledTask): void {
    this.tasks.push(task);
  }

  start(): void {
    for (const task of this.tasks) {
      const tick = (): void => {
        const p = task
          .run(this.db, new Date())
          .catch((err: unknown) => this.log(`scheduled task ${task.name} failed`, err))
          .finally(() => this.running.delete(p));
        this.running.add(p);
      };
      tick();
      const timer = setInterval(tick, task.everyMs);
      timer.unref();
      this.timers.push(timer);
    }
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers.length = 0;
    await Promise.allSettled([...this.running]);
  }

  /** Runs every task once now, in order (tests and the CLI). */
  async runAll(now = new Date()): Promise<Record<string, Record<string, number>>> {
    const out: Record<string, Record<string, number>> = {};
    for (const task of this.tasks) out[task.name] = await task.run(this.db, now);
    return out;
  }
}
