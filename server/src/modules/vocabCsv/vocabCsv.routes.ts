import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { ACCESS_RULES } from '../../http/access.js';
import type { ActingUser } from '../../http/actingUser.js';
import { Forbidden } from '../../http/errors.js';
import { actorOf } from '../../http/guard.js';
import { specOf, type CsvList } from './vocabCsv.lists.js';
import { csvImportBody, csvListParams, MAX_CSV_BYTES } from './vocabCsv.schemas.js';
import { exportList, importList } from './vocabCsv.service.js';

/** The signed-in user, if they may change `list` (exports and imports follow the list's write rule). */
function mayManage(request: FastifyRequest, list: CsvList): ActingUser {
  const actor = actorOf(request);
  const rule = specOf(list).access;
  if (rule === 'public' || !ACCESS_RULES[rule](actor)) throw new Forbidden();
  return actor;
}

/**
 * CSV export and import of every vocabulary list. The route is open to any signed-in user and
 * the list's own write rule (vocabManager, locationEditor or admin) is checked per request.
 */
export function vocabCsvRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['vocabularies'];

  r.get(
    '/api/vocab-csv/:list/export',
    { schema: { params: csvListParams, tags }, config: { access: 'signedIn' } },
    async (request, reply) => {
      const { list } = request.params;
      mayManage(request, list);
      const { csv } = await exportList(db, list);
      const date = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="dalil-${list}-${date}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );

  r.post(
    '/api/vocab-csv/:list/import',
    {
      schema: { params: csvListParams, body: csvImportBody, tags },
      config: { access: 'signedIn' },
      bodyLimit: MAX_CSV_BYTES * 2 + 1024,
    },
    async (request) => {
      const { list } = request.params;
      const actor = mayManage(request, list);
      return importList(db, actor, list, request.body.csv);
    },
  );
}
