/**
 * Where lockout (A5) and rate-limit (S6) counters live: the database (`sqlCounters.repo.ts`) or,
 * when `REDIS_URL` is set, Redis (`redisCounters.repo.ts`). Either way they are shared by every
 * server process and survive a restart. Every operation is atomic in the store itself, so
 * concurrent requests in several processes cannot lose a count.
 */

/** One fixed-window count: the window starts at the subject's first hit. */
export interface WindowCount {
  /** Hits in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends. */
  resetsInMs: number;
}

/** A5: failures before a lock, how long failures count, and the lock lengths (doubling). */
export interface LockRule {
  threshold: number;
  windowMinutes: number;
  baseSeconds: number;
  maxSeconds: number;
}

/** Length of the lock that follows `previousLocks` earlier ones: base, then twice as long each time, capped. */
export function lockSeconds(rule: LockRule, previousLocks: number): number {
  return Math.min(rule.maxSeconds, rule.baseSeconds * 2 ** Math.min(previousLocks, 20));
}

export interface CounterStore {
  readonly engine: 'database' | 'redis';

  /** S6: counts one hit for `key` in a window of `windowSeconds` that starts at its first hit. */
  hit(key: string, windowSeconds: number): Promise<WindowCount>;

  /**
   * A5: counts one failure for `key` (failures older than the rule's window no longer count).
   * At the threshold the key is locked for `lockSeconds(rule, locks so far)` and its failures
   * start again from zero. Returns the length of the lock this failure started, or 0.
   */
  countFailure(key: string, rule: LockRule): Promise<number>;

  /** Seconds until every given key is unlocked; 0 when none is locked. */
  lockedFor(keys: string[]): Promise<number>;

  /** The largest number of failures counted in the current window for any of the keys. */
  recentFailures(keys: string[], windowMinutes: number): Promise<number>;

  /** Forgets a key's failures, lock and escalation (successful sign-in, admin unlock); true when there was any. */
  clear(key: string): Promise<boolean>;

  /** Whether the store answers (the health check). */
  ping(): Promise<boolean>;

  /** Releases connections the store opened itself (not the database's). */
  close(): Promise<void>;
}
