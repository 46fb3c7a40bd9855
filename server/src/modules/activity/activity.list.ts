import { and, desc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { activity } from '../../db/schema/index.js';

export interface ActivityQuery {
  user?: string | undefined;
  action?: string | undefined;
  kind?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  cursor?: number | undefined;
}

/** Activity monitor (Admin): newest first, keyset-paged by id. `user` is an id or a username. */
export async function listActivity(db: Db, q: ActivityQuery) {
  const byUser = q.user
    ? /^\d+$/.test(q.user)
      ? eq(activity.userId, Number(q.user))
      : sql`lower(${activity.username}) = lower(${q.user})`
    : undefined;
  // `to` is an inclusive calendar day when given as YYYY-MM-DD.
  const toEnd = q.to
    ? /^\d{4}-\d{2}-\d{2}$/.test(q.to)
      ? new Date(`${q.to}T23:59:59.999Z`)
      : new Date(q.to)
    : undefined;
  const where = and(
    byUser,
    q.action ? eq(activity.action, q.action.toUpperCase()) : undefined,
    q.kind ? eq(activity.kind, q.kind) : undefined,
    q.from ? gte(activity.createdAt, new Date(q.from)) : undefined,
    toEnd ? lte(activity.createdAt, toEnd) : undefined,
  );
  const found = await db
    .select()
    .from(activity)
    .where(and(where, q.cursor ? lt(activity.id, q.cursor) : undefined))
    .orderBy(desc(activity.id))
    .limit(q.limit + 1);
  const page = found.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      userId: r.userId,
      username: r.username,
      action: r.action,
      outcome: r.outcome,
      kind: r.kind,
      recordId: r.recordId,
      ip: r.ip,
      details: r.details,
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: found.length > q.limit && last ? String(last.id) : null,
    total: null,
  };
}
