import type { FastifyRequest } from 'fastify';
import type { CounterStore } from '../counters/counterStore.js';
import { RateLimited } from './errors.js';

/**
 * S6: coarse fixed-window rate limits, counted in the counter store (the database, or Redis when
 * `REDIS_URL` is set) so every server process shares them and a restart does not reset them.
 * Login lockout (A5) is separate (auth/throttle.ts).
 */
export interface RateRule {
  max: number;
  windowSeconds: number;
}

export const RATE_RULES = {
  login: { max: 20, windowSeconds: 60 },
  mfa: { max: 10, windowSeconds: 60 },
  /** Session reads issue CSRF tokens. Polling once a minute stays far below. */
  session: { max: 120, windowSeconds: 60 },
  reauth: { max: 10, windowSeconds: 60 },
  search: { max: 60, windowSeconds: 60 },
  export: { max: 20, windowSeconds: 60 },
  import: { max: 20, windowSeconds: 60 },
} satisfies Record<string, RateRule>;
export type RateRuleName = keyof typeof RATE_RULES;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Rate limit rule of this route; search/export/import routes are also matched by path. */
    rateLimit?: RateRuleName;
  }
}

/** The rule for a request: the route's own, else one matched by path so no module can forget it. */
export function ruleFor(request: FastifyRequest): RateRuleName | null {
  const declared = request.routeOptions.config?.rateLimit;
  if (declared) return declared;
  const path = request.routeOptions.url ?? '';
  if (/\/exports?(\/|$)/.test(path)) return 'export';
  if (/\/imports?(\/|$)/.test(path)) return 'import';
  if (/\/search$/.test(path)) return 'search';
  const query = request.query as Record<string, unknown> | undefined;
  if (request.method === 'GET' && query && typeof query.q === 'string' && query.q !== '') return 'search';
  return null;
}

/** Counts one request for `subject` under `rule`; throws 429 with Retry-After when over. */
export async function enforceRateLimit(
  counters: CounterStore,
  name: RateRuleName,
  subject: string,
  scale = 1,
): Promise<void> {
  const rule: RateRule = { ...RATE_RULES[name], max: Math.max(1, Math.round(RATE_RULES[name].max * scale)) };
  // The window starts at the first request of the subject and lasts windowSeconds.
  const { count, resetsInMs } = await counters.hit(`${name}:${subject}`, rule.windowSeconds);
  if (count > rule.max) throw new RateLimited(resetsInMs / 1000, 'Too many requests. Try again later.');
}

/**
 * Rules whose count may run alongside the request instead of before it: reads with no lasting
 * effect (a search), where the counter's round trip would otherwise add to every request.
 */
export const COUNTED_ALONGSIDE: ReadonlySet<RateRuleName> = new Set<RateRuleName>(['search']);

/**
 * Request-rate rules of signed-in users that let requests through (logged) while the counter store
 * (Redis) is unreachable: the user already proved who they are, and sign-in, second factors and
 * re-authentication stay closed through the lockout counters, which always fail closed. Without
 * this an outage of Redis would stop every analyst's work, not only new sign-ins.
 */
export const FAIL_OPEN_WHEN_DOWN: ReadonlySet<RateRuleName> = new Set<RateRuleName>([
  'session',
  'search',
  'export',
  'import',
]);

/** Per counter store (one per app): subjects known to be over a limit, and when their window ends. */
const knownOverByStore = new WeakMap<CounterStore, Map<string, number>>();
const KNOWN_OVER_MAX = 10_000;

/**
 * Starts counting one request for `subject` and returns at once. The promise resolves to the error
 * to answer with (429, or 503 when the counter store is down) or null; the response waits for it
 * (see `registerGuard`), so the request over the limit is still refused. Its work was done once;
 * every later request of the window is refused here, from memory, before any work.
 */
export function startRateLimit(
  counters: CounterStore,
  name: RateRuleName,
  subject: string,
  scale = 1,
): Promise<Error | null> {
  const rule: RateRule = { ...RATE_RULES[name], max: Math.max(1, Math.round(RATE_RULES[name].max * scale)) };
  const key = `${name}:${subject}`;
  let knownOver = knownOverByStore.get(counters);
  if (!knownOver) knownOverByStore.set(counters, (knownOver = new Map()));
  const until = knownOver.get(key);
  if (until !== undefined) {
    const left = until - Date.now();
    if (left > 0) throw new RateLimited(left / 1000, 'Too many requests. Try again later.');
    knownOver.delete(key);
  }
  return counters.hit(key, rule.windowSeconds).then(
    ({ count, resetsInMs }) => {
      if (count <= rule.max) return null;
      const known = knownOver as Map<string, number>;
      if (known.size >= KNOWN_OVER_MAX) known.clear();
      known.set(key, Date.now() + resetsInMs);
      return new RateLimited(resetsInMs / 1000, 'Too many requests. Try again later.');
    },
    (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
  );
}
