import { lstat, readdir, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { FilesConfig } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { ScheduledTask } from '../../jobs/scheduler.js';
import { markPurged, neededStorageKeys, purgeCandidates } from './media.repo.js';
import { mediaPath, STORAGE_KEY } from './media.store.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const BATCH = 200;

/**
 * O5, every hour: deletes the files of media removed more than MEDIA_PURGE_DAYS ago (and marks
 * them purged), anything in tmpDir older than a day (abandoned uploads, temporary import files),
 * and files in mediaDir older than a day that no media row needs (an upload that crashed between
 * moving its file and committing). Idempotent: deleting a missing file is not an error, and the
 * purge mark is a conditional update.
 */
export function mediaCleanupTask(files: FilesConfig): ScheduledTask {
  return { name: 'media-cleanup', everyMs: HOUR, run: (db, now) => cleanupMedia(db, files, now) };
}

export async function cleanupMedia(db: Db, files: FilesConfig, now: Date): Promise<Record<string, number>> {
  return {
    purged: await purgeRemoved(db, files, new Date(now.getTime() - files.mediaPurgeDays * DAY), now),
    tmpRemoved: await sweepTmp(files.tmpDir, now.getTime() - DAY),
    orphansRemoved: await sweepOrphans(db, files.mediaDir, now.getTime() - DAY),
  };
}

async function purgeRemoved(db: Db, files: FilesConfig, before: Date, now: Date): Promise<number> {
  let purged = 0;
  for (;;) {
    const due = await purgeCandidates(db, before, BATCH);
    for (const row of due) {
      // The file first: a crash between the two leaves a row still due, never a forgotten file.
      if (STORAGE_KEY.test(row.storageKey)) await unlinkIfPresent(mediaPath(files, row.storageKey));
      if (await markPurged(db, row.id, now)) purged++;
    }
    if (due.length < BATCH) return purged;
  }
}

async function entriesOf(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

async function unlinkIfPresent(path: string): Promise<boolean> {
  try {
    await unlink(path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

/** Everything in tmpDir last modified before `cutoff` (files and folders a crashed import left). */
async function sweepTmp(dir: string, cutoff: number): Promise<number> {
  let removed = 0;
  for (const name of await entriesOf(dir)) {
    const path = join(dir, name);
    const info = await lstat(path).catch(() => null);
    if (!info || info.mtimeMs >= cutoff) continue;
    await rm(path, { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** Regular files in mediaDir, older than `cutoff`, that no live or not-yet-purged media row names. */
async function sweepOrphans(db: Db, dir: string, cutoff: number): Promise<number> {
  const old: string[] = [];
  for (const name of await entriesOf(dir)) {
    const info = await lstat(join(dir, name)).catch(() => null);
    if (info?.isFile() && info.mtimeMs < cutoff) old.push(name);
  }
  const needed = await neededStorageKeys(
    db,
    old.filter((n) => STORAGE_KEY.test(n)),
  );
  let removed = 0;
  for (const name of old) {
    if (needed.has(name)) continue;
    if (await unlinkIfPresent(join(dir, name))) removed++;
  }
  return removed;
}
