import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/guard.js';
import type { ModuleDeps } from '../index.js';
import { recordHistory } from '../history/history.service.js';
import {
  bulletinCreateBody,
  bulletinListQuery,
  bulletinUpdateBody,
  deleteBody,
  idParams,
} from './bulletins.schemas.js';
import { createBulletin, deleteBulletin, getBulletin, listBulletins, updateBulletin } from './bulletins.service.js';

export function bulletinRoutes(app: FastifyInstance, { db }: ModuleDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['bulletins'];

  r.get(
    '/api/bulletins',
    { schema: { querystring: bulletinListQuery, tags }, config: { access: 'signedIn' } },
    (request) => listBulletins(db, actorOf(request), request.query),
  );

  r.post(
    '/api/bulletins',
    { schema: { body: bulletinCreateBody, tags }, config: { access: 'recordWriter' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = await createBulletin(db, { ...actor }, request.body);
      return reply.status(201).send(await getBulletin(db, actor, id));
    },
  );

  r.get('/api/bulletins/:id', { schema: { params: idParams, tags }, config: { access: 'signedIn' } }, (request) =>
    getBulletin(db, actorOf(request), request.params.id),
  );

  r.post(
    '/api/bulletins/:id/update',
    { schema: { params: idParams, body: bulletinUpdateBody, tags }, config: { access: 'recordWriter' } },
    (request) => updateBulletin(db, actorOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/bulletins/:id/delete',
    { schema: { params: idParams, body: deleteBody, tags }, config: { access: 'admin' } },
    async (request) => {
      await deleteBulletin(db, actorOf(request), request.params.id, request.body.comment);
      return { id: request.params.id, deleted: true };
    },
  );

  r.get(
    '/api/bulletins/:id/history',
    { schema: { params: idParams, tags }, config: { access: 'signedIn' } },
    (request) => recordHistory(db, actorOf(request), 'bulletin', request.params.id),
  );
}
