import { z } from 'zod';
import { optionalTitle, requiredTitle, vocabListShape } from '../../lib/vocabSchemas.js';
import { RELATION_PAIRS } from './relationPairs.js';

export const relationTypeCreateBody = z.strictObject({
  pair: z.enum(RELATION_PAIRS),
  title: requiredTitle,
  reverseTitle: optionalTitle.optional(),
  titleAr: optionalTitle.optional(),
  reverseTitleAr: optionalTitle.optional(),
});
/** The pair of a type is fixed once created: existing links were made with it in mind. */
export const relationTypeUpdateBody = relationTypeCreateBody.omit({ pair: true }).partial();
export const relationTypeListQuery = z.object({ ...vocabListShape, pair: z.enum(RELATION_PAIRS).optional() });

export type RelationTypeInput = z.infer<typeof relationTypeCreateBody>;
export type RelationTypePatch = z.infer<typeof relationTypeUpdateBody>;
export type RelationTypeListQuery = z.infer<typeof relationTypeListQuery>;

export interface RelationTypeJson {
  id: number;
  pair: string;
  title: string;
  /** Same as `title` for a symmetric type. */
  reverseTitle: string;
  titleAr: string;
  reverseTitleAr: string;
}
