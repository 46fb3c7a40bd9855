import type { FastifyInstance } from 'fastify';
import { Invalid } from './errors.js';

/**
 * PostgreSQL text cannot hold NUL characters; refuse them at the door with a clear 400
 * instead of letting the database fail (and log the evidence text) with a 500.
 */
export function registerInputHygiene(app: FastifyInstance): void {
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    if (text.includes('\\u0000') || text.includes('\u0000')) {
      done(new Invalid({ body: 'must not contain NUL characters' }), undefined);
      return;
    }
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    try {
      done(null, JSON.parse(text) as unknown);
    } catch {
      done(new Invalid({ body: 'is not valid JSON' }, 'The request body is not valid JSON.'), undefined);
    }
  });
  app.addHook('onRequest', async (request) => {
    if (/%00/i.test(request.url)) throw new Invalid({ query: 'must not contain NUL characters' });
  });
}
