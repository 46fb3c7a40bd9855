import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { csrfTokenFor, safeEqual } from '../modules/auth/tokens.js';
import { ACCESS_RULES } from './access.js';
import type { ActingUser } from './actingUser.js';
import { AppError, Forbidden, Unauthenticated } from './errors.js';

export interface DeclaredRoute {
  method: string;
  url: string;
  access: string;
}

/** Every API route must declare `config.access`; registration fails otherwise (deny by default). */
export function requireAccessDeclarations(app: FastifyInstance): DeclaredRoute[] {
  const table: DeclaredRoute[] = [];
  app.addHook('onRoute', (route) => {
    // The OpenAPI document and its browser page are public by design.
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, access: 'public' };
    for (const method of [route.method].flat()) {
      table.push({ method: String(method), url: route.url, access: String(route.config?.access ?? '') });
    }
    if (!route.url.startsWith('/api/')) return;
    if (!route.config?.access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule`);
  });
  return table;
}

function originMatches(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** Authentication, route permission and CSRF check, before any handler runs (D2, S5). */
export function registerGuard(app: FastifyInstance, config: Config): void {
  // preValidation: refuse before the body is validated, so anonymous callers learn nothing from field errors.
  app.addHook('preValidation', async (request) => {
    const routeConfig = request.routeOptions.config;
    const access = routeConfig?.access;
    if (!request.url.startsWith('/api/') || !access) return;
    const isChange = request.method === 'POST';
    if (isChange && !originMatches(request)) throw new AppError('csrf', 'Cross-origin request refused.');
    if (access === 'public') return;
    const actor = request.actor;
    if (!actor) throw new Unauthenticated();
    if (isChange && routeConfig.csrf !== false) {
      const sent = request.headers['x-csrf-token'];
      const expected = csrfTokenFor(config.secrets.sessionKey, request.sessionTokenHash ?? '');
      if (typeof sent !== 'string' || !safeEqual(sent, expected)) {
        throw new AppError('csrf', 'Missing or invalid CSRF token. Reload the page and try again.');
      }
    }
    if (!ACCESS_RULES[access](actor)) throw new Forbidden();
  });
}

/** The signed-in user of a route that declared a non-public access rule. */
export function actorOf(request: FastifyRequest): ActingUser {
  if (!request.actor) throw new Unauthenticated();
  return request.actor;
}
