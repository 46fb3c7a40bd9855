import { z } from 'zod';
import { listQueryShape } from '../http/listQuery.js';

/** Zod pieces shared by the vocabulary modules. */
export const requiredTitle = z.string().trim().min(1, 'must not be empty').max(255);
export const optionalTitle = z.string().trim().max(255);
export const longText = z.string().trim().max(5000);
export const parentIdInput = z.number().int().positive().max(2_147_483_647, 'is not a valid id').nullable();

export const idParams = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647, 'is not a valid id'),
});

/** The record kinds a label or event type may be offered for. */
export const RECORD_KINDS = ['bulletin', 'actor', 'incident'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** `q`, `limit`, `cursor`, `count` — the query every vocabulary list accepts. */
export const vocabListShape = {
  ...listQueryShape,
  q: z.string().max(200).optional(),
};

/** `parentId=<id>` or `parentId=root` (top-level nodes only). */
export const parentFilter = z
  .union([z.literal('root'), z.coerce.number().int().positive().max(2_147_483_647, 'is not a valid id')])
  .optional();

/** Delete bodies carry nothing; an empty object or no body at all is accepted. */
export const emptyBody = z.strictObject({}).nullish();
