import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseDateInput } from '../../lib/dates.js';
import type { ModuleDeps } from '../index.js';
import { listActivity } from './activity.list.js';

const day = z
  .string()
  .max(40)
  .refine((v) => parseDateInput(v) !== null, 'a real date: YYYY-MM-DD or an ISO time with zone (year 1000 or later)');
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
