import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../http/guard.js';
import { emptyBody } from '../../lib/vocabSchemas.js';
import {
  kindIdParams,
  kindParams,
  vocabTermCreateBody,
  vocabTermListQuery,
  vocabTermUpdateBody,
} from './vocabTerms.schemas.js';
import {
  createVocabTerm,
  deleteVocabTerm,
  getVocabTerm,
  listVocabTerms,
  updateVocabTerm,
} from './vocabTerms.service.js';

/** The small lookup lists: reads for everyone signed in; only Admins change them (reference §3.3). */
export function vocabTermRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['vocabularies'];

  r.get(
    '/api/vocab/:kind',
    { schema: { params: kindParams, querystring: vocabTermListQuery, tags }, config: { access: 'signedIn' } },
    async (request) => listVocabTerms(db, request.params.kind, request.query),
  );
  r.get(
    '/api/vocab/:kind/:id',
    { schema: { params: kindIdParams, tags }, config: { access: 'signedIn' } },
    async (request) => getVocabTerm(db, request.params.kind, request.params.id),
  );
  r.post(
    '/api/vocab/:kind',
    { schema: { params: kindParams, body: vocabTermCreateBody, tags }, config: { access: 'admin' } },
    async (request, reply) =>
      reply.status(201).send(await createVocabTerm(db, actorOf(request), request.params.kind, request.body)),
  );
  r.post(
    '/api/vocab/:kind/:id/update',
    { schema: { params: kindIdParams, body: vocabTermUpdateBody, tags }, config: { access: 'admin' } },
    async (request) => updateVocabTerm(db, actorOf(request), request.params.kind, request.params.id, request.body),
  );
  r.post(
    '/api/vocab/:kind/:id/delete',
    { schema: { params: kindIdParams, body: emptyBody, tags }, config: { access: 'admin' } },
    async (request) => {
      await deleteVocabTerm(db, actorOf(request), request.params.kind, request.params.id);
      return { deleted: true, id: request.params.id };
    },
  );
}
