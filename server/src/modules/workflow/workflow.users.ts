import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import type { ActingUser, Role } from '../../http/actingUser.js';
import { isAdmin } from '../../http/actingUser.js';
import { groupsOfUser, findUserById } from '../users/users.repo.js';
import { presentUserRef, type UserRef } from '../users/users.presenter.js';

/** Another user as an ActingUser (current roles, groups and flags): for "could they see it" checks and jobs. */
export async function actingUserById(db: Db, id: number, ip = ''): Promise<ActingUser | null> {
  const user = await findUserById(db, id);
  if (!user || !user.active) return null;
  const groups = await groupsOfUser(db, id);
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    roles: user.roles as Role[],
    groupIds: groups.map((g) => g.id),
    permissions: user.permissions,
    sessionId: 0,
    ip,
  };
}

/**
 * Users who can own or review records (active Admins and DAs), for the assign and reviewer
 * pickers. Names follow the viewer's viewUsernames flag, like everywhere else.
 */
export async function assignableUsers(
  db: Db,
  viewer: ActingUser,
  q: string | undefined,
): Promise<{ items: (UserRef & { username?: string })[] }> {
  const found = await db
    .select({ id: users.id, username: users.username, name: users.name })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        sql`(${users.roles} && array['Admin','DA']::text[])`,
        q ? sql`(${users.username} ilike ${`%${q}%`} or ${users.name} ilike ${`%${q}%`})` : undefined,
      ),
    )
    .orderBy(asc(users.username))
    .limit(50);
  const names = new Map(found.map((u) => [u.id, { username: u.username, name: u.name }]));
  const showNames = isAdmin(viewer) || viewer.permissions.viewUsernames;
  return {
    items: found.map((u) => ({
      ...(presentUserRef(viewer, u.id, names) as UserRef),
      ...(showNames || u.id === viewer.id ? { username: u.username } : {}),
    })),
  };
}
