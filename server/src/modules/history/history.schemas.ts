import { z } from 'zod';
import { changeComment } from '../records/records.schemas.js';

export const revisionParams = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647, 'is not a valid id'),
  revisionId: z.coerce.number().int().positive().max(2_147_483_647, 'is not a valid id'),
});

export const restoreBody = z.strictObject({ comment: changeComment });

export const diffQuery = z.strictObject({
  from: z.coerce.number().int().positive().max(2_147_483_647, 'is not a valid id'),
  to: z.coerce.number().int().positive().max(2_147_483_647, 'is not a valid id'),
});
