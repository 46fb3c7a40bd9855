import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config, OidcConfig } from '../../config.js';
import type { CounterStore } from '../../counters/counterStore.js';
import type { Db } from '../../db/client.js';
import { AppError, NotFound, Unauthenticated } from '../../http/errors.js';
import { setSessionCookie } from '../../http/session.js';
import { oidcSignIn } from './oidc.service.js';
import { authorizationUrl } from './oidcClient.js';
import { signInAnswer } from './presentSession.js';
import { safeEqual } from './tokens.js';

const COOKIE = 'dalil_oidc';
interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  exp: number;
}

const sign = (key: string, payload: string) => createHmac('sha256', key).update(`oidc:${payload}`).digest('base64url');

function pack(config: Config, p: Pending): string {
  const payload = Buffer.from(JSON.stringify(p)).toString('base64url');
  return `${payload}.${sign(config.secrets.sessionKey, payload)}`;
}

function unpack(config: Config, value: string | undefined): Pending | null {
  const [payload, mac] = (value ?? '').split('.');
  if (!payload || !mac || !safeEqual(mac, sign(config.secrets.sessionKey, payload))) return null;
  const p = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Pending;
  return p.exp > Date.now() ? p : null;
}

/**
 * A7: sign-in with an OpenID Connect provider (Google). The browser comes back to the web page
 * `/login/oidc`, which POSTs code and state here, so no GET changes state. The state, nonce and
 * PKCE verifier live in a short, signed, HttpOnly cookie (SameSite=Lax, for the provider's redirect).
 */
export function oidcRoutes(
  app: FastifyInstance,
  { db, counters, config }: { db: Db; counters: CounterStore; config: Config },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  const redirectUri = `${config.publicUrl}/login/oidc`;
  const oidc = (): OidcConfig => {
    if (!config.oidc) throw new NotFound('Single sign-on is not configured.');
    return config.oidc;
  };

  r.post(
    '/api/auth/oidc/start',
    { schema: { tags }, config: { access: 'public', csrf: false, rateLimit: 'login' } },
    async (request, reply) => {
      const start = await authorizationUrl(oidc(), redirectUri).catch(() => {
        throw new AppError('internal', 'The sign-on provider could not be reached.');
      });
      void reply.setCookie(
        COOKIE,
        pack(config, {
          state: start.state,
          nonce: start.nonce,
          verifier: start.verifier,
          exp: Date.now() + 10 * 60_000,
        }),
        {
          path: '/api/auth/oidc',
          httpOnly: true,
          sameSite: 'lax',
          secure: config.cookieSecure || request.protocol === 'https',
          maxAge: 600,
        },
      );
      return { url: start.url };
    },
  );

  r.post(
    '/api/auth/oidc/callback',
    {
      schema: { body: z.strictObject({ code: z.string().min(1).max(4096), state: z.string().min(1).max(256) }), tags },
      config: { access: 'public', csrf: false, rateLimit: 'login' },
    },
    async (request, reply) => {
      const pending = unpack(config, request.cookies[COOKIE]);
      void reply.clearCookie(COOKIE, { path: '/api/auth/oidc' });
      if (!pending || !safeEqual(pending.state, request.body.state))
        throw new Unauthenticated('The sign-on attempt expired or did not come from this browser. Try again.');
      const result = await oidcSignIn(db, counters, config, oidc(), redirectUri, request.body.code, pending, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
      });
      setSessionCookie(config, request, reply, result.token);
      return signInAnswer(db, config, result.user, result.tokenHash, result.stage);
    },
  );
}
