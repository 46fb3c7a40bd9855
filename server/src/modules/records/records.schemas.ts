import { z } from 'zod';
import { listQueryShape } from '../../http/listQuery.js';
import { parseDateInput } from '../../lib/dates.js';

/** Request pieces shared by bulletins, actors and incidents. */
export const idSchema = z.number().int().positive().max(2_147_483_647, 'is not a valid id');
export const idList = z.array(idSchema).max(500);
export const trimmed = (max: number) => z.string().trim().max(max);

/** "YYYY-MM-DD" or an ISO timestamp; any year, including before 1970. */
export const dateInput = z
  .string()
  .trim()
  .refine(
    (v) => parseDateInput(v) !== null,
    'must be a real date (YYYY-MM-DD, year 1000 or later) or an ISO 8601 timestamp',
  )
  .nullable();

/** Absolute http(s) URL, absolute path, or "NA", as Bayanat accepts; empty clears it. */
export const sourceLink = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => {
    if (v === '' || v === 'NA' || v.startsWith('/')) return true;
    try {
      const u = new URL(v);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL, an absolute path, or NA');

export const eventInput = z
  .strictObject({
    title: trimmed(255).optional(),
    titleAr: trimmed(255).optional(),
    comments: trimmed(5000).optional(),
    commentsAr: trimmed(5000).optional(),
    typeId: idSchema.nullable().optional(),
    locationId: idSchema.nullable().optional(),
    fromDate: dateInput.optional(),
    toDate: dateInput.optional(),
    estimated: z.boolean().optional(),
  })
  .superRefine((e, ctx) => {
    if (e.fromDate && e.toDate) {
      const from = parseDateInput(e.fromDate);
      const to = parseDateInput(e.toDate);
      if (from && to && to < from)
        ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'must not be before fromDate' });
    }
  });
export type EventInput = z.infer<typeof eventInput>;

export const tagList = z.array(trimmed(100).min(1, 'must not be empty')).max(100);

/** The reason for a change; required on every write and shown in history. */
export const changeComment = trimmed(2000).min(1, 'say why you are making this change');

export const recordListQuery = z.strictObject({
  q: z.string().max(500).optional(),
  ...listQueryShape,
});

export const recordIdParams = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647, 'is not a valid id'),
});

export const recordDeleteBody = z.strictObject({ comment: changeComment });
