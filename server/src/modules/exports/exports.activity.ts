import type { Db } from '../../db/client.js';
import type { ActingUser } from '../../http/actingUser.js';
import { appendActivity } from '../activity/activity.repo.js';

export type ExportAction =
  | 'EXPORT_REQUEST'
  | 'EXPORT_APPROVE'
  | 'EXPORT_REJECT'
  | 'EXPORT_EXPIRY'
  | 'EXPORT_READY'
  | 'EXPORT_FAILED'
  | 'EXPORT_DOWNLOAD'
  | 'EXPORT_EXPIRE';

/** The activity row of an export event (D1), inside the caller's transaction; `by` null = the server itself. */
export async function logExport(
  tx: Db,
  by: ActingUser | null,
  action: ExportAction,
  exportId: number,
  details: Record<string, unknown>,
): Promise<void> {
  await appendActivity(tx, {
    userId: by?.id ?? null,
    username: by?.username ?? 'system',
    ...(by ? { ip: by.ip } : {}),
    action,
    ...(action === 'EXPORT_FAILED' ? { outcome: 'FAILURE' as const } : {}),
    kind: 'export',
    recordId: exportId,
    details,
  });
}
