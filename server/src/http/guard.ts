import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { CounterStore } from '../counters/counterStore.js';
import { csrfTokenFor, safeEqual } from '../modules/auth/tokens.js';
import { ACCESS_RULES } from './access.js';
import type { ActingUser } from './actingUser.js';
import { AppError, Forbidden, Unauthenticated, Unavailable } from './errors.js';
import { COUNTED_ALONGSIDE, enforceRateLimit, FAIL_OPEN_WHEN_DOWN, ruleFor, startRateLimit } from './rateLimit.js';
import type { AuthState } from './session.js';
import { isApiRequest } from './apiPath.js';

export interface DeclaredRoute {
  method: string;
  url: string;
  access: string;
  fresh: boolean;
  csrf: boolean;
}

/** Every API route must declare `config.access`; registration fails otherwise (deny by default). */
export function requireAccessDeclarations(app: FastifyInstance): DeclaredRoute[] {
  const table: DeclaredRoute[] = [];
  app.addHook('onRoute', (route) => {
    // The OpenAPI document and its browser page are public by design.
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, access: 'public' };
    for (const method of [route.method].flat()) {
      table.push({
        method: String(method),
        url: route.url,
        access: String(route.config?.access ?? ''),
        fresh: route.config?.fresh === true,
        csrf: route.config?.csrf !== false,
      });
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

/** A half-signed-in session reaches only the routes that declare its state (A6, A4). */
function checkSessionState(auth: AuthState, allowIn: readonly string[]): void {
  if (auth.stage === 'mfa') {
    if (!allowIn.includes('mfa')) throw new AppError('mfa_required', 'Enter your second factor to continue.');
    return;
  }
  if (auth.mustChangePassword && !allowIn.includes('passwordChange')) {
    throw new AppError('password_change_required', 'Choose a new password to continue.');
  }
  if (auth.needsEnrolment && !auth.mustChangePassword && !allowIn.includes('enrol')) {
    throw new AppError('enrolment_required', 'Set up a second factor (authenticator app or security key) to continue.');
  }
}

/**
 * Authentication, session state, route permission, CSRF, read-only mode, re-authentication and
 * rate limits, before any handler runs (D2, S5, S6, A6, A8).
 */
declare module 'fastify' {
  interface FastifyRequest {
    /** A rate-limit count running alongside the request (COUNTED_ALONGSIDE). */
    rateCheck: Promise<Error | null> | null;
  }
}

let lastStoreDownWarning = 0;

export function registerGuard(app: FastifyInstance, config: Config, counters: CounterStore): void {
  app.decorateRequest('rateCheck', null);
  // preValidation: refuse before the body is validated, so anonymous callers learn nothing from field errors.
  app.addHook('preValidation', async (request) => {
    const routeConfig = request.routeOptions.config;
    const access = routeConfig?.access;
    // Every matched route that declares access is checked, whatever its URL looked like.
    if (!access || !isApiRequest(request)) return;
    const isChange = request.method === 'POST';
    if (isChange && !originMatches(request)) throw new AppError('csrf', 'Cross-origin request refused.');
    const rule = ruleFor(request);
    if (access === 'public') {
      if (rule) await enforceRateLimit(counters, rule, `ip:${request.ip}`, config.rateLimitScale);
      return;
    }
    const actor = request.actor;
    const auth = request.auth;
    if (!actor || !auth) throw new Unauthenticated();
    if (isChange && routeConfig.csrf !== false) {
      const sent = request.headers['x-csrf-token'];
      const expected = csrfTokenFor(config.secrets.sessionKey, request.sessionTokenHash ?? '');
      if (typeof sent !== 'string' || !safeEqual(sent, expected)) {
        throw new AppError('csrf', 'Missing or invalid CSRF token. Reload the page and try again.');
      }
    }
    checkSessionState(auth, routeConfig.allowIn ?? []);
    // Read-only mode still lets people sign in and out and manage their own sign-in (/api/auth/*).
    const readOnlySafe = routeConfig.readOnlySafe ?? (request.routeOptions.url ?? '').startsWith('/api/auth/');
    if (isChange && auth.settings.mode === 'readOnly' && !readOnlySafe) {
      throw new AppError(
        'read_only',
        'Dalil is in read-only mode: nothing can be changed until an administrator ends it.',
      );
    }
    if (!ACCESS_RULES[access](actor)) throw new Forbidden();
    if (routeConfig.fresh && !(auth.freshUntil && auth.freshUntil.getTime() > Date.now())) {
      throw new AppError('reauth_required', 'Confirm your password (and second factor) to continue.');
    }
    if (!rule) return;
    const subject = `user:${actor.id}`;
    // The counter store being down refuses the request, except for FAIL_OPEN_WHEN_DOWN rules.
    const letThrough = (err: unknown): boolean => {
      if (!(err instanceof Unavailable && FAIL_OPEN_WHEN_DOWN.has(rule))) return false;
      // Once a minute per process, not on every request of an outage.
      if (Date.now() - lastStoreDownWarning > 60_000) {
        lastStoreDownWarning = Date.now();
        request.log.warn({ rule }, 'rate-limit counter store unavailable; signed-in requests let through');
      }
      return true;
    };
    if (COUNTED_ALONGSIDE.has(rule)) {
      // Resolves to the refusal or null, never rejects: nothing waits on it until onSend.
      request.rateCheck = startRateLimit(counters, rule, subject, config.rateLimitScale).then((refusal) =>
        refusal && letThrough(refusal) ? null : refusal,
      );
    } else {
      await enforceRateLimit(counters, rule, subject, config.rateLimitScale).catch((err: unknown) => {
        if (!letThrough(err)) throw err;
      });
    }
  });

  // A count that ran alongside the request decides before anything is sent (S6).
  app.addHook('onSend', async (request, reply, payload) => {
    const pending = request.rateCheck;
    if (!pending) return payload;
    request.rateCheck = null;
    const refusal = await pending;
    // A request that already failed keeps its own error; the next one is refused from memory.
    if (refusal && reply.statusCode < 400) throw refusal;
    return payload;
  });
}

/** The signed-in user of a route that declared a non-public access rule. */
export function actorOf(request: FastifyRequest): ActingUser {
  if (!request.actor) throw new Unauthenticated();
  return request.actor;
}

/** The session state of a route that declared a non-public access rule. */
export function authOf(request: FastifyRequest): AuthState {
  if (!request.auth) throw new Unauthenticated();
  return request.auth;
}
