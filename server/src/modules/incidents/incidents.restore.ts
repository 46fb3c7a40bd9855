import { defined, eventsOf, idsOf, pick, refId, type Snapshot } from '../records/records.restore.js';

/** The editable fields of an incident snapshot as an update body (without `comment`). */
export function incidentBodyFromSnapshot(s: Snapshot): Record<string, unknown> {
  return defined({
    ...pick(s, ['title', 'titleAr', 'description', 'status', 'accessGroups']),
    potentialViolations: idsOf(s.potentialViolations),
    claimedViolations: idsOf(s.claimedViolations),
    labels: idsOf(s.labels),
    locations: idsOf(s.locations),
    events: eventsOf(s.events),
    assignedTo: 'assignedTo' in s ? refId(s.assignedTo) : undefined,
  });
}
