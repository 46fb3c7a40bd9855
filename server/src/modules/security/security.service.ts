import { and, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { sessions, users } from '../../db/schema/index.js';
import type { ActingUser } from '../../http/actingUser.js';
import { appendActivity } from '../activity/activity.repo.js';
import { notifyAdmins } from '../notifications/notifications.repo.js';
import {
  forgetCachedSecuritySettings,
  getSecuritySettings,
  saveSecuritySettings,
  type SecurityMode,
  type SecuritySettings,
} from './securitySettings.js';

/** Changes security settings (not the mode); logged with before and after. */
export async function updateSecuritySettings(
  db: Db,
  actor: ActingUser,
  patch: Partial<Omit<SecuritySettings, 'mode'>>,
): Promise<SecuritySettings> {
  const before = await getSecuritySettings(db);
  const after = { ...before, ...patch };
  await db.transaction(async (tx) => {
    await saveSecuritySettings(tx, after, actor.id);
    await appendActivity(tx, {
      userId: actor.id,
      username: actor.username,
      ip: actor.ip,
      action: 'SETTINGS_UPDATE',
      kind: 'settings',
      details: { key: 'security', before, after },
    });
  });
  forgetCachedSecuritySettings(db);
  return after;
}

/**
 * Switches the instance mode. "Admins only" ends every non-admin session at once; each switch
 * is logged and announced to the admins.
 */
export async function switchMode(db: Db, actor: ActingUser, mode: SecurityMode): Promise<SecuritySettings> {
  const before = await getSecuritySettings(db);
  const after = { ...before, mode };
  await db.transaction(async (tx) => {
    await saveSecuritySettings(tx, after, actor.id);
    let ended = 0;
    if (mode === 'adminsOnly') {
      const gone = await tx
        .update(sessions)
        .set({ revokedAt: new Date() })
        .where(
          and(
            isNull(sessions.revokedAt),
            sql`${sessions.userId} in (select id from ${users} where not ('Admin' = any(roles)))`,
          ),
        )
        .returning({ id: sessions.id });
      ended = gone.length;
    }
    await appendActivity(tx, {
      userId: actor.id,
      username: actor.username,
      ip: actor.ip,
      action: 'SECURITY_MODE',
      kind: 'settings',
      details: { from: before.mode, to: mode, sessionsEnded: ended },
    });
    await notifyAdmins(tx, {
      category: 'security',
      title: `Security mode changed to ${mode} by ${actor.username}`,
      urgent: mode !== 'normal',
    });
  });
  forgetCachedSecuritySettings(db);
  return after;
}
