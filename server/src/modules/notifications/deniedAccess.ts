import type { Db } from '../../db/client.js';
import type { ActingUser } from '../../http/actingUser.js';
import { appendActivity } from '../activity/activity.repo.js';
import { notifyAdmins } from './notifications.repo.js';

/**
 * For record modules: a user asked for a record that exists but is restricted to groups they are
 * not in. They get the same 404 as for a missing record; this writes a DENIED activity row and
 * tells the admins (urgent), as Bayanat does. Only admins ever see that the record exists.
 */
export async function reportDeniedAccess(
  db: Db,
  actor: ActingUser,
  target: { kind: string; recordId: number },
): Promise<void> {
  await db.transaction(async (tx) => {
    await appendActivity(tx, {
      userId: actor.id,
      username: actor.username,
      ip: actor.ip,
      action: 'VIEW',
      outcome: 'DENIED',
      kind: target.kind,
      recordId: target.recordId,
    });
    await notifyAdmins(tx, {
      category: 'access',
      title: `Denied access to restricted ${target.kind} ${target.recordId}`,
      message: `${actor.username} asked for ${target.kind} ${target.recordId}, which is restricted to groups they are not in.`,
      link: `/${target.kind}s/${target.recordId}`,
      urgent: true,
    });
  });
}
