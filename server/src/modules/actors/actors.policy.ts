import type { SQL } from 'drizzle-orm';
import { actors } from '../../db/schema/index.js';
import type { ActingUser } from '../../http/actingUser.js';
import { visibleThroughGroups } from '../records/records.visibility.js';

/**
 * The one predicate for "actors this user may see", composed into every query that touches
 * actors (lists, counts, relations). Same rule as bulletins: Admins see everything; others
 * see unrestricted actors and those sharing an access group with them. The role rules
 * (create, update, delete, history) are the shared ones in records.policy.ts.
 */
export function visibleActors(actor: ActingUser): SQL {
  return visibleThroughGroups(actor, actors.id, 'actor_groups', 'actor_id');
}
