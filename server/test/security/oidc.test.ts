import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, testApp, type TestContext } from '../helpers.js';
import { rows, sql } from '../../src/db/client.js';
import { updateUser } from '../../src/modules/users/users.repo.js';
import { login } from '../helpers.js';
import { enrolTotp, postLogin } from './securityHelpers.js';

/** A local OpenID provider: discovery, JWKS and a token endpoint issuing RS256 id_tokens (node:crypto). */
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
let issuer = '';
let server: Server;
let nextIdentity: Record<string, unknown> = {};
const codes = new Map<string, { nonce: string; identity: Record<string, unknown> }>();

function idToken(claims: Record<string, unknown>): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = enc({ alg: 'RS256', kid: 'k1', typ: 'JWT' });
  const body = enc(claims);
  return `${head}.${body}.${sign('sha256', Buffer.from(`${head}.${body}`), privateKey).toString('base64url')}`;
}

let ctx: TestContext;
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/.well-known/openid-configuration') {
      res.end(
        JSON.stringify({
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
        }),
      );
    } else if (url.pathname === '/jwks') {
      res.end(
        JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' }] }),
      );
    } else if (url.pathname === '/token') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const grant = codes.get(new URLSearchParams(body).get('code') ?? '');
        if (!grant) return void res.writeHead(400).end('{"error":"invalid_grant"}');
        const now = Math.floor(Date.now() / 1000);
        res.end(
          JSON.stringify({
            id_token: idToken({
              iss: issuer,
              aud: 'dalil-client',
              iat: now,
              exp: now + 300,
              nonce: grant.nonce,
              ...grant.identity,
            }),
          }),
        );
      });
    } else res.writeHead(404).end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ctx = await testApp({
    oidc: {
      issuer,
      clientId: 'dalil-client',
      clientSecret: 'oidc-secret',
      allowedDomains: ['example.org'],
      extraHosts: [],
      label: 'Google',
    },
  });
});
afterAll(async () => {
  await ctx.close();
  server.close();
});

/** Plays the browser: start, "consent" at the provider (which hands back a code), return to the callback. */
async function ssoLogin(identity: Record<string, unknown>, opts: { tamperState?: boolean } = {}) {
  nextIdentity = identity;
  const start = await ctx.app.inject({ method: 'POST', url: '/api/auth/oidc/start' });
  const flowCookie = String(start.headers['set-cookie']).split(';')[0] ?? '';
  const authorize = new URL(start.json().url);
  const code = `code-${Math.random()}`;
  codes.set(code, { nonce: authorize.searchParams.get('nonce') ?? '', identity: nextIdentity });
  return ctx.app.inject({
    method: 'POST',
    url: '/api/auth/oidc/callback',
    headers: { cookie: flowCookie },
    payload: { code, state: opts.tamperState ? 'forged-state' : (authorize.searchParams.get('state') ?? '') },
  });
}

describe('A7 OpenID Connect sign-in', () => {
  it('A7 signs in an existing user by verified e-mail, binds the subject, and checks it afterwards', async () => {
    const user = await makeUser(ctx);
    await updateUser(ctx.database.db, user.id, { email: 'Field.Worker@example.org' });
    const start = await ctx.app.inject({ method: 'POST', url: '/api/auth/oidc/start' });
    const url = new URL(start.json().url);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(String(start.headers['set-cookie'])).toMatch(/SameSite=Lax/);
    const ok = await ssoLogin({ sub: 'google-123', email: 'field.worker@example.org', email_verified: true });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.id).toBe(user.id);
    const [bound] = await rows<{ oidc_subject: string }>(
      ctx.database.db,
      sql`select oidc_subject from users where id = ${user.id}`,
    );
    expect(bound?.oidc_subject).toBe('google-123');
    const otherSub = await ssoLogin({ sub: 'google-999', email: 'field.worker@example.org', email_verified: true });
    expect(otherSub.statusCode).toBe(401);
  });

  it('A7 refuses unknown users, unverified e-mail, other domains and a forged state', async () => {
    const user = await makeUser(ctx);
    await updateUser(ctx.database.db, user.id, { email: 'second@example.org' });
    expect((await ssoLogin({ sub: 's1', email: 'nobody@example.org', email_verified: true })).statusCode).toBe(401);
    expect((await ssoLogin({ sub: 's2', email: 'second@example.org', email_verified: false })).statusCode).toBe(401);
    await updateUser(ctx.database.db, user.id, { email: 'second@other.org' });
    expect((await ssoLogin({ sub: 's3', email: 'second@other.org', email_verified: true })).statusCode).toBe(401);
    await updateUser(ctx.database.db, user.id, { email: 'second@example.org' });
    expect(
      (await ssoLogin({ sub: 's4', email: 'second@example.org', email_verified: true }, { tamperState: true }))
        .statusCode,
    ).toBe(401);
  });

  it('A7 never skips MFA or lockout', async () => {
    const user = await makeUser(ctx);
    await updateUser(ctx.database.db, user.id, { email: 'mfa.user@example.org' });
    await enrolTotp(await login(ctx, user.username));
    const withMfa = await ssoLogin({ sub: 'mfa-sub', email: 'mfa.user@example.org', email_verified: true });
    expect(withMfa.json()).toMatchObject({ mfaRequired: true });
    for (let i = 0; i < 5; i++) await postLogin(ctx, user.username, 'wrong-password-123');
    const locked = await ssoLogin({ sub: 'mfa-sub', email: 'mfa.user@example.org', email_verified: true });
    expect(locked.statusCode).toBe(429);
  });
});
