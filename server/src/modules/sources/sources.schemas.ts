import { z } from 'zod';
import {
  longText,
  optionalTitle,
  parentFilter,
  parentIdInput,
  requiredTitle,
  vocabListShape,
} from '../../lib/vocabSchemas.js';

export const sourceCreateBody = z.strictObject({
  title: requiredTitle,
  titleAr: optionalTitle.optional(),
  sourceType: optionalTitle.optional(),
  comments: longText.optional(),
  commentsAr: longText.optional(),
  parentId: parentIdInput.optional(),
});
export const sourceUpdateBody = sourceCreateBody.partial();

export const sourceListQuery = z.object({ ...vocabListShape, parentId: parentFilter });

export type SourceInput = z.infer<typeof sourceCreateBody>;
export type SourcePatch = z.infer<typeof sourceUpdateBody>;
export type SourceListQuery = z.infer<typeof sourceListQuery>;

export interface SourceJson {
  id: number;
  title: string;
  titleAr: string;
  sourceType: string;
  comments: string;
  commentsAr: string;
  parentId: number | null;
  path: string;
  pathAr: string;
  childCount: number;
}
