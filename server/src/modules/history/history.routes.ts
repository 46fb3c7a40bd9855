import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/guard.js';
import type { ModuleDeps } from '../index.js';
import { RECORD_KIND_MODULES } from '../recordKinds.js';
import { recordIdParams } from '../records/records.schemas.js';
import { diffQuery, restoreBody, revisionParams } from './history.schemas.js';
import { historyDiff, recordHistory, restoreRevision } from './history.service.js';

/**
 * History of actors and incidents (bulletins serve theirs from their own module), and diff
 * and restore for all three kinds.
 */
export function historyRoutes(app: FastifyInstance, { db }: ModuleDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const mod of Object.values(RECORD_KIND_MODULES)) {
    const base = `/api/${mod.plural}/:id/history`;
    const tags = [mod.plural];
    if (mod.kind !== 'bulletin') {
      r.get(base, { schema: { params: recordIdParams, tags }, config: { access: 'signedIn' } }, (request) =>
        recordHistory(db, actorOf(request), mod.kind, request.params.id),
      );
    }
    r.get(
      `${base}/diff`,
      { schema: { params: recordIdParams, querystring: diffQuery, tags }, config: { access: 'signedIn' } },
      (request) => historyDiff(db, actorOf(request), mod.kind, request.params.id, request.query.from, request.query.to),
    );
    r.post(
      `${base}/:revisionId/restore`,
      { schema: { params: revisionParams, body: restoreBody, tags }, config: { access: 'recordWriter' } },
      (request) =>
        restoreRevision(
          db,
          actorOf(request),
          mod.kind,
          request.params.id,
          request.params.revisionId,
          request.body.comment,
        ),
    );
  }
}
