import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../index.js';
import { listActivity } from './activity.list.js';

const day = z
  .string()
  .max(40)
  .refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), 'YYYY-MM-DD or an ISO UTC time');
const query = z.strictObject({
  user: z.string().trim().min(1).max(64).optional(),
  action: z.string().trim().min(1).max(64).optional(),
  kind: z.string().trim().min(1).max(64).optional(),
  from: day.optional(),
  to: day.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(30),
  cursor: z.coerce.number().int().positive().max(2_147_483_647, 'is not a valid id').optional(),
});

export function activityRoutes(app: FastifyInstance, { db }: ModuleDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/activity',
    { schema: { querystring: query, tags: ['activity'] }, config: { access: 'admin' } },
    (request) => listActivity(db, request.query),
  );
}
