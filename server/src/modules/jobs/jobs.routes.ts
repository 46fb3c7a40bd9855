import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isAdmin } from '../../http/actingUser.js';
import { NotFound } from '../../http/errors.js';
import { actorOf } from '../../http/guard.js';
import { isoOrNull } from '../../lib/dates.js';
import { findJob } from '../../jobs/queue.js';
import type { ModuleDeps } from '../index.js';

const idParams = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647, 'is not a valid id') });

/** Progress of a background job; only its owner (or an Admin) may see it. */
export function jobRoutes(app: FastifyInstance, { db }: ModuleDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/jobs/:id',
    { schema: { params: idParams, tags: ['jobs'] }, config: { access: 'signedIn', silent: true } },
    async (request) => {
      const actor = actorOf(request);
      const job = await findJob(db, request.params.id);
      if (!job || (job.userId !== actor.id && !isAdmin(actor))) throw new NotFound('No such job.');
      return {
        id: job.id,
        kind: job.kind,
        status: job.status,
        progress: job.progress,
        total: job.total,
        result: job.result,
        error:
          job.status === 'failed' ? 'The job failed. An administrator can find the reason in the server log.' : null,
        createdAt: isoOrNull(job.createdAt),
        finishedAt: isoOrNull(job.finishedAt),
      };
    },
  );
}
