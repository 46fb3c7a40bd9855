import type { ActingUser } from '../../http/actingUser.js';
import { isAdmin } from '../../http/actingUser.js';
import type { UserRow } from './users.repo.js';

export interface UserJson {
  id: number;
  username: string;
  name: string;
  email: string | null;
  roles: string[];
  groups: { id: number; name: string }[];
  permissions: UserRow['permissions'];
  active: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
}

export function presentUser(row: UserRow, groups: { id: number; name: string }[]): UserJson {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    email: row.email,
    roles: row.roles,
    groups,
    permissions: row.permissions,
    active: row.active,
    mustChangePassword: row.mustChangePassword,
    lastLoginAt: row.lastLoginAt ? row.lastLoginAt.toISOString() : null,
  };
}

export interface UserRef {
  id: number;
  name: string;
}

/** Another user as the viewer may see them: without viewUsernames they are "user-<id>". */
export function presentUserRef(
  viewer: ActingUser,
  id: number | null,
  names: Map<number, { username: string; name: string }>,
): UserRef | null {
  if (id === null) return null;
  if (viewer.id !== id && !isAdmin(viewer) && !viewer.permissions.viewUsernames) return { id, name: `user-${id}` };
  const found = names.get(id);
  return { id, name: found ? found.name || found.username : `user-${id}` };
}
