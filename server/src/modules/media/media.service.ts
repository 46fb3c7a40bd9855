import type { FilesConfig } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { ActingUser } from '../../http/actingUser.js';
import { AppError, Conflict, Invalid, NotFound } from '../../http/errors.js';
import { isUniqueViolation } from '../../lib/pgErrors.js';
import { appendActivity } from '../activity/activity.repo.js';
import { RECORD_KIND_MODULES } from '../recordKinds.js';
import { cleanFileName } from './media.names.js';
import { mustUpdateParent, visibleParent } from './media.policy.js';
import { presentMedia, type MediaJson } from './media.presenter.js';
import {
  findAttachedDuplicate,
  findLiveMedia,
  insertMedia,
  isMediaCategory,
  listLiveMedia,
  mediaLookups,
  parentOf,
  updateMediaRow,
  visibleHolders,
  type Holder,
  type MediaParentKind,
  type MediaRow,
} from './media.repo.js';
import { uploadFields, type MediaUpdate } from './media.schemas.js';
import { checkFileType } from './media.sniff.js';
import { mediaPath, moveIntoStore, newStorageKey, removeQuietly } from './media.store.js';
import type { Upload } from './media.upload.js';
import { DEFAULT_ZIP_LIMITS } from './media.zip.js';

async function present(db: Db, actor: ActingUser, list: MediaRow[]): Promise<MediaJson[]> {
  const look = await mediaLookups(db, list);
  return list.map((m) => presentMedia(actor, m, look));
}

/** A live media whose parent the user may see; 404 otherwise (the same answer for both). */
export async function loadVisibleMedia(db: Db, actor: ActingUser, id: number): Promise<MediaRow> {
  const row = await findLiveMedia(db, id);
  if (!row) throw new NotFound('Media not found.');
  const parent = parentOf(row);
  // A hidden parent gets the same answer as a missing media, not "Bulletin not found.".
  await visibleParent(db, actor, parent.kind, parent.id).catch((err: unknown) => {
    throw err instanceof NotFound ? new NotFound('Media not found.') : err;
  });
  return row;
}

export async function listMedia(db: Db, actor: ActingUser, kind: MediaParentKind, recordId: number) {
  await visibleParent(db, actor, kind, recordId);
  return { items: await present(db, actor, await listLiveMedia(db, kind, recordId)) };
}

export async function getMedia(db: Db, actor: ActingUser, id: number): Promise<MediaJson> {
  const [json] = await present(db, actor, [await loadVisibleMedia(db, actor, id)]);
  return json as MediaJson;
}

