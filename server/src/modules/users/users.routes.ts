import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/guard.js';
import type { ModuleDeps } from '../index.js';
import { getUser, listUsers, updateUserByAdmin } from './users.admin.js';
import { idParams, userCreateBody, userListQuery, userUpdateBody } from './users.schemas.js';
import { createUser } from './users.service.js';
import { adminResetPassword, unlockUser } from './users.security.js';
import { resetUserMfa } from '../mfa/enrolment.js';
import { z } from 'zod';

const resetBody = z.strictObject({
  password: z.string().min(1).max(1024),
  /** A4: a reset is temporary unless the admin says otherwise; the user must change it at next sign-in. */
  temporary: z.boolean().default(true),
});

export function userRoutes(app: FastifyInstance, { db, counters }: ModuleDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  r.get('/api/users', { schema: { querystring: userListQuery, tags }, config: { access: 'admin' } }, (request) =>
    listUsers(db, request.query),
  );
  r.get('/api/users/:id', { schema: { params: idParams, tags }, config: { access: 'admin' } }, (request) =>
    getUser(db, request.params.id),
  );
  // User management needs a recent re-authentication (A8).
  r.post(
    '/api/users',
    { schema: { body: userCreateBody, tags }, config: { access: 'admin', fresh: true } },
    async (request, reply) => {
      const user = await createUser(db, actorOf(request), request.body);
      return reply.status(201).send(await getUser(db, user.id));
    },
  );
  r.post(
    '/api/users/:id/update',
    { schema: { params: idParams, body: userUpdateBody, tags }, config: { access: 'admin', fresh: true } },
    (request) => updateUserByAdmin(db, actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/users/:id/unlock',
    { schema: { params: idParams, tags }, config: { access: 'admin', fresh: true } },
    async (request) => ({
      unlocked: await unlockUser(db, counters, actorOf(request), request.params.id),
    }),
  );
  r.post(
    '/api/users/:id/password',
    { schema: { params: idParams, body: resetBody, tags }, config: { access: 'admin', fresh: true } },
    async (request) => {
      await adminResetPassword(db, actorOf(request), request.params.id, request.body.password, request.body.temporary);
      return getUser(db, request.params.id);
    },
  );
  r.post(
    '/api/users/:id/mfa/reset',
    { schema: { params: idParams, tags }, config: { access: 'admin', fresh: true } },
    async (request) => {
      await resetUserMfa(db, actorOf(request), request.params.id);
      return getUser(db, request.params.id);
    },
  );
}
