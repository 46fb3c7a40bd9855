import { asc, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { activity } from '../../db/schema/index.js';
import { GENESIS_HASH, rowHash } from './activity.repo.js';

export type VerifyResult = { ok: true; rows: number } | { ok: false; rows: number; brokenId: number; reason: string };

/** Walks the activity chain in id order and names the first row whose hash does not match. */
export async function verifyActivityChain(db: Db, batch = 2000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let count = 0;
  for (;;) {
    const page = await db.select().from(activity).where(gt(activity.id, lastId)).orderBy(asc(activity.id)).limit(batch);
    if (page.length === 0) return { ok: true, rows: count };
    for (const row of page) {
      count += 1;
      if (row.prevHash !== prev)
        return { ok: false, rows: count, brokenId: row.id, reason: 'previous-hash link broken' };
      const expected = rowHash(prev, {
        userId: row.userId,
        username: row.username,
        action: row.action,
        outcome: row.outcome,
        kind: row.kind,
        recordId: row.recordId,
        ip: row.ip,
        details: row.details,
        createdAt: row.createdAt.toISOString(),
      });
      if (expected !== row.hash)
        return { ok: false, rows: count, brokenId: row.id, reason: 'row content does not match its hash' };
      prev = row.hash;
      lastId = row.id;
    }
  }
}
