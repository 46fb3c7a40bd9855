import type { FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/client.js';
import { RateLimited } from './errors.js';

/**
 * S6: coarse fixed-window rate limits, counted in the database so every server process shares
 * them and a restart does not reset them. Login lockout (A5) is separate (auth/throttle.ts).
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

let sweeps = 0;

/** Counts one request for `subject` under `rule`; throws 429 with Retry-After when over. */
export async function enforceRateLimit(db: Db, name: RateRuleName, subject: string, scale = 1): Promise<void> {
  const rule: RateRule = { ...RATE_RULES[name], max: Math.max(1, Math.round(RATE_RULES[name].max * scale)) };
  // The window starts at the first request of the subject and lasts windowSeconds.
  // A counter need not survive a crash: the statement turns synchronous_commit off for its own
  // implicit transaction (set_config local), sparing every searching or exporting request a WAL
  // flush (~4 ms on this kind of disk) without a BEGIN/COMMIT round trip.
  const [row] = await rows<{ count: number; expires_at: Date | string }>(
    db,
    sql`insert into rate_limits (key, count, expires_at)
        select ${`${name}:${subject}`}, 1, now() + make_interval(secs => ${rule.windowSeconds})
        from (select set_config('synchronous_commit', 'off', true)) async_commit
        on conflict (key) do update set
          count = case when rate_limits.expires_at <= now() then 1 else rate_limits.count + 1 end,
          expires_at = case when rate_limits.expires_at <= now()
                            then now() + make_interval(secs => ${rule.windowSeconds}) else rate_limits.expires_at end
        returning count, expires_at`,
  );
  // Expired windows are swept now and then by whichever request comes along.
  if (++sweeps % 500 === 0) await db.execute(sql`delete from rate_limits where expires_at < now()`);
  if (row && row.count > rule.max) {
    const retry = (new Date(row.expires_at).getTime() - Date.now()) / 1000;
    throw new RateLimited(retry, 'Too many requests. Try again later.');
  }
}
