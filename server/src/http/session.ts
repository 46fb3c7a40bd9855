import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { findLiveSession, revokeSession, touchSession, type SessionStage } from '../modules/auth/sessions.repo.js';
import { hashToken } from '../modules/auth/tokens.js';
import { getSecuritySettings, type SecuritySettings } from '../modules/security/securitySettings.js';
import type { ActingUser, Role } from './actingUser.js';
import { isApiRequest } from './apiPath.js';

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
    maxAge: Math.round(config.sessionAbsoluteHours * 3600),
  });
}

export function clearSessionCookie(config: Config, reply: FastifyReply): void {
  void reply.clearCookie(sessionCookieName(config), { path: '/' });
}

/** What the guard needs to know about the session beyond the acting user. */
export interface AuthState {
  sessionId: number;
  stage: SessionStage;
  freshUntil: Date | null;
  expiresAt: Date;
  idleExpiresAt: Date;
  mustChangePassword: boolean;
  /** MFA is enforced and the user has no factor yet. */
  needsEnrolment: boolean;
  settings: SecuritySettings;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthState | null;
  }
}

/** Writing last_seen on every request would turn each read into a write; refresh it at most this often. */
function touchIntervalMs(idleMs: number): number {
  return Math.min(60_000, idleMs / 10);
}

/** Resolves the session cookie into `request.actor` and `request.auth` for every API request. */
export function registerSessionLoader(app: FastifyInstance, config: Config, db: Db): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionTokenHash', null);
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (!isApiRequest(request)) return;
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
    const settings = await getSecuritySettings(db);
    const roles = user.roles as Role[];
    // "Admins only" mode: other users' sessions are not honoured at all.
    if (settings.mode === 'adminsOnly' && !roles.includes('Admin')) return;
    // Background polling must not keep an idle session alive (S3).
    const silent = request.headers['x-silent-poll'] !== undefined || request.routeOptions.config?.silent === true;
    let lastSeen = session.lastSeenAt;
    if (!silent && now - lastSeen.getTime() > touchIntervalMs(idleMs)) {
      await touchSession(db, session.id);
      lastSeen = new Date(now);
    }
    const actor: ActingUser = {
      id: user.id,
      username: user.username,
      name: user.name,
      roles,
      groupIds: found.groupIds,
      permissions: user.permissions,
      sessionId: session.id,
      ip: request.ip,
    };
    request.actor = actor;
    request.sessionTokenHash = tokenHash;
    request.auth = {
      sessionId: session.id,
      stage: session.stage,
      freshUntil: session.freshUntil,
      expiresAt: session.expiresAt,
      idleExpiresAt: new Date(Math.min(lastSeen.getTime() + idleMs, session.expiresAt.getTime())),
      mustChangePassword: user.mustChangePassword,
      needsEnrolment: settings.mfaRequired && !user.mfaEnabled,
      settings,
    };
  });
}
