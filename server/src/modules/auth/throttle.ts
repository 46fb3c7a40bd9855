import { eq, inArray, sql } from 'drizzle-orm';
import type { LockoutConfig } from '../../config.js';
import { rows, type Db } from '../../db/client.js';
import { authThrottle } from '../../db/schema/index.js';

/**
 * A5: failed sign-in attempts (passwords and second-factor codes alike) counted per username
 * and per IP. Reaching the threshold locks the key; each further lock lasts twice as long.
 * Keys use the typed username, so an unknown name locks exactly like a real one (A2).
 */
export const userKey = (username: string): string => `user:${username.trim().toLowerCase()}`;
export const ipKey = (ip: string): string => `ip:${ip}`;

/** Seconds until every given key is unlocked; 0 when none is locked. */
export async function lockedFor(db: Db, keys: string[]): Promise<number> {
  const found = await db
    .select({ lockedUntil: authThrottle.lockedUntil })
    .from(authThrottle)
    .where(inArray(authThrottle.key, keys));
  const now = Date.now();
  const until = Math.max(0, ...found.map((r) => (r.lockedUntil ? r.lockedUntil.getTime() : 0)));
  return until > now ? Math.ceil((until - now) / 1000) : 0;
}

/** Failures currently counted for a username or an IP (the larger), for the CAPTCHA threshold. */
export async function recentFailures(db: Db, keys: string[], windowMinutes: number): Promise<number> {
  const found = await rows<{ failures: number }>(
    db,
    sql`select failures from auth_throttle where key in (${sql.join(
      keys.map((k) => sql`${k}`),
      sql`, `,
    )}) and window_start > now() - make_interval(mins => ${windowMinutes})`,
  );
  return Math.max(0, ...found.map((r) => r.failures));
}

/** Counts one failure against the key (atomically) and locks it at the threshold. Returns the lock in seconds, or 0. */
async function countFailure(db: Db, key: string, threshold: number, config: LockoutConfig): Promise<number> {
  const [row] = await rows<{ failures: number; lock_count: number }>(
    db,
    sql`insert into auth_throttle (key, failures, window_start, updated_at) values (${key}, 1, now(), now())
        on conflict (key) do update set
          failures = case when auth_throttle.window_start < now() - make_interval(mins => ${config.windowMinutes})
                          then 1 else auth_throttle.failures + 1 end,
          window_start = case when auth_throttle.window_start < now() - make_interval(mins => ${config.windowMinutes})
                              then now() else auth_throttle.window_start end,
          updated_at = now()
        returning failures, lock_count`,
  );
  if (!row || row.failures < threshold) return 0;
  const seconds = Math.min(config.maxSeconds, config.baseSeconds * 2 ** Math.min(row.lock_count, 20));
  await db
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

export interface FailureResult {
  /** Seconds of the lock this failure started (username or IP), or 0. */
  lockedSeconds: number;
  lockedKey: 'user' | 'ip' | null;
}

export async function recordFailure(
  db: Db,
  config: LockoutConfig,
  username: string,
  ip: string,
): Promise<FailureResult> {
  const user = await countFailure(db, userKey(username), config.threshold, config);
  const byIp = ip ? await countFailure(db, ipKey(ip), config.ipThreshold, config) : 0;
  if (user) return { lockedSeconds: user, lockedKey: 'user' };
  if (byIp) return { lockedSeconds: byIp, lockedKey: 'ip' };
  return { lockedSeconds: 0, lockedKey: null };
}

/** A successful sign-in clears the username's count and escalation (the IP's decays with its window). */
export async function clearFailures(db: Db, username: string): Promise<void> {
  await db.delete(authThrottle).where(eq(authThrottle.key, userKey(username)));
}

/** Admin unlock: removes the username's lock and counters. */
export async function unlockUsername(db: Db, username: string): Promise<boolean> {
  const removed = await db
    .delete(authThrottle)
    .where(eq(authThrottle.key, userKey(username)))
    .returning({ key: authThrottle.key });
  return removed.length > 0;
}
