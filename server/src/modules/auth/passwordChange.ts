import type { Config } from '../../config.js';
import type { CounterStore } from '../../counters/counterStore.js';
import type { Db } from '../../db/client.js';
import type { ActingUser } from '../../http/actingUser.js';
import { Invalid, NotFound } from '../../http/errors.js';
import { appendActivity } from '../activity/activity.repo.js';
import { notifyUser } from '../notifications/notifications.repo.js';
import { findUserById, updateUser, type UserRow } from '../users/users.repo.js';
import { failAttempt, refuseIfLocked } from './auth.service.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { revokeAllSessions } from './sessions.repo.js';
import { refreshSession } from './signIn.js';

/**
 * Self-service change (also the forced change after an admin reset, A4). The current password
 * is the re-authentication; other sessions end and this one gets a new id (S2).
 */
export async function changeOwnPassword(
  db: Db,
  counters: CounterStore,
  config: Config,
  actor: ActingUser,
  body: { currentPassword: string; newPassword: string },
): Promise<{ user: UserRow; token: string; tokenHash: string }> {
  await refuseIfLocked(counters, actor.username, actor.ip);
  const user = await findUserById(db, actor.id);
  if (!user) throw new NotFound();
  if (!(await verifyPassword(user.passwordHash, body.currentPassword))) {
    await failAttempt(
      db,
      counters,
      config,
      { userId: user.id, username: user.username },
      { ip: actor.ip, userAgent: '' },
      'PASSWORD_CHANGE',
      'wrong current password',
    );
    throw new Invalid({ currentPassword: 'is not correct' });
  }
  const problem =
    body.newPassword === body.currentPassword
      ? 'must differ from the current password'
      : passwordProblem(body.newPassword, [user.username, user.name]);
  if (problem) throw new Invalid({ newPassword: problem });
  const passwordHash = await hashPassword(body.newPassword);
  await db.transaction(async (tx) => {
    await updateUser(tx, user.id, { passwordHash, mustChangePassword: false });
    await revokeAllSessions(tx, user.id, actor.sessionId);
    await appendActivity(tx, {
      userId: user.id,
      username: user.username,
      ip: actor.ip,
      action: 'PASSWORD_CHANGE',
      kind: 'user',
      recordId: user.id,
      details: { self: true },
    });
    await notifyUser(tx, user.id, {
      category: 'security',
      title: 'Your password was changed',
      message: 'Your other sessions were ended. If this was not you, tell an administrator now.',
    });
  });
  const fresh = await refreshSession(db, config, actor.sessionId);
  return { user: { ...user, passwordHash, mustChangePassword: false }, token: fresh.token, tokenHash: fresh.tokenHash };
}
