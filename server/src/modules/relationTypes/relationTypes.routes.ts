import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../http/guard.js';
import { emptyBody, idParams } from '../../lib/vocabSchemas.js';
import { relationTypeCreateBody, relationTypeListQuery, relationTypeUpdateBody } from './relationTypes.schemas.js';
import {
  createRelationType,
  deleteRelationType,
  getRelationType,
  listRelationTypes,
  updateRelationType,
} from './relationTypes.service.js';

/** Relation types: reads for everyone signed in; only Admins change them (reference §3.3). */
export function relationTypeRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['relation-types'];

  r.get(
    '/api/relation-types',
    { schema: { querystring: relationTypeListQuery, tags }, config: { access: 'signedIn' } },
    async (request) => listRelationTypes(db, request.query),
  );
  r.get(
    '/api/relation-types/:id',
    { schema: { params: idParams, tags }, config: { access: 'signedIn' } },
    async (request) => getRelationType(db, request.params.id),
  );
  r.post(
    '/api/relation-types',
    { schema: { body: relationTypeCreateBody, tags }, config: { access: 'admin' } },
    async (request, reply) => reply.status(201).send(await createRelationType(db, actorOf(request), request.body)),
  );
  r.post(
    '/api/relation-types/:id/update',
    { schema: { params: idParams, body: relationTypeUpdateBody, tags }, config: { access: 'admin' } },
    async (request) => updateRelationType(db, actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/relation-types/:id/delete',
    { schema: { params: idParams, body: emptyBody, tags }, config: { access: 'admin' } },
    async (request) => {
      await deleteRelationType(db, actorOf(request), request.params.id);
      return { deleted: true, id: request.params.id };
    },
  );
}
