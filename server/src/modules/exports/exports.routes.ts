import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/guard.js';
import type { ModuleDeps } from '../index.js';
import { registerExportJob } from './exports.build.js';
import { openExportDownload } from './exports.download.js';
import { exportExpiryTask } from './exports.expiry.js';
import {
  approveBody,
  expiryBody,
  exportIdParams,
  exportListQuery,
  exportRequestBody,
  MAX_EXPIRY_DAYS,
  MAX_EXPORT_IDS,
  rejectBody,
} from './exports.schemas.js';
import { approveExport, changeExpiry, getExport, listExports, rejectExport, requestExport } from './exports.service.js';

const tags = ['exports'];

/**
 * Exports (reference §6, D4, D7, A8): a user with canExport (or an Admin) asks; an Admin in
 * sudo mode approves or rejects; a job builds the file from what the requester may see at that
 * moment; the requester or an Admin downloads it until it expires; the expiry task deletes it.
 */
export function exportRoutes(app: FastifyInstance, { db, config, jobWorker, scheduler }: ModuleDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  registerExportJob(jobWorker, config);
  scheduler.register(exportExpiryTask(config));

  r.post(
    '/api/exports',
    {
      schema: {
        body: exportRequestBody,
        tags,
        summary: `Ask for an export of up to ${MAX_EXPORT_IDS} records (Admin or canExport) → 201, status pending. Ids you cannot see are refused as "not found", like missing ones. Instead of \`ids\`, \`search: {blocks}\` exports the results of an advanced search (as you see them).`,
      },
      config: { access: 'exporter' },
    },
    async (request, reply) => reply.status(201).send(await requestExport(db, actorOf(request), request.body)),
  );
  r.get(
    '/api/exports',
    {
      schema: { querystring: exportListQuery, tags, summary: 'Your exports, newest first (an Admin sees all).' },
      config: { access: 'exporter' },
    },
    (request) => listExports(db, actorOf(request), request.query),
  );
  r.get(
    '/api/exports/:id',
    {
      schema: { params: exportIdParams, tags, summary: 'One export (its requester or an Admin; 404 otherwise).' },
      config: { access: 'exporter' },
    },
    (request) => getExport(db, actorOf(request), request.params.id),
  );
  r.post(
    '/api/exports/:id/approve',
    {
      schema: {
        params: exportIdParams,
        body: approveBody,
        tags,
        summary: `Approve a pending export (Admin, needs re-authentication) → processing; downloadable for EXPORT_EXPIRY_HOURS (default ${config.files.exportExpiryHours}).`,
      },
      config: { access: 'admin', fresh: true },
    },
    (request) => approveExport(db, config, actorOf(request), request.params.id, request.body.comment),
  );
  r.post(
    '/api/exports/:id/reject',
    {
      schema: { params: exportIdParams, body: rejectBody, tags, summary: 'Reject a pending export (Admin).' },
      config: { access: 'admin' },
    },
    (request) => rejectExport(db, actorOf(request), request.params.id, request.body.comment),
  );
  r.post(
    '/api/exports/:id/expiry',
    {
      schema: {
        params: exportIdParams,
        body: expiryBody,
        tags,
        summary: `Move the expiry of an approved export (Admin, needs re-authentication): in the future, at most ${MAX_EXPIRY_DAYS} days ahead; not once expired (409).`,
      },
      config: { access: 'admin', fresh: true },
    },
    (request) => changeExpiry(db, actorOf(request), request.params.id, request.body.expiresAt),
  );
  r.get(
    '/api/exports/:id/download',
    {
      schema: {
        params: exportIdParams,
        tags,
        summary:
          'The file of a ready export (its requester or an Admin), as an attachment. 404 when it is not yours, not ready, or expired (the message says which of the last two).',
      },
      config: { access: 'exporter' },
    },
    async (request, reply) => {
      const file = await openExportDownload(db, config, actorOf(request), request.params.id);
      return reply
        .header('Content-Type', file.contentType)
        .header('Content-Length', String(file.bytes))
        .header('Content-Disposition', `attachment; filename="${file.fileName}"`)
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'no-store')
        .send(file.stream);
    },
  );
}
