import type { ActingUser } from '../../http/actingUser.js';
import { isAdmin } from '../../http/actingUser.js';
import type { ExportRow } from './exports.repo.js';

/** Who may ask for an export (route rule `exporter`; the build job checks it again). */
export const mayExport = (u: ActingUser): boolean => isAdmin(u) || u.permissions.canExport;

/** The requester and Admins see an export; anyone else gets 404, as if it did not exist. */
export const maySeeExport = (u: ActingUser, row: ExportRow): boolean => isAdmin(u) || row.requesterId === u.id;

export function exportPermissions(u: ActingUser, row: ExportRow, now = new Date()) {
  const admin = isAdmin(u);
  const open = row.status === 'processing' || row.status === 'ready' || row.status === 'failed';
  return {
    approve: admin && row.status === 'pending',
    reject: admin && row.status === 'pending',
    changeExpiry: admin && open && (row.expiresAt === null || row.expiresAt > now),
    download: maySeeExport(u, row) && row.status === 'ready' && row.expiresAt !== null && row.expiresAt > now,
  };
}
