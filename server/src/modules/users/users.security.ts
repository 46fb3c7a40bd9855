import type { CounterStore } from '../../counters/counterStore.js';
import type { Db } from '../../db/client.js';
import type { ActingUser } from '../../http/actingUser.js';
import { NotFound } from '../../http/errors.js';
import { appendActivity } from '../activity/activity.repo.js';
import { unlockUsername } from '../auth/throttle.js';
import { notifyUser } from '../notifications/notifications.repo.js';
import { findUserById } from './users.repo.js';
import { setPassword } from './users.service.js';

/** A5: an admin lifts a username's lockout (and its escalation). */
export async function unlockUser(db: Db, counters: CounterStore, admin: ActingUser, userId: number): Promise<boolean> {
  const user = await findUserById(db, userId);
  if (!user) throw new NotFound('No such user.');
  const unlocked = await unlockUsername(counters, user.username);
  await db.transaction((tx) =>
    appendActivity(tx, {
      userId: admin.id,
      username: admin.username,
      ip: admin.ip,
      action: 'UNLOCK',
      kind: 'user',
      recordId: userId,
      details: { username: user.username, wasLocked: unlocked },
    }),
  );
  return unlocked;
}

/** A4: admin sets a (normally temporary) password; every session of the user ends; MFA still applies. */
export async function adminResetPassword(
  db: Db,
  admin: ActingUser,
  userId: number,
  password: string,
  temporary: boolean,
): Promise<void> {
  await setPassword(db, admin, userId, password, { mustChange: temporary });
  await db.transaction((tx) =>
    notifyUser(tx, userId, { category: 'security', title: 'An administrator reset your password', urgent: true }),
  );
}
