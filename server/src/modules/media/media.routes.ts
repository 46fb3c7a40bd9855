import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Forbidden, NotFound } from '../../http/errors.js';
import { actorOf } from '../../http/guard.js';
import type { ModuleDeps } from '../index.js';
import { RECORD_KIND_MODULES } from '../recordKinds.js';
import { recordIdParams } from '../records/records.schemas.js';
import { allowedType } from './media.allowlist.js';
import { mediaCleanupTask } from './media.cleanup.js';
import { contentDisposition, downloadName } from './media.names.js';
import { mayDownloadMedia, mustUpdateParent } from './media.policy.js';
import type { MediaParentKind } from './media.repo.js';
import { fileQuery, mediaDeleteBody, mediaIdParams, mediaUpdateBody } from './media.schemas.js';
import {
  attachMedia,
  deleteMedia,
  getMedia,
  listMedia,
  loadVisibleMedia,
  logDownload,
  updateMedia,
} from './media.service.js';
import { mediaPath } from './media.store.js';
import { readUpload } from './media.upload.js';

const PARENTS: readonly MediaParentKind[] = ['bulletin', 'actor'];

/** A stored file is served as an opaque download that can run nothing, even if opened directly. */
const FILE_CSP = "sandbox; default-src 'none'";

/**
 * Media attached to bulletins and actors (reference §2.10; D6 uploads, O5 cleanup). Reads follow
 * the parent's visibility, changes the parent's update rule, the bytes also canAccessMedia.
 * Registered in its own scope so the multipart parser exists only for the upload routes.
 */
export async function mediaRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const { db, config } = deps;
  const files = config.files;
  deps.scheduler.register(mediaCleanupTask(files));

  await app.register(async (scope) => {
    // Size limits are applied per upload (media.upload.ts); an oversized part is cut and reported as 413 by us.
    await scope.register(multipart, { throwFileSizeLimit: false });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    for (const kind of PARENTS) {
      const { plural, noun } = RECORD_KIND_MODULES[kind];
      const tags = [plural, 'media'];
      r.get(
        `/api/${plural}/:id/media`,
        {
          schema: { params: recordIdParams, tags, summary: `Media attached to the ${noun} (visible ${noun}s only).` },
          config: { access: 'signedIn' },
        },
        (request) => listMedia(db, actorOf(request), kind, request.params.id),
      );
      r.post(
        `/api/${plural}/:id/media`,
        {
          schema: {
            params: recordIdParams,
            tags,
            summary: `Attach a file to the ${noun}: multipart/form-data with one part "file" and optional fields title, titleAr, categoryId (a media-categories term). Same rule as updating the ${noun}. 413 over MEDIA_MAX_MB; 415 for a type outside the allowlist, a declared type or extension that does not match the content, or a refused archive; 409 when the same file is already attached (the message names the media id). The answer lists other visible records holding the same file (alsoHeldBy).`,
          },
          config: { access: 'recordWriter' },
        },
        async (request, reply) => {
          const actor = actorOf(request);
          const { id } = request.params;
          // Refuse before reading the body when the caller may not change this record.
          await mustUpdateParent(db, actor, kind, id);
          const upload = await readUpload(request, files);
          return reply.status(201).send(await attachMedia(db, files, actor, kind, id, upload));
        },
      );
    }

    r.get(
      '/api/media/:id',
      {
        schema: {
          params: mediaIdParams,
          tags: ['media'],
          summary: 'Media metadata (the parent record must be visible).',
        },
        config: { access: 'signedIn' },
      },
      (request) => getMedia(db, actorOf(request), request.params.id),
    );

    r.get(
      '/api/media/:id/file',
      {
        schema: {
          params: mediaIdParams,
          querystring: fileQuery,
          tags: ['media'],
          summary:
            'The file itself, as an attachment (`?inline=1` shows images, PDF, audio and video in the browser). Parent visible (else 404) and canAccessMedia or Admin (else 403). Logged.',
        },
        config: { access: 'signedIn' },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const row = await loadVisibleMedia(db, actor, request.params.id);
        if (!mayDownloadMedia(actor))
          throw new Forbidden('Downloading media files needs the "access media" permission.');
        const type = allowedType(row.mimeType);
        const inline = request.query.inline === '1' && (type?.inline ?? false);
        const path = mediaPath(files, row.storageKey);
        const info = await stat(path).catch(() => null);
        if (!info?.isFile()) throw new NotFound('The file of this media is missing from the store.');
        await logDownload(db, actor, row, inline);
        return reply
          .header('content-type', row.mimeType)
          .header('content-length', String(info.size))
          .header('content-disposition', contentDisposition(downloadName(row.originalName, type), inline))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', FILE_CSP)
          .header('cache-control', 'private, no-store')
          .send(createReadStream(path));
      },
    );

    r.post(
      '/api/media/:id/update',
      {
        schema: {
          params: mediaIdParams,
          body: mediaUpdateBody,
          tags: ['media'],
          summary: 'Change title, Arabic title or category. Same rule as updating the parent record.',
        },
        config: { access: 'recordWriter' },
      },
      (request) => updateMedia(db, actorOf(request), request.params.id, request.body),
    );

    r.post(
      '/api/media/:id/delete',
      {
        schema: {
          params: mediaIdParams,
          body: mediaDeleteBody,
          tags: ['media'],
          summary: `Remove a media (soft delete; the file is deleted after MEDIA_PURGE_DAYS). Same rule as updating the parent record.`,
        },
        config: { access: 'recordWriter' },
      },
      (request) => deleteMedia(db, actorOf(request), request.params.id, request.body?.comment),
    );
  });
}
