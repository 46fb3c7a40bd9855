import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/guard.js';
import type { ModuleDeps } from '../index.js';
import { recordDeleteBody, recordIdParams, recordListQuery } from '../records/records.schemas.js';
import { incidentCreateBody, incidentUpdateBody } from './incidents.schemas.js';
import { createIncident, deleteIncident, getIncident, listIncidents, updateIncident } from './incidents.service.js';

export function incidentRoutes(app: FastifyInstance, { db }: ModuleDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['incidents'];

  r.get(
    '/api/incidents',
    { schema: { querystring: recordListQuery, tags }, config: { access: 'signedIn' } },
    (request) => listIncidents(db, actorOf(request), request.query),
  );

  r.post(
    '/api/incidents',
    { schema: { body: incidentCreateBody, tags }, config: { access: 'recordWriter' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = await createIncident(db, { ...actor }, request.body);
      return reply.status(201).send(await getIncident(db, actor, id));
    },
  );

  r.get('/api/incidents/:id', { schema: { params: recordIdParams, tags }, config: { access: 'signedIn' } }, (request) =>
    getIncident(db, actorOf(request), request.params.id),
  );

  r.post(
    '/api/incidents/:id/update',
    { schema: { params: recordIdParams, body: incidentUpdateBody, tags }, config: { access: 'recordWriter' } },
    (request) => updateIncident(db, actorOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/incidents/:id/delete',
    { schema: { params: recordIdParams, body: recordDeleteBody, tags }, config: { access: 'admin' } },
    async (request) => {
      await deleteIncident(db, actorOf(request), request.params.id, request.body.comment);
      return { id: request.params.id, deleted: true };
    },
  );
}
