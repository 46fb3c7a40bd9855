import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/guard.js';
import type { ModuleDeps } from '../index.js';
import { createGroup, listGroups } from './groups.service.js';

const groupBody = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100),
  description: z.string().trim().max(2000).optional(),
});

export function groupRoutes(app: FastifyInstance, { db }: ModuleDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['groups'];
  // Group names are not secret from members; the full list is for admins.
  r.get('/api/groups', { schema: { tags }, config: { access: 'admin' } }, async () => ({ items: await listGroups(db) }));
  r.post('/api/groups', { schema: { body: groupBody, tags }, config: { access: 'admin', fresh: true } }, async (request, reply) =>
    reply.status(201).send(await createGroup(db, actorOf(request), request.body)),
  );
}
