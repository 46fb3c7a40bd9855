import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isAdmin } from '../../http/actingUser.js';
import { Forbidden } from '../../http/errors.js';
import { actorOf } from '../../http/guard.js';
import type { ModuleDeps } from '../index.js';
import { listSessions, revokeOne, revokeUserSessions } from './sessions.service.js';

const listQuery = z.strictObject({
  mine: z.enum(['1', 'true']).optional(),
  userId: z.coerce.number().int().positive().max(2_147_483_647, 'is not a valid id').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.coerce.number().int().positive().max(2_147_483_647, 'is not a valid id').optional(),
});
const idParams = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647, 'is not a valid id') });

/** S4: users list and end their own sessions; admins list and end anyone's. */
export function sessionRoutes(app: FastifyInstance, { db, config }: ModuleDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['sessions'];
  r.get('/api/sessions', { schema: { querystring: listQuery, tags }, config: { access: 'signedIn' } }, (request) => {
    const actor = actorOf(request);
    const mine = request.query.mine !== undefined;
    if (!mine && !isAdmin(actor)) throw new Forbidden('Add ?mine=1 to list your own sessions.');
    return listSessions(db, config, actor, {
      userId: mine ? actor.id : request.query.userId,
      limit: request.query.limit,
      cursor: request.query.cursor,
    });
  });
  // Ending sessions is protective, so it works in read-only mode and needs no re-authentication.
  r.post(
    '/api/sessions/:id/revoke',
    { schema: { params: idParams, tags }, config: { access: 'signedIn', readOnlySafe: true } },
    async (request) => {
      await revokeOne(db, actorOf(request), request.params.id);
      return { ok: true };
    },
  );
  r.post(
    '/api/users/:id/sessions/revoke',
    { schema: { params: idParams, tags }, config: { access: 'admin', readOnlySafe: true } },
    async (request) => ({
      ended: await revokeUserSessions(db, actorOf(request), request.params.id),
    }),
  );
}
