import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../http/guard.js';
import { clearSessionCookie, setSessionCookie } from '../../http/session.js';
import { findUserById, groupsOfUser } from '../users/users.repo.js';
import { presentUser } from '../users/users.presenter.js';
import { NotFound } from '../../http/errors.js';
import { loginBody } from './auth.schemas.js';
import { login, logout } from './auth.service.js';
import { csrfTokenFor } from './tokens.js';

export function authRoutes(app: FastifyInstance, deps: { db: Db; config: Config }): void {
  const { db, config } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/login',
    { schema: { body: loginBody, tags: ['auth'] }, config: { access: 'public', csrf: false } },
    async (request, reply) => {
      const { user, token, tokenHash } = await login(db, config, request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
      });
      setSessionCookie(config, request, reply, token);
      return { user: presentUser(user, await groupsOfUser(db, user.id)), csrfToken: csrfTokenFor(config.secrets.sessionKey, tokenHash) };
    },
  );

  r.get('/api/auth/session', { schema: { tags: ['auth'] }, config: { access: 'signedIn', silent: true } }, async (request) => {
    const actor = actorOf(request);
    const user = await findUserById(db, actor.id);
    if (!user) throw new NotFound();
    return {
      user: presentUser(user, await groupsOfUser(db, user.id)),
      csrfToken: csrfTokenFor(config.secrets.sessionKey, request.sessionTokenHash ?? ''),
    };
  });

  r.post('/api/auth/logout', { schema: { tags: ['auth'] }, config: { access: 'signedIn' } }, async (request, reply) => {
    await logout(db, actorOf(request));
    clearSessionCookie(config, reply);
    return reply.status(204).send();
  });
}
