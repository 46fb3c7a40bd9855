import { createHash } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { activity } from '../../db/schema/index.js';

export interface ActivityEntry {
  userId: number | null;
  username: string;
  action: string;
  outcome?: 'SUCCESS' | 'DENIED' | 'FAILURE';
  kind?: string;
  recordId?: number | null;
  ip?: string;
  details?: Record<string, unknown>;
}

/** Key for the transaction-level advisory lock that serialises the hash chain. */
const CHAIN_LOCK = 727_001;
export const GENESIS_HASH = '0'.repeat(64);

/** Canonical JSON with sorted keys, so the hash does not depend on key order. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export interface ChainedFields {
  userId: number | null;
  username: string;
  action: string;
  outcome: string;
  kind: string;
  recordId: number | null;
  ip: string;
  details: Record<string, unknown>;
  createdAt: string;
}

export function rowHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical(fields)).digest('hex');
}

/**
 * Appends one activity row. Must run inside the transaction of the change it records (D1);
 * the advisory lock makes concurrent writers take turns so the chain stays linear.
 */
export async function appendActivity(tx: Db, entry: ActivityEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: activity.hash }).from(activity).orderBy(desc(activity.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Millisecond precision survives a round trip through timestamptz, so the verifier can rehash.
  const createdAt = new Date();
  const fields: ChainedFields = {
    userId: entry.userId,
    username: entry.username,
    action: entry.action,
    outcome: entry.outcome ?? 'SUCCESS',
    kind: entry.kind ?? '',
    recordId: entry.recordId ?? null,
    ip: entry.ip ?? '',
    details: entry.details ?? {},
    createdAt: createdAt.toISOString(),
  };
  await tx.insert(activity).values({ ...fields, createdAt, prevHash, hash: rowHash(prevHash, fields) });
}
