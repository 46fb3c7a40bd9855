import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { findLiveSession, revokeSession, touchSession } from '../modules/auth/sessions.repo.js';
import { hashToken } from '../modules/auth/tokens.js';
import { groupsOfUser } from '../modules/users/users.repo.js';
import type { ActingUser, Role } from './actingUser.js';

export function sessionCookieName(config: Config): string {
  // __Host- pins the cookie to this origin, path / and HTTPS (S1).
  return config.cookieSecure ? '__Host-dalil_session' : 'dalil_session';
}

export function setSessionCookie(config: Config, request: FastifyRequest, reply: FastifyReply, token: string): void {
  void reply.setCookie(sessionCookieName(config), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.cookieSecure || request.protocol === 'https',
    maxAge: config.sessionAbsoluteHours * 3600,
  });
}

export function clearSessionCookie(config: Config, reply: FastifyReply): void {
  void reply.clearCookie(sessionCookieName(config), { path: '/' });
}

// Writing last_seen on every request would turn each read into a write; a minute is precise enough.
const TOUCH_INTERVAL_MS = 60_000;

/** Resolves the session cookie into `request.actor` for every API request. */
export function registerSessionLoader(app: FastifyInstance, config: Config, db: Db): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionTokenHash', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[sessionCookieName(config)];
    if (!token) return;
    const tokenHash = hashToken(token);
    const found = await findLiveSession(db, tokenHash);
    if (!found || !found.user.active) return;
    const { session, user } = found;
    const idleMs = config.sessionIdleMinutes * 60_000;
    const now = Date.now();
    if (now - session.lastSeenAt.getTime() > idleMs) {
      await revokeSession(db, session.id);
      return;
    }
    // Background polling must not keep an idle session alive (S3).
    const silent = request.headers['x-silent-poll'] !== undefined || request.routeOptions.config?.silent === true;
    if (!silent && now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) await touchSession(db, session.id);
    const groups = await groupsOfUser(db, user.id);
    const actor: ActingUser = {
      id: user.id,
      username: user.username,
      name: user.name,
      roles: user.roles as Role[],
      groupIds: groups.map((g) => g.id),
      permissions: user.permissions,
      sessionId: session.id,
      ip: request.ip,
    };
    request.actor = actor;
    request.sessionTokenHash = tokenHash;
  });
}
