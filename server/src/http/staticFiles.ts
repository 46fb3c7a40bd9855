import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { NotFound } from './errors.js';
import { isApiRequest } from './apiPath.js';

/** Serves the built web app; unknown non-API GETs get index.html so deep links work. */
export async function registerStaticFiles(app: FastifyInstance, webDist: string): Promise<void> {
  app.get('/robots.txt', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/plain; charset=utf-8').send('User-agent: *\nDisallow: /\n'),
  );
  const hasWeb = existsSync(join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !isApiRequest(request);
    if (isPage && hasWeb) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    if (isPage) {
      return reply
        .type('text/plain; charset=utf-8')
        .status(404)
        .send('The web app is not built. Run `npm start` (or `npm run build`).');
    }
    throw new NotFound('No such endpoint.');
  });
}
