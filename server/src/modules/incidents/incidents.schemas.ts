import { z } from 'zod';
import { changeComment, eventInput, idList, idSchema, trimmed } from '../records/records.schemas.js';

const fields = {
  title: trimmed(255).min(1, 'must not be empty'),
  titleAr: trimmed(255),
  description: z.string().max(200_000),
  /** vocab_terms of kind potential-violations. */
  potentialViolations: idList,
  /** vocab_terms of kind claimed-violations. */
  claimedViolations: idList,
  labels: idList,
  locations: idList,
  events: z.array(eventInput).max(200),
  status: trimmed(100).min(1),
  accessGroups: idList,
  assignedTo: idSchema.nullable(),
};

const incidentFields = z.strictObject(fields).partial();

export const incidentCreateBody = incidentFields.extend({ title: fields.title, comment: changeComment });
export const incidentUpdateBody = incidentFields.extend({ comment: changeComment });

export type IncidentInput = z.infer<typeof incidentCreateBody>;
export type IncidentPatch = z.infer<typeof incidentUpdateBody>;
