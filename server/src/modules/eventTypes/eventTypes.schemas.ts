import { z } from 'zod';
import { RECORD_KINDS, longText, optionalTitle, requiredTitle, vocabListShape } from '../../lib/vocabSchemas.js';

export const eventTypeCreateBody = z.strictObject({
  title: requiredTitle,
  titleAr: optionalTitle.optional(),
  comments: longText.optional(),
  forActor: z.boolean().optional(),
  forBulletin: z.boolean().optional(),
  forIncident: z.boolean().optional(),
});
export const eventTypeUpdateBody = eventTypeCreateBody.partial();
export const eventTypeListQuery = z.object({ ...vocabListShape, for: z.enum(RECORD_KINDS).optional() });

export type EventTypeInput = z.infer<typeof eventTypeCreateBody>;
export type EventTypePatch = z.infer<typeof eventTypeUpdateBody>;
export type EventTypeListQuery = z.infer<typeof eventTypeListQuery>;

export interface EventTypeJson {
  id: number;
  title: string;
  titleAr: string;
  comments: string;
  forActor: boolean;
  forBulletin: boolean;
  forIncident: boolean;
}
