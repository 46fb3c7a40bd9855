import { z } from 'zod';

const id = z.coerce.number().int().positive().max(2_147_483_647, 'is not a valid id');

export const mediaIdParams = z.strictObject({ id });
export const fileQuery = z.strictObject({ inline: z.enum(['0', '1']).optional() });

const title = z.string().trim().max(500, 'must be at most 500 characters');

/** The text fields of an upload (multipart fields are strings; the id is coerced). */
export const uploadFields = z.strictObject({
  title: title.optional(),
  titleAr: title.optional(),
  categoryId: id.optional(),
});

export const mediaUpdateBody = z.strictObject({
  title: title.optional(),
  titleAr: title.optional(),
  categoryId: id.nullable().optional(),
});
export type MediaUpdate = z.infer<typeof mediaUpdateBody>;

export const mediaDeleteBody = z.strictObject({ comment: z.string().trim().max(5000).optional() });
