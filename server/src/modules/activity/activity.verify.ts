import { asc, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { activity } from '../../db/schema/index.js';
import { GENESIS_HASH, rowHash } from './activity.repo.js';

export type VerifyResult =
  | { ok: true; rows: number; lastId: number | null; lastHash: string | null }
  | { ok: false; rows: number; brokenId: number; reason: string };

/** A row id and hash recorded outside the database by an earlier run ("id:hash"). */
export interface ChainAnchor {
  id: number;
  hash: string;
}

/** Walks the activity chain in id order and names the first row whose hash does not match. */
export async function verifyActivityChain(db: Db, batch = 2000, anchor?: ChainAnchor): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let count = 0;
  for (;;) {
    const page = await db.select().from(activity).where(gt(activity.id, lastId)).orderBy(asc(activity.id)).limit(batch);
    if (page.length === 0) {
      // A hash chain cannot show that its end was cut off; an anchor kept elsewhere can.
      if (anchor && lastId < anchor.id)
        return {
          ok: false,
          rows: count + 1,
          brokenId: anchor.id,
          reason: 'anchored row is missing: the log was cut short',
        };
      return { ok: true, rows: count, lastId: count ? lastId : null, lastHash: count ? prev : null };
    }
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
      if (anchor && row.id === anchor.id && row.hash !== anchor.hash)
        return { ok: false, rows: count, brokenId: row.id, reason: 'row hash differs from the recorded anchor' };
      if (anchor && lastId < anchor.id && row.id > anchor.id)
        return { ok: false, rows: count, brokenId: anchor.id, reason: 'anchored row is missing: rows were removed' };
      prev = row.hash;
      lastId = row.id;
    }
  }
}
