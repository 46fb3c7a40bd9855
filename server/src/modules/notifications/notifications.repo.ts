import { and, count, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notifications, users } from '../../db/schema/index.js';

export interface NewNotification {
  category: 'security' | 'access' | string;
  title: string;
  message?: string;
  link?: string | null;
  urgent?: boolean;
}

export interface NotificationJson {
  id: number;
  category: string;
  title: string;
  message: string;
  link: string | null;
  urgent: boolean;
  read: boolean;
  createdAt: string;
}

/** Notifies one user; call inside the transaction of the event it reports. */
export async function notifyUser(tx: Db, userId: number, n: NewNotification): Promise<void> {
  await tx.insert(notifications).values({
    userId,
    category: n.category,
    title: n.title,
    message: n.message ?? '',
    link: n.link ?? null,
    urgent: n.urgent ?? false,
  });
}

/**
 * Notifies every active admin (e.g. denied access to a restricted record). Other modules call
 * this inside their transaction. The message must not reveal the record to non-admins — only
 * admins receive it.
 */
export async function notifyAdmins(tx: Db, n: NewNotification): Promise<void> {
  await tx.execute(sql`
    insert into notifications (user_id, category, title, message, link, urgent)
    select id, ${n.category}, ${n.title}, ${n.message ?? ''}, ${n.link ?? null}, ${n.urgent ?? false}
    from ${users} where active and 'Admin' = any(roles)`);
}

export async function listNotifications(
  db: Db,
  userId: number,
  query: { limit: number; cursor?: number | undefined; unread?: boolean | undefined },
): Promise<{ items: NotificationJson[]; nextCursor: string | null; total: number; unread: number }> {
  const where = and(
    eq(notifications.userId, userId),
    query.unread ? isNull(notifications.readAt) : undefined,
    query.cursor ? lt(notifications.id, query.cursor) : undefined,
  );
  const found = await db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.id))
    .limit(query.limit + 1);
  const page = found.slice(0, query.limit);
  const [total] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), query.unread ? isNull(notifications.readAt) : undefined));
  const [unread] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      category: r.category,
      title: r.title,
      message: r.message,
      link: r.link,
      urgent: r.urgent,
      read: r.readAt !== null,
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: found.length > query.limit && last ? String(last.id) : null,
    total: total?.n ?? 0,
    unread: unread?.n ?? 0,
  };
}

/** Marks one of the user's own notifications read; false when it is not theirs (404 to the caller). */
export async function markRead(db: Db, userId: number, id: number): Promise<boolean> {
  const done = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return done.length > 0;
}

export async function markAllRead(db: Db, userId: number): Promise<number> {
  const done = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return done.length;
}
