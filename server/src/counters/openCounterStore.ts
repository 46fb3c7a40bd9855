import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { CounterStore } from './counterStore.js';
import { RedisCounterStore } from './redisCounters.repo.js';
import { SqlCounterStore } from './sqlCounters.repo.js';

/** Redis when `REDIS_URL` is set, else the database (A5, S6). */
export function openCounterStore(
  config: Pick<Config, 'redis'>,
  db: Db,
  onStateChange?: (state: 'down' | 'up', detail: string) => void,
): CounterStore {
  if (config.redis) {
    return new RedisCounterStore({
      url: config.redis.url,
      keyPrefix: config.redis.keyPrefix,
      ...(onStateChange ? { onStateChange } : {}),
    });
  }
  return new SqlCounterStore(db);
}
