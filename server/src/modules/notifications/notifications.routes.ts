import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFound } from '../../http/errors.js';
import { actorOf } from '../../http/guard.js';
import type { ModuleDeps } from '../index.js';
import { listNotifications, markAllRead, markRead } from './notifications.repo.js';

const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.coerce.number().int().positive().max(2_147_483_647, 'is not a valid id').optional(),
  unread: z.enum(['1', 'true', '0', 'false']).optional(),
});
const idParams = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647, 'is not a valid id') });

/** In-app notifications: each user reads and marks only their own. */
export function notificationRoutes(app: FastifyInstance, { db }: ModuleDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  r.get(
    '/api/notifications',
    { schema: { querystring: listQuery, tags }, config: { access: 'signedIn', silent: true } },
    (request) =>
      listNotifications(db, actorOf(request).id, {
        limit: request.query.limit,
        cursor: request.query.cursor,
        unread: request.query.unread === '1' || request.query.unread === 'true',
      }),
  );
  r.post(
    '/api/notifications/:id/read',
    { schema: { params: idParams, tags }, config: { access: 'signedIn', readOnlySafe: true } },
    async (request) => {
      if (!(await markRead(db, actorOf(request).id, request.params.id))) throw new NotFound();
      return { ok: true };
    },
  );
  r.post(
    '/api/notifications/read-all',
    { schema: { tags }, config: { access: 'signedIn', readOnlySafe: true } },
    async (request) => ({
      marked: await markAllRead(db, actorOf(request).id),
    }),
  );
}
