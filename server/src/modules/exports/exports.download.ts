import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { ActingUser } from '../../http/actingUser.js';
import { NotFound } from '../../http/errors.js';
import { logExport } from './exports.activity.js';
import { exportPath } from './exports.files.js';
import { transitionExport } from './exports.repo.js';
import { loadVisibleExport } from './exports.service.js';

export interface ExportDownload {
  stream: Readable;
  fileName: string;
  contentType: string;
  bytes: number;
}

/**
 * The file of a ready export, for its requester or an Admin. Someone else's export is 404 as
 * if missing; an expired one is 404 with a message saying so (documented in the OpenAPI text).
 * Each download writes an activity row (D1).
 */
export async function openExportDownload(
  db: Db,
  config: Config,
  viewer: ActingUser,
  id: number,
): Promise<ExportDownload> {
  const row = await loadVisibleExport(db, viewer, id);
  const now = new Date();
  if (row.status === 'expired' || (row.expiresAt && row.expiresAt <= now))
    throw new NotFound('This export has expired and its file was deleted. Ask for a new export.');
  if (row.status !== 'ready' || !row.fileKey) throw new NotFound('This export is not ready to download.');
  const path = exportPath(config.files.exportDir, row.fileKey);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new NotFound('The file of this export is missing. Ask for a new export.');
  const fileKey = row.fileKey;
  await db.transaction(async (tx) => {
    // Touching the row in the transaction proves it is still ready and unexpired at this moment.
    const still = await transitionExport(tx, id, ['ready'], {});
    if (!still || still.fileKey !== fileKey) throw new NotFound('This export is not ready to download.');
    await logExport(tx, viewer, 'EXPORT_DOWNLOAD', id, { sha256: row.fileSha256, bytes: row.fileBytes });
  });
  return {
    stream: createReadStream(path),
    fileName: `dalil-export-${id}.${row.format === 'json' ? 'json' : 'csv'}`,
    contentType: row.format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
    bytes: info.size,
  };
}
