import { generate } from 'otplib';
import type { LightMyRequestResponse } from 'fastify';
import { Client, TEST_PASSWORD, type TestContext } from '../helpers.js';
import { rows, sql } from '../../src/db/client.js';

/** Security-suite helpers: raw logins that may stop half-way, TOTP codes, clock tricks on sessions. */

export function cookieOf(res: LightMyRequestResponse): string {
  const set = res.headers['set-cookie'];
  const list = Array.isArray(set) ? set : set ? [set] : [];
  const session = list.find((c) => c.includes('dalil_session='));
  return (session ?? '').split(';')[0] ?? '';
}

export async function postLogin(
  ctx: TestContext,
  username: string,
  password = TEST_PASSWORD,
  opts: { ip?: string; captcha?: string } = {},
): Promise<LightMyRequestResponse> {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password, ...(opts.captcha ? { captcha: opts.captcha } : {}) },
    ...(opts.ip ? { remoteAddress: opts.ip } : {}),
  });
}

/** Logs in and returns a client for whatever session results (full or half-signed-in). */
export async function startLogin(
  ctx: TestContext,
  username: string,
  password = TEST_PASSWORD,
): Promise<{ client: Client; body: Record<string, unknown> }> {
  const res = await postLogin(ctx, username, password);
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const body = res.json<Record<string, unknown> & { csrfToken: string; user?: { id: number } }>();
  return { client: new Client(ctx.app, cookieOf(res), body.csrfToken, body.user?.id ?? 0), body };
}

/** A client carrying the session cookie and CSRF token of a sign-in answer. */
export function clientFrom(ctx: TestContext, res: LightMyRequestResponse, fallback: Client): Client {
  const cookie = cookieOf(res) || fallback.cookie;
  const body = res.json<{ csrfToken?: string }>();
  return new Client(ctx.app, cookie, body.csrfToken ?? fallback.csrf, fallback.userId);
}

export function totpCode(secret: string, offsetSteps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });
}

/** Enrols TOTP for a signed-in client; returns the secret and the recovery codes shown once. */
export async function enrolTotp(client: Client): Promise<{ secret: string; recoveryCodes: string[]; client: Client }> {
  const setup = await client.post('/api/auth/mfa/totp/setup');
  if (setup.statusCode !== 200) throw new Error(`setup: ${setup.statusCode} ${setup.body}`);
  const { secret } = setup.json<{ secret: string }>();
  const confirm = await client.post('/api/auth/mfa/totp/confirm', { code: await totpCode(secret) });
  if (confirm.statusCode !== 200) throw new Error(`confirm: ${confirm.statusCode} ${confirm.body}`);
  return { secret, recoveryCodes: confirm.json<{ recoveryCodes: string[] }>().recoveryCodes, client };
}

export async function sessionRow(ctx: TestContext, client: Client) {
  const [row] = await rows<{ id: number; stage: string; revoked_at: Date | null }>(
    ctx.database.db,
    sql`select s.id, s.stage, s.revoked_at from sessions s where s.token_hash = encode(sha256(convert_to(${client.cookie.split('=')[1] ?? ''}, 'UTF8')), 'hex')`,
  );
  return row;
}

/** Moves a session's clock: last seen, fresh-until or absolute expiry, relative to now. */
export async function ageSession(
  ctx: TestContext,
  client: Client,
  field: 'last_seen_at' | 'fresh_until' | 'expires_at',
  minutesAgo: number,
): Promise<void> {
  const token = client.cookie.split('=')[1] ?? '';
  await ctx.database.db.execute(
    sql`update sessions set ${sql.raw(field)} = now() - make_interval(mins => ${minutesAgo}) where token_hash = encode(sha256(convert_to(${token}, 'UTF8')), 'hex')`,
  );
}

export async function activityActions(ctx: TestContext, userId: number): Promise<string[]> {
  const found = await rows<{ action: string; outcome: string }>(
    ctx.database.db,
    sql`select action, outcome from activity where record_id = ${userId} and kind = 'user' order by id`,
  );
  return found.map((r) => (r.outcome === 'SUCCESS' ? r.action : `${r.action}:${r.outcome}`));
}
