import { eq, inArray, sql } from 'drizzle-orm';
import { rows, type Db } from '../db/client.js';
import { authThrottle } from '../db/schema/index.js';
import { lockSeconds, type CounterStore, type LockRule, type WindowCount } from './counterStore.js';

/**
 * Counters in the database (tables `rate_limits` and `auth_throttle`): the default store.
 * Upserts keep each count atomic across processes.
 */
export class SqlCounterStore implements CounterStore {
  readonly engine = 'database';
  private sweeps = 0;

  constructor(private readonly db: Db) {}

  async hit(key: string, windowSeconds: number): Promise<WindowCount> {
    // A counter need not survive a crash: the statement turns synchronous_commit off for its own
    // implicit transaction (set_config local), sparing every searching or exporting request a WAL
    // flush (~4 ms on this kind of disk) without a BEGIN/COMMIT round trip.
    const [row] = await rows<{ count: number; expires_at: Date | string }>(
      this.db,
      sql`insert into rate_limits (key, count, expires_at)
          select ${key}, 1, now() + make_interval(secs => ${windowSeconds})
          from (select set_config('synchronous_commit', 'off', true)) async_commit
          on conflict (key) do update set
            count = case when rate_limits.expires_at <= now() then 1 else rate_limits.count + 1 end,
            expires_at = case when rate_limits.expires_at <= now()
                              then now() + make_interval(secs => ${windowSeconds}) else rate_limits.expires_at end
          returning count, expires_at`,
    );
    // Expired windows are swept now and then by whichever request comes along.
    if (++this.sweeps % 500 === 0) await this.db.execute(sql`delete from rate_limits where expires_at < now()`);
    if (!row) return { count: 0, resetsInMs: windowSeconds * 1000 };
    return { count: row.count, resetsInMs: new Date(row.expires_at).getTime() - Date.now() };
  }

  async countFailure(key: string, rule: LockRule): Promise<number> {
    const [row] = await rows<{ failures: number; lock_count: number }>(
      this.db,
      sql`insert into auth_throttle (key, failures, window_start, updated_at) values (${key}, 1, now(), now())
          on conflict (key) do update set
            failures = case when auth_throttle.window_start < now() - make_interval(mins => ${rule.windowMinutes})
                            then 1 else auth_throttle.failures + 1 end,
            window_start = case when auth_throttle.window_start < now() - make_interval(mins => ${rule.windowMinutes})
                                then now() else auth_throttle.window_start end,
            updated_at = now()
          returning failures, lock_count`,
    );
    if (!row || row.failures < rule.threshold) return 0;
    const seconds = lockSeconds(rule, row.lock_count);
    await this.db
      .update(authThrottle)
      .set({
        failures: 0,
        lockCount: sql`${authThrottle.lockCount} + 1`,
        lockedUntil: sql`now() + make_interval(secs => ${seconds})`,
        updatedAt: sql`now()`,
      })
      .where(eq(authThrottle.key, key));
    return seconds;
  }

  async lockedFor(keys: string[]): Promise<number> {
    const found = await this.db
      .select({ lockedUntil: authThrottle.lockedUntil })
      .from(authThrottle)
      .where(inArray(authThrottle.key, keys));
    const now = Date.now();
    const until = Math.max(0, ...found.map((r) => (r.lockedUntil ? r.lockedUntil.getTime() : 0)));
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  async recentFailures(keys: string[], windowMinutes: number): Promise<number> {
    const found = await rows<{ failures: number }>(
      this.db,
      sql`select failures from auth_throttle where key in (${sql.join(
        keys.map((k) => sql`${k}`),
        sql`, `,
      )}) and window_start > now() - make_interval(mins => ${windowMinutes})`,
    );
    return Math.max(0, ...found.map((r) => r.failures));
  }

  async clear(key: string): Promise<boolean> {
    const removed = await this.db
      .delete(authThrottle)
      .where(eq(authThrottle.key, key))
      .returning({ key: authThrottle.key });
    return removed.length > 0;
  }

  /** The database's own health is checked separately (`/api/health`). */
  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}
