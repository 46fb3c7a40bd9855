import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

/** H2: PUT, PATCH and DELETE are refused everywhere; GET reads and POST changes. */
export function registerMethodRefusal(app: FastifyInstance): void {
  const refuse = async () => {
    throw new AppError('method_not_allowed', 'Method not allowed. Use GET to read and POST to change.');
  };
  for (const url of ['/', '/*']) {
    app.route({
      method: ['PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'],
      url,
      config: { access: 'public' },
      schema: { hide: true },
      handler: refuse,
    });
  }
}
