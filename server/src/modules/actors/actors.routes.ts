import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/guard.js';
import type { ModuleDeps } from '../index.js';
import { recordDeleteBody, recordIdParams, recordListQuery } from '../records/records.schemas.js';
import { ACTOR_OPTIONS } from './actors.options.js';
import { actorCreateBody, actorUpdateBody } from './actors.schemas.js';
import { createActor, deleteActor, getActor, listActors, updateActor } from './actors.service.js';

export function actorRoutes(app: FastifyInstance, { db }: ModuleDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['actors'];

  r.get('/api/actors', { schema: { querystring: recordListQuery, tags }, config: { access: 'signedIn' } }, (request) =>
    listActors(db, actorOf(request), request.query),
  );

  // The fixed option lists (reference §2.6) so the UI never hard-codes them.
  r.get('/api/actors/options', { schema: { tags }, config: { access: 'signedIn' } }, async () => ACTOR_OPTIONS);

  r.post(
    '/api/actors',
    { schema: { body: actorCreateBody, tags }, config: { access: 'recordWriter' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = await createActor(db, { ...actor }, request.body);
      return reply.status(201).send(await getActor(db, actor, id));
    },
  );

  r.get('/api/actors/:id', { schema: { params: recordIdParams, tags }, config: { access: 'signedIn' } }, (request) =>
    getActor(db, actorOf(request), request.params.id),
  );

  r.post(
    '/api/actors/:id/update',
    { schema: { params: recordIdParams, body: actorUpdateBody, tags }, config: { access: 'recordWriter' } },
    (request) => updateActor(db, actorOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/actors/:id/delete',
    { schema: { params: recordIdParams, body: recordDeleteBody, tags }, config: { access: 'admin' } },
    async (request) => {
      await deleteActor(db, actorOf(request), request.params.id, request.body.comment);
      return { id: request.params.id, deleted: true };
    },
  );
}
