import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../http/guard.js';
import { emptyBody, idParams } from '../../lib/vocabSchemas.js';
import { locationCreateBody, locationListQuery, locationUpdateBody } from './locations.schemas.js';
import { createLocation, deleteLocation, getLocation, listLocations, updateLocation } from './locations.service.js';

/** Locations: reads for everyone signed in; Admins, Moderators and users with canEditLocations edit; only Admins delete. */
export function locationRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['locations'];

  r.get(
    '/api/locations',
    { schema: { querystring: locationListQuery, tags }, config: { access: 'signedIn' } },
    async (request) => listLocations(db, request.query),
  );
  r.get('/api/locations/:id', { schema: { params: idParams, tags }, config: { access: 'signedIn' } }, async (request) =>
    getLocation(db, request.params.id),
  );
  r.post(
    '/api/locations',
    { schema: { body: locationCreateBody, tags }, config: { access: 'locationEditor' } },
    async (request, reply) => reply.status(201).send(await createLocation(db, actorOf(request), request.body)),
  );
  r.post(
    '/api/locations/:id/update',
    { schema: { params: idParams, body: locationUpdateBody, tags }, config: { access: 'locationEditor' } },
    async (request) => updateLocation(db, actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/locations/:id/delete',
    { schema: { params: idParams, body: emptyBody, tags }, config: { access: 'admin' } },
    async (request) => {
      await deleteLocation(db, actorOf(request), request.params.id);
      return { deleted: true, id: request.params.id };
    },
  );
}
