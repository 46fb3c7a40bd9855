import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/guard.js';
import type { ModuleDeps } from '../index.js';
import { getUser, listUsers, updateUserByAdmin } from './users.admin.js';
import { idParams, userCreateBody, userListQuery, userUpdateBody } from './users.schemas.js';
import { createUser } from './users.service.js';

export function userRoutes(app: FastifyInstance, { db }: ModuleDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  r.get('/api/users', { schema: { querystring: userListQuery, tags }, config: { access: 'admin' } }, (request) =>
    listUsers(db, request.query),
  );
  r.get('/api/users/:id', { schema: { params: idParams, tags }, config: { access: 'admin' } }, (request) =>
    getUser(db, request.params.id),
  );
  r.post('/api/users', { schema: { body: userCreateBody, tags }, config: { access: 'admin' } }, async (request, reply) => {
    const user = await createUser(db, actorOf(request), request.body);
    return reply.status(201).send(await getUser(db, user.id));
  });
  r.post(
    '/api/users/:id/update',
    { schema: { params: idParams, body: userUpdateBody, tags }, config: { access: 'admin' } },
    (request) => updateUserByAdmin(db, actorOf(request), request.params.id, request.body),
  );
}
