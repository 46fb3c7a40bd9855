import { z } from 'zod';
import {
  RECORD_KINDS,
  longText,
  optionalTitle,
  parentFilter,
  parentIdInput,
  requiredTitle,
  vocabListShape,
} from '../../lib/vocabSchemas.js';

export const labelCreateBody = z.strictObject({
  title: requiredTitle,
  titleAr: optionalTitle.optional(),
  comments: longText.optional(),
  commentsAr: longText.optional(),
  parentId: parentIdInput.optional(),
  verified: z.boolean().optional(),
  forBulletin: z.boolean().optional(),
  forActor: z.boolean().optional(),
  forIncident: z.boolean().optional(),
  forOffline: z.boolean().optional(),
  sortOrder: z.number().int().optional(),
});
export const labelUpdateBody = labelCreateBody.partial();

export const labelListQuery = z.object({
  ...vocabListShape,
  verified: z.enum(['true', 'false']).optional(),
  for: z.enum(RECORD_KINDS).optional(),
  parentId: parentFilter,
});

export type LabelInput = z.infer<typeof labelCreateBody>;
export type LabelPatch = z.infer<typeof labelUpdateBody>;
export type LabelListQuery = z.infer<typeof labelListQuery>;

export interface LabelJson {
  id: number;
  title: string;
  titleAr: string;
  comments: string;
  commentsAr: string;
  parentId: number | null;
  verified: boolean;
  forBulletin: boolean;
  forActor: boolean;
  forIncident: boolean;
  forOffline: boolean;
  sortOrder: number;
  path: string;
  pathAr: string;
  childCount: number;
}
