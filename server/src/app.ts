import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { openCounterStore } from './counters/openCounterStore.js';
import type { Database } from './db/client.js';
import { registerErrorHandler } from './http/errorHandler.js';
import { registerGuard, requireAccessDeclarations } from './http/guard.js';
import { registerInputHygiene } from './http/inputHygiene.js';
import { registerMethodRefusal } from './http/methods.js';
import { registerSecurityHeaders } from './http/securityHeaders.js';
import { registerSessionLoader } from './http/session.js';
import { registerStaticFiles } from './http/staticFiles.js';
import { registerModules } from './modules/index.js';
import { JobWorker } from './jobs/worker.js';
import { Scheduler } from './jobs/scheduler.js';

export const VERSION = '0.1.0';

const API_DESCRIPTION = [
  'GET reads, POST changes. Errors are `{"error": {"code", "message", "requestId", "fields"?}}`.',
  '',
  'Error codes: `validation` 400, `unauthenticated` 401, `csrf` 403, `forbidden` 403, `not_found` 404,',
  '`method_not_allowed` 405, `conflict` 409, `payload_too_large` 413, `unsupported_media_type` 415,',
  '`rate_limited` 429 (with `Retry-After`), `internal` 500, `unavailable` 503 (with `Retry-After`: the Redis',
  'counter store does not answer, so sign-in and rate-limited requests are refused), and these security states:',
  '`mfa_required` 401 (password accepted; answer a second factor at `/api/auth/mfa/*`),',
  '`captcha_required` 401 (send `captcha` with the login after repeated failures),',
  '`enrolment_required` 403 (MFA is enforced: enrol at `/api/auth/mfa/*` first),',
  '`password_change_required` 403 (temporary password: `POST /api/auth/password` first),',
  '`reauth_required` 403 (sudo mode: `POST /api/auth/reauth`, then retry),',
  '`read_only` 403 (the instance is in read-only mode).',
].join('\n');

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its declared access rule, for the route-walk test. */
    routeTable: import('./http/guard.js').DeclaredRoute[];
    /** Runs background jobs; main.ts starts it, tests drain it. */
    jobWorker: import('./jobs/worker.js').JobWorker;
    scheduler: import('./jobs/scheduler.js').Scheduler;
  }
}

export interface AppDeps {
  config: Config;
  database: Database;
  logger?: boolean;
}

/** Builds the Fastify app; main.ts listens on it and tests inject into it. */
export async function buildApp({ config, database, logger = true }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('X-Request-Id', String(request.id));
  });

  registerErrorHandler(app);
  registerInputHygiene(app);
  const routeTable = requireAccessDeclarations(app);
  app.decorate('routeTable', routeTable);
  // Lockout and rate-limit counters (A5, S6): the database, or Redis when REDIS_URL is set.
  const counters = openCounterStore(config, database.db, (state, detail) => {
    if (state === 'down')
      app.log.error(
        { detail },
        'Redis counter store unreachable: refusing sign-in, second factors and re-authentication; signed-in users pass their rate limits',
      );
    else app.log.info('Redis counter store reachable again');
  });
  app.addHook('onClose', () => counters.close());
  await app.register(cookie);
  await registerSecurityHeaders(app, { tileHosts: config.mapTileHosts, recaptcha: config.recaptcha !== null });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Dalil API', version: VERSION, description: API_DESCRIPTION },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'dalil_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { deepLinking: false } });
  // swagger-ui registers its own routes; mark them public so the route walk accepts them.
  registerSessionLoader(app, config, database.db);
  registerGuard(app, config, counters);
  registerMethodRefusal(app);

  app.get('/api/health', { config: { access: 'public' }, schema: { tags: ['system'] } }, async (_req, reply) => {
    const up = (await database.ping()) && (await counters.ping());
    if (!up) return reply.status(503).send({ status: 'unavailable', version: VERSION });
    return { status: 'ok', version: VERSION };
  });

  // API.md names this address for the OpenAPI document.
  app.get('/api/docs/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  const jobWorker = new JobWorker(database.db);
  app.decorate('jobWorker', jobWorker);
  app.addHook('onClose', () => jobWorker.stop());
  const scheduler = new Scheduler(database.db, (msg, err) => app.log.error({ err }, msg));
  app.decorate('scheduler', scheduler);
  app.addHook('onClose', () => scheduler.stop());
  await registerModules(app, { db: database.db, config, database, counters, jobWorker, scheduler });
  await registerStaticFiles(app, config.webDist);
  return app;
}
