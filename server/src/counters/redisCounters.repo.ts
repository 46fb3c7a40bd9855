import { Redis, type Result } from 'ioredis';
import { Unavailable } from '../http/errors.js';
import type { CounterStore, LockRule, WindowCount } from './counterStore.js';

/**
 * Counters in Redis (`REDIS_URL`). Each count is one Lua script, so it is atomic however many
 * server processes share the Redis. Every key carries a TTL and expires by itself:
 *
 * - `<prefix>rate:<rule>:<subject>`  requests in the current window (TTL: the window);
 * - `<prefix>failures:<key>`          failed sign-ins in the current window (TTL: the window);
 * - `<prefix>locked:<key>`            present while the key is locked (TTL: the lock);
 * - `<prefix>locks:<key>`             locks so far, for the escalation (TTL: the lock plus
 *   `maxSeconds`, so a key quiet for a day after its last lock starts again from the first length).
 *
 * When Redis does not answer, every operation throws `Unavailable` (503): sign-in and rate-limited
 * requests are refused, never let through unchecked (fail closed).
 */

/** KEYS[1] counter; ARGV[1] window in ms. Returns {count, ms until the window ends}. */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

/**
 * KEYS: failures, locked, locks. ARGV: threshold, window ms, base seconds, max seconds.
 * Mirrors SqlCounterStore.countFailure and lockSeconds(); returns the lock's seconds, or 0.
 */
const FAIL_SCRIPT = `
local failures = redis.call('INCR', KEYS[1])
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if failures < tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], '0', 'KEEPTTL')
local previous = tonumber(redis.call('GET', KEYS[3]) or '0')
local maxSeconds = tonumber(ARGV[4])
local seconds = math.floor(math.min(maxSeconds, tonumber(ARGV[3]) * 2 ^ math.min(previous, 20)))
redis.call('SET', KEYS[2], '1', 'EX', seconds)
redis.call('SET', KEYS[3], previous + 1, 'EX', seconds + maxSeconds)
return seconds
`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    dalilHit(key: string, windowMs: number): Result<[number, number], Context>;
    dalilFail(
      failuresKey: string,
      lockedKey: string,
      locksKey: string,
      threshold: number,
      windowMs: number,
      baseSeconds: number,
      maxSeconds: number,
    ): Result<number, Context>;
  }
}

export interface RedisCounterOptions {
  url: string;
  /** Put before every key, so several instances (or test runs) can share one Redis. */
  keyPrefix: string;
  /** Told when Redis stops or starts answering again (logged once per change, not per retry). */
  onStateChange?: (state: 'down' | 'up', detail: string) => void;
}

const UNAVAILABLE_MESSAGE = 'Sign-in is unavailable: the counter store (Redis) does not answer. Try again shortly.';

export class RedisCounterStore implements CounterStore {
  readonly engine = 'redis';
  private readonly redis: Redis;
  private readonly prefix: string;
  private down = false;

  constructor(options: RedisCounterOptions) {
    this.prefix = options.keyPrefix;
    this.redis = new Redis(options.url, {
      // A command waits at most for one reconnection attempt (and two seconds) before failing.
      connectTimeout: 2000,
      commandTimeout: 2000,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
      // Counters need nothing from RESP3; RESP2 also speaks to older servers and proxies.
      protocol: 2,
    });
    this.redis.defineCommand('dalilHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
    this.redis.defineCommand('dalilFail', { numberOfKeys: 3, lua: FAIL_SCRIPT });
    // Without a listener ioredis prints every reconnection error; report changes of state only.
    this.redis.on('error', (err: Error) => {
      if (this.down) return;
      this.down = true;
      options.onStateChange?.('down', err.message);
    });
    this.redis.on('ready', () => {
      if (!this.down) return;
      this.down = false;
      options.onStateChange?.('up', 'connected');
    });
  }

  private async guarded<T>(operation: () => Promise<T>): Promise<T> {
    // Known to be away: refuse at once rather than wait for the next reconnection attempt.
    if (this.down && this.redis.status !== 'ready') throw new Unavailable(UNAVAILABLE_MESSAGE);
    try {
      return await operation();
    } catch (err) {
      throw new Unavailable(UNAVAILABLE_MESSAGE, err);
    }
  }

  hit(key: string, windowSeconds: number): Promise<WindowCount> {
    return this.guarded(async () => {
      const [count, resetsInMs] = await this.redis.dalilHit(`${this.prefix}rate:${key}`, windowSeconds * 1000);
      return { count, resetsInMs };
    });
  }

  countFailure(key: string, rule: LockRule): Promise<number> {
    return this.guarded(() =>
      this.redis.dalilFail(
        `${this.prefix}failures:${key}`,
        `${this.prefix}locked:${key}`,
        `${this.prefix}locks:${key}`,
        rule.threshold,
        rule.windowMinutes * 60_000,
        rule.baseSeconds,
        rule.maxSeconds,
      ),
    );
  }

  lockedFor(keys: string[]): Promise<number> {
    return this.guarded(async () => {
      const remaining = await Promise.all(keys.map((key) => this.redis.pttl(`${this.prefix}locked:${key}`)));
      // PTTL is negative for a missing key, so an unlocked key counts as 0.
      return Math.ceil(Math.max(0, ...remaining) / 1000);
    });
  }

  /** The window is the failures key's TTL, set when the first failure of the window was counted. */
  recentFailures(keys: string[], _windowMinutes: number): Promise<number> {
    return this.guarded(async () => {
      if (keys.length === 0) return 0;
      const values = await this.redis.mget(keys.map((key) => `${this.prefix}failures:${key}`));
      return Math.max(0, ...values.map((v) => Number(v ?? 0)));
    });
  }

  clear(key: string): Promise<boolean> {
    return this.guarded(async () => {
      const removed = await this.redis.del(
        `${this.prefix}failures:${key}`,
        `${this.prefix}locked:${key}`,
        `${this.prefix}locks:${key}`,
      );
      return removed > 0;
    });
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.redis.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.redis.status === 'ready') {
      try {
        await this.redis.quit();
        return;
      } catch {
        // Fall through: drop the connection.
      }
    }
    this.redis.disconnect();
  }
}
