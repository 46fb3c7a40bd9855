import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rows } from '../../db/client.js';
import { accessGroups, userGroups, users } from '../../db/schema/index.js';
import type { ActingUser } from '../../http/actingUser.js';
import { Conflict, Invalid, NotFound } from '../../http/errors.js';
import { appendActivity } from '../activity/activity.repo.js';
import type { GroupJson } from './groups.service.js';

export interface GroupDetailJson extends GroupJson {
  members: { id: number; username: string; name: string }[];
  /** Records (of any kind, deleted included) restricted to this group. */
  recordCount: number;
}

const who = (actor: ActingUser) => ({ userId: actor.id, username: actor.username, ip: actor.ip });

async function mustFind(db: Db, id: number): Promise<GroupJson> {
  const [row] = await db
    .select({ id: accessGroups.id, name: accessGroups.name, description: accessGroups.description })
    .from(accessGroups)
    .where(eq(accessGroups.id, id));
  if (!row) throw new NotFound('Group not found.');
  return row;
}

async function recordCount(db: Db, id: number): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`select (select count(*) from bulletin_groups where group_id = ${id})
             + (select count(*) from actor_groups where group_id = ${id})
             + (select count(*) from incident_groups where group_id = ${id}) as n`,
  );
  return Number(r?.n ?? 0);
}

export async function groupDetail(db: Db, id: number): Promise<GroupDetailJson> {
  const group = await mustFind(db, id);
  const members = await db
    .select({ id: users.id, username: users.username, name: users.name })
    .from(userGroups)
    .innerJoin(users, eq(users.id, userGroups.userId))
    .where(eq(userGroups.groupId, id))
    .orderBy(asc(users.username));
  return { ...group, members, recordCount: await recordCount(db, id) };
}

export async function updateGroup(
  db: Db,
  actor: ActingUser,
  id: number,
  input: { name?: string | undefined; description?: string | undefined },
): Promise<GroupDetailJson> {
  const before = await mustFind(db, id);
  await db.transaction(async (tx) => {
    if (input.name !== undefined) {
      const [dupe] = await tx
        .select({ id: accessGroups.id })
        .from(accessGroups)
        .where(and(sql`lower(${accessGroups.name}) = lower(${input.name})`, ne(accessGroups.id, id)))
        .limit(1);
      if (dupe) throw new Conflict('A group with that name exists.', { name: 'already exists' });
    }
    await tx
      .update(accessGroups)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
      })
      .where(eq(accessGroups.id, id));
    await appendActivity(tx, {
      ...who(actor),
      action: 'UPDATE',
      kind: 'group',
      recordId: id,
      details: { before, after: input },
    });
  });
  return groupDetail(db, id);
}

/** Replaces the members of a group (a permission change: activity row with both lists). */
export async function setGroupMembers(
  db: Db,
  actor: ActingUser,
  id: number,
  userIds: number[],
): Promise<GroupDetailJson> {
  await mustFind(db, id);
  const wanted = [...new Set(userIds)];
  if (wanted.length) {
    const found = await db.select({ id: users.id }).from(users).where(inArray(users.id, wanted));
    const missing = wanted.filter((u) => !found.some((f) => f.id === u));
    if (missing.length) throw new Invalid({ members: `no such user: ${missing.join(', ')}` });
  }
  await db.transaction(async (tx) => {
    const before = (await tx.select({ u: userGroups.userId }).from(userGroups).where(eq(userGroups.groupId, id))).map(
      (r) => r.u,
    );
    await tx.delete(userGroups).where(eq(userGroups.groupId, id));
    if (wanted.length) await tx.insert(userGroups).values(wanted.map((userId) => ({ userId, groupId: id })));
    await appendActivity(tx, {
      ...who(actor),
      action: 'UPDATE',
      kind: 'group',
      recordId: id,
      details: { members: { before, after: wanted } },
    });
  });
  return groupDetail(db, id);
}

/**
 * Deletes a group no record uses. A group still restricting records is refused (409): removing
 * it would silently open those records to everyone.
 */
export async function deleteGroup(db: Db, actor: ActingUser, id: number): Promise<void> {
  const group = await mustFind(db, id);
  const inUse = await recordCount(db, id);
  if (inUse > 0) {
    throw new Conflict(`This group still restricts ${inUse} record(s); remove it from them first.`, {
      id: 'group in use',
    });
  }
  await db.transaction(async (tx) => {
    await tx.delete(userGroups).where(eq(userGroups.groupId, id));
    await tx.delete(accessGroups).where(eq(accessGroups.id, id));
    await appendActivity(tx, {
      ...who(actor),
      action: 'DELETE',
      kind: 'group',
      recordId: id,
      details: { name: group.name },
    });
  });
}
