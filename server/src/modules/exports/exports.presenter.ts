import type { ActingUser } from '../../http/actingUser.js';
import { isoOrNull } from '../../lib/dates.js';
import type { UserNames } from '../records/records.types.js';
import { presentUserRef } from '../users/users.presenter.js';
import { exportPermissions } from './exports.policy.js';
import type { ExportRow } from './exports.repo.js';

/** An export as the API shows it; `ids` only on the single read (a list of 30 could hold 300,000 ids). */
export function presentExport(viewer: ActingUser, row: ExportRow, names: UserNames, withIds = false) {
  return {
    id: row.id,
    kind: row.kind as 'bulletin' | 'actor' | 'incident',
    format: row.format as 'csv' | 'json',
    requestedCount: row.recordIds.length,
    ...(withIds ? { ids: row.recordIds } : {}),
    comment: row.comment,
    status: row.status,
    requester: presentUserRef(viewer, row.requesterId, names),
    approver: presentUserRef(viewer, row.approverId, names),
    decidedAt: isoOrNull(row.decidedAt),
    expiresAt: isoOrNull(row.expiresAt),
    itemCount: row.itemCount,
    fileBytes: row.fileBytes,
    sha256: row.fileSha256,
    error: row.error,
    createdAt: isoOrNull(row.createdAt),
    updatedAt: isoOrNull(row.updatedAt),
    permissions: exportPermissions(viewer, row),
  };
}
export type ExportJson = ReturnType<typeof presentExport>;

export const exportUserIds = (list: ExportRow[]): number[] =>
  list.flatMap((r) => [r.requesterId, r.approverId].filter((v): v is number => v !== null));
