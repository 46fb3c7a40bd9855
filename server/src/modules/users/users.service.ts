import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.js';
import type { UserPermissions } from '../../db/schema/users.js';
import type { ActingUser, Role } from '../../http/actingUser.js';
import { Conflict, Invalid, NotFound } from '../../http/errors.js';
import { appendActivity } from '../activity/activity.repo.js';
import { hashPassword, passwordProblem } from '../auth/passwords.js';
import { revokeAllSessions } from '../auth/sessions.repo.js';
import { ALL_PERMISSIONS, DEFAULT_PERMISSIONS } from './users.permissions.js';
import {
  countAdmins,
  existingGroupIds,
  findUserById,
  findUserByUsername,
  groupsOfUser,
  insertUser,
  setUserGroups,
  updateUser,
  type UserRow,
} from './users.repo.js';

export const USERNAME_PATTERN = /^[A-Za-z0-9]{4,32}$/;

export interface NewUser {
  username: string;
  name?: string | undefined;
  email?: string | undefined;
  password: string;
  roles: Role[];
  groups?: number[] | undefined;
  permissions?: Partial<UserPermissions> | undefined;
  active?: boolean | undefined;
  mustChangePassword?: boolean | undefined;
}

/** Who performed a change: a signed-in user, or the command line. */
export type Performer = ActingUser | { cli: true; username: string };

export function performerFields(p: Performer): { userId: number | null; username: string; ip: string } {
  return 'cli' in p
    ? { userId: null, username: `cli:${p.username}`, ip: 'cli' }
    : { userId: p.id, username: p.username, ip: p.ip };
}

export async function createUser(db: Db, by: Performer, input: NewUser): Promise<UserRow> {
  const fields: Record<string, string> = {};
  if (!USERNAME_PATTERN.test(input.username)) fields.username = 'must be 4–32 letters or digits';
  const problem = passwordProblem(input.password, [input.username, input.name ?? '']);
  if (problem) fields.password = problem;
  if (Object.keys(fields).length) throw new Invalid(fields);

  const groups = [...new Set(input.groups ?? [])];
  const known = await existingGroupIds(db, groups);
  if (known.length !== groups.length) throw new Invalid({ groups: 'unknown access group' });

  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await findUserByUsername(tx, input.username))
      throw new Conflict('That username is taken.', { username: 'already taken' });
    const row = await insertUser(tx, {
      username: input.username,
      name: input.name ?? input.username,
      email: input.email ?? null,
      passwordHash,
      roles: [...new Set(input.roles)],
      permissions: { ...DEFAULT_PERMISSIONS, ...(input.permissions ?? {}) },
      active: input.active ?? true,
      mustChangePassword: input.mustChangePassword ?? false,
    });
    await setUserGroups(tx, row.id, groups);
    await appendActivity(tx, {
      ...performerFields(by),
      action: 'CREATE',
      kind: 'user',
      recordId: row.id,
      details: { username: row.username, roles: row.roles, groups },
    });
    return row;
  });
}

/** Sets a new password (CLI reset or admin reset); ends the user's sessions. */
export async function setPassword(
  db: Db,
  by: Performer,
  userId: number,
  password: string,
  opts: { mustChange: boolean },
): Promise<void> {
  const user = await findUserById(db, userId);
  if (!user) throw new NotFound('No such user.');
  const problem = passwordProblem(password, [user.username, user.name]);
  if (problem) throw new Invalid({ password: problem });
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await updateUser(tx, userId, { passwordHash, mustChangePassword: opts.mustChange });
    await revokeAllSessions(tx, userId);
    await appendActivity(tx, {
      ...performerFields(by),
      action: 'PASSWORD_CHANGE',
      kind: 'user',
      recordId: userId,
      details: { username: user.username, forcedChange: opts.mustChange },
    });
  });
}

export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * First-run bootstrap: creates the first admin when none exists. Returns the generated
 * password (to print once) or null when an admin already existed or a password was given.
 */
export async function ensureFirstAdmin(
  db: Db,
  opts: { username: string; password: string | undefined },
): Promise<{ created: boolean; generatedPassword: string | null }> {
  if ((await countAdmins(db)) > 0) return { created: false, generatedPassword: null };
  const password = opts.password ?? generatePassword();
  await createUser(
    db,
    { cli: true, username: 'bootstrap' },
    {
      username: opts.username,
      name: 'Administrator',
      password,
      roles: ['Admin'],
      permissions: ALL_PERMISSIONS,
    },
  );
  return { created: true, generatedPassword: opts.password ? null : password };
}

export { groupsOfUser };
