import type { LockoutConfig } from '../../config.js';
import type { CounterStore } from '../../counters/counterStore.js';

/**
 * A5: failed sign-in attempts (passwords and second-factor codes alike) counted per username
 * and per IP. Reaching the threshold locks the key; each further lock lasts twice as long.
 * Keys use the typed username, so an unknown name locks exactly like a real one (A2).
 * The counters live in the counter store: the database, or Redis when `REDIS_URL` is set.
 */
export const userKey = (username: string): string => `user:${username.trim().toLowerCase()}`;
export const ipKey = (ip: string): string => `ip:${ip}`;

/** Seconds until every given key is unlocked; 0 when none is locked. */
export function lockedFor(counters: CounterStore, keys: string[]): Promise<number> {
  return counters.lockedFor(keys);
}

/** Failures currently counted for a username or an IP (the larger), for the CAPTCHA threshold. */
export function recentFailures(counters: CounterStore, keys: string[], windowMinutes: number): Promise<number> {
  return counters.recentFailures(keys, windowMinutes);
}

export interface FailureResult {
  /** Seconds of the lock this failure started (username or IP), or 0. */
  lockedSeconds: number;
  lockedKey: 'user' | 'ip' | null;
}

export async function recordFailure(
  counters: CounterStore,
  config: LockoutConfig,
  username: string,
  ip: string,
): Promise<FailureResult> {
  const rule = (threshold: number) => ({
    threshold,
    windowMinutes: config.windowMinutes,
    baseSeconds: config.baseSeconds,
    maxSeconds: config.maxSeconds,
  });
  const user = await counters.countFailure(userKey(username), rule(config.threshold));
  const byIp = ip ? await counters.countFailure(ipKey(ip), rule(config.ipThreshold)) : 0;
  if (user) return { lockedSeconds: user, lockedKey: 'user' };
  if (byIp) return { lockedSeconds: byIp, lockedKey: 'ip' };
  return { lockedSeconds: 0, lockedKey: null };
}

/** A successful sign-in clears the username's count and escalation (the IP's decays with its window). */
export async function clearFailures(counters: CounterStore, username: string): Promise<void> {
  await counters.clear(userKey(username));
}

/** Admin unlock: removes the username's lock and counters. */
export function unlockUsername(counters: CounterStore, username: string): Promise<boolean> {
  return counters.clear(userKey(username));
}
