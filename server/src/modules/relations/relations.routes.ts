import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/guard.js';
import type { ModuleDeps } from '../index.js';
import { RECORD_KIND_MODULES } from '../recordKinds.js';
import { recordIdParams } from '../records/records.schemas.js';
import { relationBody, relationListQuery, relationRemoveBody } from './relations.schemas.js';
import { listRelations, relate, unrelate } from './relations.service.js';

/** Relations of bulletins, actors and incidents, the same three calls for each kind (API.md). */
export function relationRoutes(app: FastifyInstance, { db }: ModuleDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const mod of Object.values(RECORD_KIND_MODULES)) {
    const base = `/api/${mod.plural}/:id/relations`;
    const tags = [mod.plural, 'relations'];
    r.get(
      base,
      { schema: { params: recordIdParams, querystring: relationListQuery, tags }, config: { access: 'signedIn' } },
      (request) => listRelations(db, actorOf(request), { kind: mod.kind, id: request.params.id }, request.query),
    );
    r.post(
      base,
      { schema: { params: recordIdParams, body: relationBody, tags }, config: { access: 'recordWriter' } },
      (request) => relate(db, actorOf(request), { kind: mod.kind, id: request.params.id }, request.body),
    );
    r.post(
      `${base}/remove`,
      { schema: { params: recordIdParams, body: relationRemoveBody, tags }, config: { access: 'recordWriter' } },
      (request) => unrelate(db, actorOf(request), { kind: mod.kind, id: request.params.id }, request.body),
    );
  }
}
