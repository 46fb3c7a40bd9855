import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../http/guard.js';
import { emptyBody, idParams } from '../../lib/vocabSchemas.js';
import { sourceCreateBody, sourceListQuery, sourceUpdateBody } from './sources.schemas.js';
import { createSource, deleteSource, getSource, listSources, updateSource } from './sources.service.js';

/** Sources: reads for everyone signed in; Admins and Moderators edit; only Admins delete (reference §3.3). */
export function sourceRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['sources'];

  r.get(
    '/api/sources',
    { schema: { querystring: sourceListQuery, tags }, config: { access: 'signedIn' } },
    async (request) => listSources(db, request.query),
  );
  r.get('/api/sources/:id', { schema: { params: idParams, tags }, config: { access: 'signedIn' } }, async (request) =>
    getSource(db, request.params.id),
  );
  r.post(
    '/api/sources',
    { schema: { body: sourceCreateBody, tags }, config: { access: 'vocabManager' } },
    async (request, reply) => reply.status(201).send(await createSource(db, actorOf(request), request.body)),
  );
  r.post(
    '/api/sources/:id/update',
    { schema: { params: idParams, body: sourceUpdateBody, tags }, config: { access: 'vocabManager' } },
    async (request) => updateSource(db, actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/sources/:id/delete',
    { schema: { params: idParams, body: emptyBody, tags }, config: { access: 'admin' } },
    async (request) => {
      await deleteSource(db, actorOf(request), request.params.id);
      return { deleted: true, id: request.params.id };
    },
  );
}
