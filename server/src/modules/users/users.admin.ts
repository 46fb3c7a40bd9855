import { and, asc, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { userGroups, users } from '../../db/schema/index.js';
import type { ActingUser, Role } from '../../http/actingUser.js';
import { Invalid, NotFound } from '../../http/errors.js';
import type { ListResult } from '../../http/listQuery.js';
import { decodeCursor, encodeCursor, isIdCursor } from '../../lib/cursor.js';
import { likeEscape } from '../../lib/normalize.js';
import { appendActivity } from '../activity/activity.repo.js';
import { revokeAllSessions } from '../auth/sessions.repo.js';
import { presentUser, type UserJson } from './users.presenter.js';
import { existingGroupIds, findUserById, groupsOfUser, setUserGroups, updateUser } from './users.repo.js';
import type { UserPermissions } from '../../db/schema/users.js';

/** Admin user management: list, read, update roles/groups/flags/active. */
export async function listUsers(
  db: Db,
  query: { q?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<ListResult<UserJson>> {
  const after = decodeCursor(query.cursor, isIdCursor);
  const conditions = [];
  if (query.q) {
    const like = `%${likeEscape(query.q)}%`;
    conditions.push(sql`(${users.username} ilike ${like} or ${users.name} ilike ${like})`);
  }
  if (after) conditions.push(gt(users.id, after.id));
  const found = await db
    .select()
    .from(users)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(users.id))
    .limit(query.limit + 1);
  const page = found.slice(0, query.limit);
  const ids = page.map((u) => u.id);
  const memberships = ids.length
    ? await db.execute<{ user_id: number; id: number; name: string }>(
        sql`select ug.user_id, g.id, g.name from ${userGroups} ug join access_groups g on g.id = ug.group_id where ug.user_id in (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )}) order by g.name`,
      )
    : { rows: [] };
  const byUser = new Map<number, { id: number; name: string }[]>();
  for (const m of (memberships as unknown as { rows: { user_id: number; id: number; name: string }[] }).rows) {
    const list = byUser.get(m.user_id) ?? [];
    list.push({ id: m.id, name: m.name });
    byUser.set(m.user_id, list);
  }
  const last = page[page.length - 1];
  return {
    items: page.map((u) => presentUser(u, byUser.get(u.id) ?? [])),
    nextCursor: found.length > query.limit && last ? encodeCursor({ id: last.id }) : null,
    total: null,
  };
}

export async function getUser(db: Db, id: number): Promise<UserJson> {
  const user = await findUserById(db, id);
  if (!user) throw new NotFound('No such user.');
  return presentUser(user, await groupsOfUser(db, id));
}

export async function updateUserByAdmin(
  db: Db,
  actor: ActingUser,
  id: number,
  patch: {
    name?: string | undefined;
    email?: string | null | undefined;
    roles?: Role[] | undefined;
    groups?: number[] | undefined;
    permissions?: Partial<UserPermissions> | undefined;
    active?: boolean | undefined;
  },
): Promise<UserJson> {
  const user = await findUserById(db, id);
  if (!user) throw new NotFound('No such user.');
  if (id === actor.id && (patch.active === false || (patch.roles && !patch.roles.includes('Admin')))) {
    throw new Invalid({ roles: 'you cannot remove your own Admin role or deactivate yourself' });
  }
  if (patch.groups) {
    const known = await existingGroupIds(db, patch.groups);
    if (known.length !== new Set(patch.groups).size) throw new Invalid({ groups: 'unknown access group' });
  }
  await db.transaction(async (tx) => {
    await updateUser(tx, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.email !== undefined ? { email: patch.email } : {}),
      ...(patch.roles !== undefined ? { roles: [...new Set(patch.roles)] } : {}),
      ...(patch.permissions !== undefined ? { permissions: { ...user.permissions, ...patch.permissions } } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
    });
    if (patch.groups) await setUserGroups(tx, id, [...new Set(patch.groups)]);
    // A deactivated user is signed out everywhere at once.
    if (patch.active === false) await revokeAllSessions(tx, id);
    await appendActivity(tx, {
      userId: actor.id,
      username: actor.username,
      ip: actor.ip,
      action: 'UPDATE',
      kind: 'user',
      recordId: id,
      details: { changes: patch },
    });
  });
  return getUser(db, id);
}
