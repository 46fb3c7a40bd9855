import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { accessGroups, userGroups, users } from '../../db/schema/index.js';

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1);
  return row;
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function groupsOfUser(db: Db, userId: number): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: accessGroups.id, name: accessGroups.name })
    .from(userGroups)
    .innerJoin(accessGroups, eq(accessGroups.id, userGroups.groupId))
    .where(eq(userGroups.userId, userId))
    .orderBy(accessGroups.name);
}

export async function insertUser(db: Db, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function setUserGroups(db: Db, userId: number, groupIds: number[]): Promise<void> {
  await db.delete(userGroups).where(eq(userGroups.userId, userId));
  if (groupIds.length) await db.insert(userGroups).values(groupIds.map((groupId) => ({ userId, groupId })));
}

export async function existingGroupIds(db: Db, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const found = await db.select({ id: accessGroups.id }).from(accessGroups).where(inArray(accessGroups.id, ids));
  return found.map((g) => g.id);
}

export async function countAdmins(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(sql`'Admin' = any(${users.roles})`);
  return row?.n ?? 0;
}

export async function updateUser(db: Db, id: number, values: Partial<typeof users.$inferInsert>): Promise<void> {
  await db
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, id));
}

/** Display names of users by id, for presenting assignee/reviewer/author. */
export async function namesOfUsers(db: Db, ids: number[]): Promise<Map<number, { username: string; name: string }>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const found = await db
    .select({ id: users.id, username: users.username, name: users.name })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(found.map((u) => [u.id, { username: u.username, name: u.name }]));
}
