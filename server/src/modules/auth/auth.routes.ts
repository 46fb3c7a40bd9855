import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';
import type { CounterStore } from '../../counters/counterStore.js';
import type { Db } from '../../db/client.js';
import { NotFound } from '../../http/errors.js';
import { actorOf, authOf } from '../../http/guard.js';
import { clearSessionCookie, setSessionCookie } from '../../http/session.js';
import type { FactorProof } from '../mfa/factors.js';
import { startWebauthnAssertion } from '../mfa/factors.js';
import { findUserById } from '../users/users.repo.js';
import { codeBody, loginBody, passwordChangeBody, reauthBody, webauthnVerifyBody } from './auth.schemas.js';
import { logout, passwordLogin } from './auth.service.js';
import { changeOwnPassword } from './passwordChange.js';
import { signInAnswer } from './presentSession.js';
import { reauthenticate } from './reauth.js';
import { proveFactor } from './secondFactor.js';
import { completeSignIn, type MfaMethod } from './signIn.js';

const ALL_STATES = ['mfa', 'enrol', 'passwordChange'] as const;

export function authRoutes(app: FastifyInstance, deps: { db: Db; counters: CounterStore; config: Config }): void {
  const { db, counters, config } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  const ctxOf = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] ?? '' });

  r.post(
    '/api/auth/login',
    {
      schema: { body: loginBody, tags },
      config: { access: 'public', csrf: false, rateLimit: 'login', readOnlySafe: true },
    },
    async (request, reply) => {
      const result = await passwordLogin(db, counters, config, request.body, ctxOf(request));
      setSessionCookie(config, request, reply, result.token);
      return signInAnswer(db, config, result.user, result.tokenHash, result.stage);
    },
  );

  /** What the sign-in page needs before anyone signs in. */
  r.get('/api/auth/options', { schema: { tags }, config: { access: 'public' } }, async () => ({
    captchaSiteKey: config.recaptcha?.siteKey ?? null,
    oidc: config.oidc ? { label: config.oidc.label } : null,
  }));

  r.get(
    '/api/auth/session',
    { schema: { tags }, config: { access: 'signedIn', allowIn: ALL_STATES, rateLimit: 'session' } },
    async (request) => {
      const auth = authOf(request);
      const user = await findUserById(db, actorOf(request).id);
      if (!user) throw new NotFound();
      const answer = await signInAnswer(db, config, user, request.sessionTokenHash ?? '', auth.stage);
      // Expiry times let the UI warn before the session ends (S3).
      return {
        ...answer,
        expiresAt: auth.expiresAt.toISOString(),
        idleExpiresAt: auth.idleExpiresAt.toISOString(),
        freshUntil: auth.freshUntil && auth.freshUntil.getTime() > Date.now() ? auth.freshUntil.toISOString() : null,
      };
    },
  );

  r.post(
    '/api/auth/logout',
    { schema: { tags }, config: { access: 'signedIn', allowIn: ALL_STATES } },
    async (request, reply) => {
      await logout(db, actorOf(request));
      clearSessionCookie(config, reply);
      return reply.status(204).send();
    },
  );

  /** Second step of sign-in: one route per kind of factor (API.md). */
  const secondStep = async (request: FastifyRequest, reply: FastifyReply, method: MfaMethod, proof: FactorProof) => {
    const actor = actorOf(request);
    await proveFactor(db, counters, config, actor, proof, { endSessionOnLock: true });
    const user = await findUserById(db, actor.id);
    if (!user) throw new NotFound();
    const { token, tokenHash } = await completeSignIn(
      db,
      counters,
      config,
      user,
      actor.sessionId,
      ctxOf(request),
      method,
    );
    setSessionCookie(config, request, reply, token);
    return signInAnswer(db, config, user, tokenHash, 'full');
  };
  const stepConfig = { access: 'signedIn', allowIn: ['mfa'], rateLimit: 'mfa' } as const;
  r.post('/api/auth/mfa/totp', { schema: { body: codeBody, tags }, config: stepConfig }, (request, reply) =>
    secondStep(request, reply, 'totp', { kind: 'totp', code: request.body.code }),
  );
  r.post('/api/auth/mfa/recovery', { schema: { body: codeBody, tags }, config: stepConfig }, (request, reply) =>
    secondStep(request, reply, 'recovery', { kind: 'recovery', code: request.body.code }),
  );
  r.post(
    '/api/auth/mfa/webauthn/verify',
    { schema: { body: webauthnVerifyBody, tags }, config: stepConfig },
    (request, reply) =>
      secondStep(request, reply, 'webauthn', {
        kind: 'webauthn',
        response: request.body.response as AuthenticationResponseJSON,
      }),
  );
  // Also used before a re-authentication with a security key, so reachable when fully signed in.
  r.post(
    '/api/auth/mfa/webauthn/options',
    { schema: { tags }, config: { access: 'signedIn', allowIn: ['mfa', 'enrol'], rateLimit: 'mfa' } },
    async (request) => {
      const actor = actorOf(request);
      return { options: await startWebauthnAssertion(db, config, actor.sessionId, actor.id) };
    },
  );

  r.post(
    '/api/auth/reauth',
    { schema: { body: reauthBody, tags }, config: { access: 'signedIn', allowIn: ['enrol'], rateLimit: 'reauth' } },
    async (request, reply) => {
      const { token, tokenHash, freshUntil } = await reauthenticate(
        db,
        counters,
        config,
        actorOf(request),
        request.body,
      );
      setSessionCookie(config, request, reply, token);
      const user = await findUserById(db, actorOf(request).id);
      if (!user) throw new NotFound();
      return { ...(await signInAnswer(db, config, user, tokenHash, 'full')), freshUntil: freshUntil.toISOString() };
    },
  );

  r.post(
    '/api/auth/password',
    {
      schema: { body: passwordChangeBody, tags },
      config: { access: 'signedIn', allowIn: ['passwordChange'], rateLimit: 'reauth' },
    },
    async (request, reply) => {
      const { user, token, tokenHash } = await changeOwnPassword(db, counters, config, actorOf(request), request.body);
      setSessionCookie(config, request, reply, token);
      return signInAnswer(db, config, user, tokenHash, 'full');
    },
  );
}
