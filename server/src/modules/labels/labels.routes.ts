import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../http/guard.js';
import { emptyBody, idParams } from '../../lib/vocabSchemas.js';
import { labelCreateBody, labelListQuery, labelUpdateBody } from './labels.schemas.js';
import { createLabel, deleteLabel, getLabel, listLabels, updateLabel } from './labels.service.js';

/** Labels: reads for everyone signed in; Admins and Moderators edit; only Admins delete (reference §3.3). */
export function labelRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['labels'];

  r.get(
    '/api/labels',
    { schema: { querystring: labelListQuery, tags }, config: { access: 'signedIn' } },
    async (request) => listLabels(db, request.query),
  );
  r.get('/api/labels/:id', { schema: { params: idParams, tags }, config: { access: 'signedIn' } }, async (request) =>
    getLabel(db, request.params.id),
  );
  r.post(
    '/api/labels',
    { schema: { body: labelCreateBody, tags }, config: { access: 'vocabManager' } },
    async (request, reply) => reply.status(201).send(await createLabel(db, actorOf(request), request.body)),
  );
  r.post(
    '/api/labels/:id/update',
    { schema: { params: idParams, body: labelUpdateBody, tags }, config: { access: 'vocabManager' } },
    async (request) => updateLabel(db, actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/labels/:id/delete',
    { schema: { params: idParams, body: emptyBody, tags }, config: { access: 'admin' } },
    async (request) => {
      await deleteLabel(db, actorOf(request), request.params.id);
      return { deleted: true, id: request.params.id };
    },
  );
}
