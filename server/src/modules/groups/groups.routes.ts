import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/guard.js';
import type { ModuleDeps } from '../index.js';
import { deleteGroup, groupDetail, setGroupMembers, updateGroup } from './groups.admin.js';
import { createGroup, listGroups } from './groups.service.js';

const groupBody = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100),
  description: z.string().trim().max(2000).optional(),
});
const groupPatch = groupBody.partial();
const idParams = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647, 'is not a valid id') });
const membersBody = z.strictObject({
  userIds: z.array(z.number().int().positive().max(2_147_483_647, 'is not a valid id')).max(10_000),
});

export function groupRoutes(app: FastifyInstance, { db }: ModuleDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['groups'];
  // Group names are not secret from members; the full list is for admins.
  r.get('/api/groups', { schema: { tags }, config: { access: 'admin' } }, async () => ({
    items: await listGroups(db),
  }));
  r.post(
    '/api/groups',
    { schema: { body: groupBody, tags }, config: { access: 'admin', fresh: true } },
    async (request, reply) => reply.status(201).send(await createGroup(db, actorOf(request), request.body)),
  );
  r.get('/api/groups/:id', { schema: { params: idParams, tags }, config: { access: 'admin' } }, (request) =>
    groupDetail(db, request.params.id),
  );
  r.post(
    '/api/groups/:id/update',
    { schema: { params: idParams, body: groupPatch, tags }, config: { access: 'admin', fresh: true } },
    (request) => updateGroup(db, actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/groups/:id/members',
    { schema: { params: idParams, body: membersBody, tags }, config: { access: 'admin', fresh: true } },
    (request) => setGroupMembers(db, actorOf(request), request.params.id, request.body.userIds),
  );
  r.post(
    '/api/groups/:id/delete',
    { schema: { params: idParams, tags }, config: { access: 'admin', fresh: true } },
    async (request) => {
      await deleteGroup(db, actorOf(request), request.params.id);
      return { id: request.params.id, deleted: true };
    },
  );
}
