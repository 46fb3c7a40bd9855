import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../http/guard.js';
import { emptyBody, idParams } from '../../lib/vocabSchemas.js';
import { eventTypeCreateBody, eventTypeListQuery, eventTypeUpdateBody } from './eventTypes.schemas.js';
import {
  createEventType,
  deleteEventType,
  getEventType,
  listEventTypes,
  updateEventType,
} from './eventTypes.service.js';

/** Event types: reads for everyone signed in; Admins and Moderators edit; only Admins delete (reference §3.3). */
export function eventTypeRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['event-types'];

  r.get(
    '/api/event-types',
    { schema: { querystring: eventTypeListQuery, tags }, config: { access: 'signedIn' } },
    async (request) => listEventTypes(db, request.query),
  );
  r.get(
    '/api/event-types/:id',
    { schema: { params: idParams, tags }, config: { access: 'signedIn' } },
    async (request) => getEventType(db, request.params.id),
  );
  r.post(
    '/api/event-types',
    { schema: { body: eventTypeCreateBody, tags }, config: { access: 'vocabManager' } },
    async (request, reply) => reply.status(201).send(await createEventType(db, actorOf(request), request.body)),
  );
  r.post(
    '/api/event-types/:id/update',
    { schema: { params: idParams, body: eventTypeUpdateBody, tags }, config: { access: 'vocabManager' } },
    async (request) => updateEventType(db, actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/event-types/:id/delete',
    { schema: { params: idParams, body: emptyBody, tags }, config: { access: 'admin' } },
    async (request) => {
      await deleteEventType(db, actorOf(request), request.params.id);
      return { deleted: true, id: request.params.id };
    },
  );
}
