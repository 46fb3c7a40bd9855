import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { ScheduledTask } from '../../jobs/scheduler.js';
import { logExport } from './exports.activity.js';
import { removeExportFile } from './exports.files.js';
import { deleteClosedBefore, dueForExpiry, liveFileKeys, stalePending, transitionExport } from './exports.repo.js';

/** Expired and rejected rows are deleted this long after their last change (D4); the activity log keeps the trail. */
export const EXPORT_ROW_RETENTION_DAYS = 30;
/** A request nobody approved or rejected in this time expires unbuilt. */
export const PENDING_MAX_DAYS = 30;
/** A file in the export directory that no export names is deleted once it is this old (a build may be writing it). */
const ORPHAN_AGE_MS = 86_400_000;
const DAY = 86_400_000;

async function expire(db: Db, id: number, from: 'processing' | 'ready' | 'failed' | 'pending') {
  const closed = await db.transaction(async (tx) => {
    const row = await transitionExport(tx, id, [from], { status: 'expired', fileKey: null });
    if (!row) return null;
    await logExport(tx, null, 'EXPORT_EXPIRE', id, { from });
    return row;
  });
  return closed !== null;
}

/**
 * D4, every 5 minutes: exports past their expiry lose their file and become `expired`; requests
 * left pending too long expire; expired and rejected rows are deleted after the retention
 * period; stray files nobody names are removed. Idempotent: every change is conditional.
 */
export function exportExpiryTask(config: Config): ScheduledTask {
  return {
    name: 'export-expiry',
    everyMs: 5 * 60_000,
    async run(db, now) {
      let expired = 0;
      let filesDeleted = 0;
      for (const row of await dueForExpiry(db, now)) {
        // Row first, then file: once the row says expired nobody can start a download of it.
        if (await expire(db, row.id, row.status as 'processing' | 'ready' | 'failed')) {
          expired++;
          if (row.fileKey) {
            await removeExportFile(config.files.exportDir, row.fileKey);
            filesDeleted++;
          }
        }
      }
      for (const row of await stalePending(db, new Date(now.getTime() - PENDING_MAX_DAYS * DAY))) {
        if (await expire(db, row.id, 'pending')) expired++;
      }
      const rowsDeleted = (await deleteClosedBefore(db, new Date(now.getTime() - EXPORT_ROW_RETENTION_DAYS * DAY)))
        .length;
      const orphansDeleted = await deleteOrphans(db, config.files.exportDir, now);
      return { expired, filesDeleted, rowsDeleted, orphansDeleted };
    },
  };
}

async function deleteOrphans(db: Db, dir: string, now: Date): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  const live = await liveFileKeys(db);
  let deleted = 0;
  for (const name of names) {
    if (live.has(name)) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile() || now.getTime() - info.mtimeMs < ORPHAN_AGE_MS) continue;
    await rm(path, { force: true });
    deleted++;
  }
  return deleted;
}
