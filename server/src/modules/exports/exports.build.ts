import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { ActingUser } from '../../http/actingUser.js';
import type { JobContext } from '../../jobs/worker.js';
import { CSV_BOM, csvLine } from '../../lib/csvCells.js';
import { presentAll as presentActors } from '../actors/actors.service.js';
import { loadActorAggregates } from '../actors/actors.repo.js';
import { logExport } from './exports.activity.js';
import { presentAll as presentBulletins } from '../bulletins/bulletins.service.js';
import { loadBulletinAggregates } from '../bulletins/bulletins.repo.js';
import { presentAll as presentIncidents } from '../incidents/incidents.service.js';
import { loadIncidentAggregates } from '../incidents/incidents.repo.js';
import { notifyUser } from '../notifications/notifications.repo.js';
import type { RecordKind } from '../records/records.types.js';
import { actingUserById } from '../workflow/workflow.users.js';
import { csvHeader, csvRow } from './exports.csv.js';
import { HashingFileWriter, newFileKey, removeExportFile } from './exports.files.js';
import { mayExport } from './exports.policy.js';
import { findExport, transitionExport, visibleRecordIds, type ExportRow } from './exports.repo.js';

export const EXPORT_JOB = 'export-build';
/** Records loaded and presented per query round (aggregates load in a few queries per batch, no N+1). */
const BATCH = 200;

/** Records as the API returns them, seen by `viewer` (names masked as for them, permissions theirs). */
const PRESENT: Record<RecordKind, (db: Db, viewer: ActingUser, ids: number[]) => Promise<{ id: number }[]>> = {
  bulletin: async (db, viewer, ids) => presentBulletins(db, viewer, await loadBulletinAggregates(db, ids)),
  actor: async (db, viewer, ids) => presentActors(db, viewer, await loadActorAggregates(db, ids)),
  incident: async (db, viewer, ids) => presentIncidents(db, viewer, await loadIncidentAggregates(db, ids)),
};

/** Reasons shown to the requester: short, no stack, nothing about records they cannot see. */
class BuildRefused extends Error {}

async function writeFile(
  ctx: JobContext,
  config: Config,
  row: ExportRow,
  requester: ActingUser,
): Promise<{ key: string; sha256: string; bytes: number; itemCount: number }> {
  const kind = row.kind as RecordKind;
  const format = row.format as 'csv' | 'json';
  const key = newFileKey(format);
  const out = await HashingFileWriter.open(config.files.exportDir, key);
  let itemCount = 0;
  try {
    await out.write(format === 'csv' ? CSV_BOM + csvLine(csvHeader(kind)) : '[');
    const ids = row.recordIds;
    for (let i = 0; i < ids.length; i += BATCH) {
      // Visibility is checked again now (D7): a record restricted or deleted since the request is left out.
      const visible = new Set(await visibleRecordIds(ctx.db, requester, kind, ids.slice(i, i + BATCH)));
      const batch = ids.slice(i, i + BATCH).filter((id) => visible.has(id));
      const records = await PRESENT[kind](ctx.db, requester, batch);
      const byId = new Map(records.map((r) => [r.id, r]));
      for (const id of batch) {
        const record = byId.get(id);
        if (!record) continue;
        await out.write(
          format === 'csv' ? csvLine(csvRow(kind, record)) : `${itemCount ? ',' : ''}\n${JSON.stringify(record)}`,
        );
        itemCount++;
      }
      await ctx.progress(Math.min(i + BATCH, ids.length), ids.length);
    }
    if (format === 'json') await out.write('\n]\n');
    const sha256 = await out.close();
    return { key, sha256, bytes: out.bytes, itemCount };
  } catch (err) {
    await out.abort();
    throw err;
  }
}

/**
 * The export job: builds the file as the requester (their visibility at generation time),
 * then marks the export ready. If the export expired or was changed meanwhile, the file is
 * discarded. Failures mark it failed with a short message (no stack).
 */
export async function buildExport(ctx: JobContext, config: Config): Promise<Record<string, unknown>> {
  const exportId = Number((ctx.job.payload as { exportId?: unknown }).exportId);
  const row = await findExport(ctx.db, exportId);
  if (!row || row.status !== 'processing') return { skipped: true };
  try {
    const requester = await actingUserById(ctx.db, row.requesterId);
    if (!requester) throw new BuildRefused('The requesting account is no longer active.');
    if (!mayExport(requester)) throw new BuildRefused('The requesting user may no longer export records.');
    const file = await writeFile(ctx, config, row, requester);
    const done = await ctx.db.transaction(async (tx) => {
      const ready = await transitionExport(tx, exportId, ['processing'], {
        status: 'ready',
        fileKey: file.key,
        fileSha256: file.sha256,
        fileBytes: file.bytes,
        itemCount: file.itemCount,
        error: null,
      });
      if (!ready) return null;
      await logExport(tx, null, 'EXPORT_READY', exportId, {
        itemCount: file.itemCount,
        bytes: file.bytes,
        sha256: file.sha256,
      });
      await notifyUser(tx, row.requesterId, {
        category: 'export',
        title: `Your export #${exportId} is ready to download`,
        link: `/exports/${exportId}`,
      });
      return ready;
    });
    if (!done) {
      // Expired (or otherwise closed) while we were writing: the file must not outlive its window.
      await removeExportFile(config.files.exportDir, file.key);
      return { skipped: true };
    }
    return { itemCount: file.itemCount };
  } catch (err) {
    const message =
      err instanceof BuildRefused
        ? err.message
        : 'The export could not be built. An administrator can check the server log.';
    await ctx.db.transaction(async (tx) => {
      const failed = await transitionExport(tx, exportId, ['processing'], { status: 'failed', error: message });
      if (!failed) return;
      await logExport(tx, null, 'EXPORT_FAILED', exportId, { error: message });
      await notifyUser(tx, row.requesterId, {
        category: 'export',
        title: `Your export #${exportId} failed`,
        message,
        link: `/exports/${exportId}`,
      });
    });
    if (err instanceof BuildRefused) return { failed: message };
    throw err;
  }
}

export function registerExportJob(
  worker: { register(kind: string, h: (ctx: JobContext) => Promise<Record<string, unknown>>): void },
  config: Config,
): void {
  worker.register(EXPORT_JOB, (ctx) => buildExport(ctx, config));
}
