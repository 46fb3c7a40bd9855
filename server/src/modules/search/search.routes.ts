import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/guard.js';
import type { ModuleDeps } from '../index.js';
import { searchIds, SearchTimedOut, searchTimeoutMs } from './search.engine.js';
import { presentSearchPage } from './search.present.js';
import { queueSearch, runSearchJob, searchResults } from './search.jobs.js';
import { createSavedSearch, deleteSavedSearch, listSavedSearches, updateSavedSearch } from './search.saved.js';
import { savedSearchCreate, savedSearchUpdate, searchBodies, type SearchRequest } from './search.schemas.js';

const idParams = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647, 'is not a valid id') });
const jobParams = z.strictObject({ jobId: z.coerce.number().int().positive().max(2_147_483_647, 'is not a valid id') });
const kindQuery = z.strictObject({ kind: z.enum(['bulletin', 'actor', 'incident']).optional() });

export function searchRoutes(app: FastifyInstance, { db, database, jobWorker }: ModuleDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['search'];
  jobWorker.register('search', runSearchJob);

  for (const kind of ['bulletin', 'actor', 'incident'] as const) {
    r.post(
      `/api/${kind}s/search`,
      { schema: { body: searchBodies[kind], tags: [`${kind}s`, ...tags] }, config: { access: 'signedIn' } },
      async (request, reply) => {
        const actor = actorOf(request);
        const body = request.body as SearchRequest;
        try {
          const timeoutMs = await searchTimeoutMs(db);
          // The timeout comes with the connections (no BEGIN / SET LOCAL / COMMIT per search);
          // only -1 (always in the background) is passed on.
          const searchDb = timeoutMs > 0 ? database.withStatementTimeout(timeoutMs) : db;
          const page = await searchIds(searchDb, actor, kind, body, { timeoutMs: timeoutMs === -1 ? -1 : 0 });
          return {
            items: await presentSearchPage(db, actor, kind, page.ids),
            nextCursor: page.nextCursor,
            total: page.total,
            ...(page.totalIsEstimate ? { totalIsEstimate: true } : {}),
            ...(page.fuzzy ? { fuzzy: true } : {}),
            ...(page.order ? { order: page.order } : {}),
          };
        } catch (e) {
          if (!(e instanceof SearchTimedOut)) throw e;
          const jobId = await queueSearch(db, actor, kind, body.blocks);
          return reply.status(202).send({ jobId });
        }
      },
    );
  }

  r.get(
    '/api/search-results/:jobId',
    { schema: { params: jobParams, tags }, config: { access: 'signedIn' } },
    (request) => searchResults(db, actorOf(request), request.params.jobId),
  );

  r.get(
    '/api/saved-searches',
    { schema: { querystring: kindQuery, tags }, config: { access: 'signedIn' } },
    (request) => listSavedSearches(db, actorOf(request), request.query.kind),
  );
  r.post(
    '/api/saved-searches',
    { schema: { body: savedSearchCreate, tags }, config: { access: 'signedIn' } },
    async (request, reply) => reply.status(201).send(await createSavedSearch(db, actorOf(request), request.body)),
  );
  r.post(
    '/api/saved-searches/:id/update',
    { schema: { params: idParams, body: savedSearchUpdate, tags }, config: { access: 'signedIn' } },
    (request) => updateSavedSearch(db, actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/saved-searches/:id/delete',
    { schema: { params: idParams, tags }, config: { access: 'signedIn' } },
    (request) => deleteSavedSearch(db, actorOf(request), request.params.id),
  );
}