async function checkCategory(db: Db, categoryId: number | null | undefined): Promise<void> {
  if (categoryId != null && !(await isMediaCategory(db, categoryId)))
    throw new Invalid({ categoryId: 'is not a media category' });
}

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${bytes} bytes`;

const who = (actor: ActingUser) => ({ userId: actor.id, username: actor.username, ip: actor.ip });

/**
 * Attaches an uploaded file (already streamed to tmpDir and hashed) to a bulletin or actor:
 * size, type and archive checks, duplicate check, then row + revision + activity in one
 * transaction, with the file moved into the store inside it. Whatever fails, the temporary file
 * is removed and a moved file is taken back out, so no row is left without its file or the reverse.
 */
export async function attachMedia(
  db: Db,
  files: FilesConfig,
  actor: ActingUser,
  kind: MediaParentKind,
  recordId: number,
  upload: Upload,
): Promise<{ media: MediaJson; alsoHeldBy: Holder[] }> {
  let storedAt: string | null = null;
  try {
    if (upload.tooLarge)
      throw new AppError(
        'payload_too_large',
        `The file is larger than the upload limit of ${sizeText(files.mediaMaxBytes)}.`,
      );
    const parsed = uploadFields.safeParse(upload.fields);
    if (!parsed.success)
      throw new Invalid(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || 'body', i.message])));
    if (upload.sizeBytes === 0) throw new Invalid({ file: 'is empty' });
    await checkCategory(db, parsed.data.categoryId);
    const fileName = cleanFileName(upload.fileName);
    const type = await checkFileType(upload.tmpPath, fileName, upload.declared, {
      ...DEFAULT_ZIP_LIMITS,
      maxUncompressedBytes: files.zipMaxUncompressedBytes ?? DEFAULT_ZIP_LIMITS.maxUncompressedBytes,
    });
    const noun = RECORD_KIND_MODULES[kind].noun;
    const duplicate = await findAttachedDuplicate(db, kind, recordId, upload.sha256);
    if (duplicate)
      throw new Conflict(`This file is already attached to this ${noun} as media #${duplicate.id}.`, {
        file: `already attached as media ${duplicate.id}`,
      });
    const alsoHeldBy = await visibleHolders(db, actor, upload.sha256, { kind, id: recordId });
    const key = newStorageKey(type.exts[0] as string);
    const row = await db.transaction(async (tx) => {
      const inserted = await insertMedia(tx, {
        bulletinId: kind === 'bulletin' ? recordId : null,
        actorId: kind === 'actor' ? recordId : null,
        storageKey: key,
        originalName: fileName,
        mimeType: type.mime,
        sizeBytes: upload.sizeBytes,
        sha256: upload.sha256,
        title: parsed.data.title ?? '',
        titleAr: parsed.data.titleAr ?? '',
        categoryId: parsed.data.categoryId ?? null,
        uploadedById: actor.id,
      });
      const details = { media: { added: inserted.id, sha256: upload.sha256, mimeType: type.mime } };
      await RECORD_KIND_MODULES[kind].recordChange(
        tx,
        actor,
        recordId,
        'UPDATE',
        `Attached media: ${fileName}`,
        details,
      );
      await appendActivity(tx, {
        ...who(actor),
        action: 'MEDIA_UPLOAD',
        kind: 'media',
        recordId: inserted.id,
        details: {
          record: { kind, id: recordId },
          sha256: upload.sha256,
          sizeBytes: upload.sizeBytes,
          mimeType: type.mime,
        },
      });
      storedAt = mediaPath(files, key);
      await moveIntoStore(files, upload.tmpPath, key);
      return inserted;
    });
    const [json] = await present(db, actor, [row]);
    return { media: json as MediaJson, alsoHeldBy };
  } catch (err) {
    if (storedAt) await removeQuietly(storedAt);
    if (isUniqueViolation(err))
      throw new Conflict('This file is already attached to this record.', { file: 'already attached' });
    throw err;
  } finally {
    await removeQuietly(upload.tmpPath);
  }
}

export async function updateMedia(db: Db, actor: ActingUser, id: number, body: MediaUpdate): Promise<MediaJson> {
  const row = await loadVisibleMedia(db, actor, id);
  const parent = parentOf(row);
  await mustUpdateParent(db, actor, parent.kind, parent.id);
  await checkCategory(db, body.categoryId);
  const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as MediaUpdate;
  await db.transaction(async (tx) => {
    await updateMediaRow(tx, id, changes);
    await appendActivity(tx, {
      ...who(actor),
      action: 'MEDIA_UPDATE',
      kind: 'media',
      recordId: id,
      details: { record: parent, changed: Object.keys(changes) },
    });
  });
  return getMedia(db, actor, id);
}

/** Soft delete: the row stays (deleted, deletedAt); the cleanup job deletes the file after MEDIA_PURGE_DAYS. */
export async function deleteMedia(
  db: Db,
  actor: ActingUser,
  id: number,
  comment: string | undefined,
): Promise<{ id: number; deleted: true }> {
  const row = await loadVisibleMedia(db, actor, id);
  const parent = parentOf(row);
  await mustUpdateParent(db, actor, parent.kind, parent.id);
  await db.transaction(async (tx) => {
    await updateMediaRow(tx, id, { deleted: true, deletedAt: new Date() });
    await RECORD_KIND_MODULES[parent.kind].recordChange(
      tx,
      actor,
      parent.id,
      'UPDATE',
      comment || `Removed media: ${row.originalName}`,
      { media: { removed: id } },
    );
    await appendActivity(tx, {
      ...who(actor),
      action: 'MEDIA_DELETE',
      kind: 'media',
      recordId: id,
      details: { record: parent },
    });
  });
  return { id, deleted: true };
}

/** Logs a download (or inline view) of the bytes; the caller has already checked the rules. */
export async function logDownload(db: Db, actor: ActingUser, row: MediaRow, inline: boolean): Promise<void> {
  await db.transaction((tx) =>
    appendActivity(tx, {
      ...who(actor),
      action: inline ? 'MEDIA_VIEW' : 'MEDIA_DOWNLOAD',
      kind: 'media',
      recordId: row.id,
      details: { record: parentOf(row), sha256: row.sha256 },
    }),
  );
}
