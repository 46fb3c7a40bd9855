import { z } from 'zod';
import { changeComment } from '../records/records.schemas.js';

export const revisionParams = z.strictObject({
  id: z.coerce.number().int().positive(),
  revisionId: z.coerce.number().int().positive(),
});

export const restoreBody = z.strictObject({ comment: changeComment });

export const diffQuery = z.strictObject({
  from: z.coerce.number().int().positive(),
  to: z.coerce.number().int().positive(),
});
