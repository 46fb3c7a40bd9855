import { z } from 'zod';
import { listQueryShape } from '../../http/listQuery.js';

/** Most records one export may hold (the file is streamed; this bounds the request body and the job). */
export const MAX_EXPORT_IDS = 10_000;
/** An admin may keep an export downloadable at most this long from now. */
export const MAX_EXPIRY_DAYS = 30;

const id = z.number().int().positive().max(2_147_483_647, 'is not a valid id');

export const exportKinds = ['bulletin', 'actor', 'incident'] as const;
export const exportFormats = ['csv', 'json'] as const;

export const exportRequestBody = z
  .strictObject({
    kind: z.enum(exportKinds),
    /** The records to export, or… */
    ids: z.array(id).min(1, 'choose at least one record').max(MAX_EXPORT_IDS).optional(),
    /** …an advanced search (API.md blocks, checked by that kind's search schema) whose results are exported. */
    search: z.strictObject({ blocks: z.array(z.record(z.string(), z.unknown())).min(1).max(20) }).optional(),
    format: z.enum(exportFormats),
    comment: z.string().trim().max(5000).default(''),
  })
  .refine((b) => (b.ids === undefined) !== (b.search === undefined), {
    message: 'give either ids or search',
    path: ['ids'],
  });
export type ExportRequestBody = z.infer<typeof exportRequestBody>;

export const exportIdParams = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647, 'is not a valid id'),
});

export const exportListQuery = z.strictObject({ ...listQueryShape });

export const rejectBody = z.strictObject({ comment: z.string().trim().min(1, 'must not be empty').max(5000) });
export const approveBody = z.strictObject({ comment: z.string().trim().max(5000).optional() });
export const expiryBody = z.strictObject({ expiresAt: z.iso.datetime({ offset: true }) });
