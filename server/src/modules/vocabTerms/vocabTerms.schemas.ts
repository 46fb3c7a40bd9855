import { z } from 'zod';
import { longText, optionalTitle, requiredTitle, vocabListShape } from '../../lib/vocabSchemas.js';
import { VOCAB_KINDS } from './vocabKinds.js';

export const kindParams = z.strictObject({ kind: z.enum(VOCAB_KINDS) });
export const kindIdParams = z.strictObject({
  kind: z.enum(VOCAB_KINDS),
  id: z.coerce.number().int().positive().max(2_147_483_647, 'is not a valid id'),
});

export const vocabTermCreateBody = z.strictObject({
  title: requiredTitle,
  titleAr: optionalTitle.optional(),
  description: longText.optional(),
  /** ISO 3166 numeric code for countries, level number for admin levels. */
  code: z.number().int().min(0).max(1_000_000).nullable().optional(),
  sortOrder: z.number().int().optional(),
});
export const vocabTermUpdateBody = vocabTermCreateBody.partial();
export const vocabTermListQuery = z.object({ ...vocabListShape });

export type VocabTermInput = z.infer<typeof vocabTermCreateBody>;
export type VocabTermPatch = z.infer<typeof vocabTermUpdateBody>;
export type VocabTermListQuery = z.infer<typeof vocabTermListQuery>;

export interface VocabTermJson {
  id: number;
  kind: string;
  title: string;
  titleAr: string;
  description: string;
  code: number | null;
  sortOrder: number;
}
