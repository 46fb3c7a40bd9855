import { z } from 'zod';
import { listQueryShape } from '../../http/listQuery.js';
import { idSchema, trimmed } from '../records/records.schemas.js';

export const relatedKind = z.enum(['bulletin', 'actor', 'incident']);

/** Adds or updates the relation between the page's record and record `{kind, id}`. */
export const relationBody = z.strictObject({
  kind: relatedKind,
  id: idSchema,
  /** relation_types ids of this pair (e.g. "actor-bulletin"). */
  types: z.array(idSchema).max(20).default([]),
  /** 0 Maybe, 1 Likely, 2 Certain. */
  probability: z.union([z.literal(0), z.literal(1), z.literal(2)]).default(0),
  comment: trimmed(2000).default(''),
  /**
   * Same-kind relations only: false labels the other record with each type's `title`
   * ("Parent"), true with its `reverseTitle` ("Child"). Ignored for mixed kinds.
   */
  reverse: z.boolean().default(false),
});
export type RelationBody = z.infer<typeof relationBody>;

export const relationRemoveBody = z.strictObject({
  kind: relatedKind,
  id: idSchema,
  /** Why the relation is removed; shown in both records' history. */
  comment: trimmed(2000).optional(),
});
export type RelationRemoveBody = z.infer<typeof relationRemoveBody>;

export const relationListQuery = z.strictObject({
  kind: relatedKind.optional(),
  ...listQueryShape,
});
export type RelationListQuery = z.infer<typeof relationListQuery>;
