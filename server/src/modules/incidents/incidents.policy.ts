import type { SQL } from 'drizzle-orm';
import { incidents } from '../../db/schema/index.js';
import type { ActingUser } from '../../http/actingUser.js';
import { visibleThroughGroups } from '../records/records.visibility.js';

/**
 * The one predicate for "incidents this user may see", composed into every query that
 * touches incidents. Same rule as bulletins and actors; role rules are in records.policy.ts.
 */
export function visibleIncidents(actor: ActingUser): SQL {
  return visibleThroughGroups(actor, incidents.id, 'incident_groups', 'incident_id');
}
