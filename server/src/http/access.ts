import type { ActingUser } from './actingUser.js';
import { isAdmin, isDA, isModerator } from './actingUser.js';

/**
 * Route-level permission, declared by every route in `config.access`.
 * Object-level rules (may this user touch *this* record?) live in each module's policy.
 */
export type Access =
  | 'public'
  /** Any signed-in user, including read-only viewers. */
  | 'signedIn'
  /** Admin or Data Analyst: creates records. */
  | 'recordWriter'
  /** Admin or Moderator: vocabularies, bulk updates. */
  | 'vocabManager'
  /** Admin or Moderator or a user with canEditLocations. */
  | 'locationEditor'
  /** Admin or a user with canExport: requests and downloads exports (D7). */
  | 'exporter'
  | 'admin';

export type SessionGate = 'mfa' | 'enrol' | 'passwordChange';

export const ACCESS_RULES: Record<Exclude<Access, 'public'>, (u: ActingUser) => boolean> = {
  signedIn: () => true,
  recordWriter: (u) => isAdmin(u) || isDA(u),
  vocabManager: (u) => isAdmin(u) || isModerator(u),
  locationEditor: (u) => isAdmin(u) || isModerator(u) || u.permissions.canEditLocations,
  exporter: (u) => isAdmin(u) || u.permissions.canExport,
  admin: (u) => isAdmin(u),
};

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** POSTs need an X-CSRF-Token unless a route opts out (login only). */
    csrf?: boolean;
    /** Session-polling routes that must not extend the idle timer. */
    silent?: boolean;
    /**
     * Which restricted session states may reach this route (deny by default):
     * 'mfa' = password checked, second factor due; 'enrol' = MFA enforced, no factor yet;
     * 'passwordChange' = a temporary password must be changed.
     */
    allowIn?: readonly SessionGate[];
    /** A8: needs a re-authentication within REAUTH_MINUTES ("sudo mode"). */
    fresh?: boolean;
    /** A POST still allowed in read-only mode (sign-in, sign-out, ending sessions, the mode switch). */
    readOnlySafe?: boolean;
  }
  interface FastifyRequest {
    actor: ActingUser | null;
    sessionTokenHash: string | null;
  }
}
