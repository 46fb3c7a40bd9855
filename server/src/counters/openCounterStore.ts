import type { Db } from '../db/client.js';
import type { CounterStore } from './counterStore.js';
import { SqlCounterStore } from './sqlCounters.repo.js';

/** The counter store of lockout and rate limits (A5, S6): the database. */
export function openCounterStore(db: Db): CounterStore {
  return new SqlCounterStore(db);
}
