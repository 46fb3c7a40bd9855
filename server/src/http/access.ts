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
  | 'admin';

export const ACCESS_RULES: Record<Exclude<Access, 'public'>, (u: ActingUser) => boolean> = {
  signedIn: () => true,
  recordWriter: (u) => isAdmin(u) || isDA(u),
  vocabManager: (u) => isAdmin(u) || isModerator(u),
  locationEditor: (u) => isAdmin(u) || isModerator(u) || u.permissions.canEditLocations,
  admin: (u) => isAdmin(u),
};

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** POSTs need an X-CSRF-Token unless a route opts out (login only). */
    csrf?: boolean;
    /** Session-polling routes that must not extend the idle timer. */
    silent?: boolean;
  }
  interface FastifyRequest {
    actor: ActingUser | null;
    sessionTokenHash: string | null;
  }
}
