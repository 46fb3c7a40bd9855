import { z } from 'zod';
import { parseDateInput } from '../../lib/dates.js';
import { listQueryShape } from '../../http/listQuery.js';

const id = z.number().int().positive();
const ids = z.array(id).max(500);
const text = (max: number) => z.string().trim().max(max);

/** "YYYY-MM-DD" or an ISO timestamp; any year, including before 1970. */
export const dateInput = z
  .string()
  .trim()
  .refine((v) => parseDateInput(v) !== null, 'must be a date (YYYY-MM-DD) or an ISO 8601 timestamp')
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
    title: text(255).optional(),
    titleAr: text(255).optional(),
    comments: text(5000).optional(),
    commentsAr: text(5000).optional(),
    typeId: id.nullable().optional(),
    locationId: id.nullable().optional(),
    fromDate: dateInput.optional(),
    toDate: dateInput.optional(),
    estimated: z.boolean().optional(),
  })
  .superRefine((e, ctx) => {
    if (e.fromDate && e.toDate) {
      const from = parseDateInput(e.fromDate);
      const to = parseDateInput(e.toDate);
      if (from && to && to < from) ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'must not be before fromDate' });
    }
  });

export const geoMarkerInput = z.strictObject({
  title: text(255).optional(),
  typeId: id.nullable().optional(),
  main: z.boolean().optional(),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  comment: text(2000).optional(),
});

const fields = {
  title: text(255).min(1, 'must not be empty'),
  titleAr: text(255),
  analystTitle: text(255),
  analystTitleAr: text(255),
  description: z.string().max(200_000),
  sourceLink,
  publishDate: dateInput,
  documentationDate: dateInput,
  originId: text(255),
  tags: z.array(text(100).min(1, 'must not be empty')).max(100),
  status: text(100).min(1),
  labels: ids,
  verifiedLabels: ids,
  sources: ids,
  locations: ids,
  events: z.array(eventInput).max(200),
  geoMarkers: z.array(geoMarkerInput).max(200),
  accessGroups: ids,
  assignedTo: id.nullable(),
};

const comment = text(2000).min(1, 'say why you are making this change');

export const bulletinCreateBody = z.strictObject({
  ...fields,
  titleAr: fields.titleAr.optional(),
  analystTitle: fields.analystTitle.optional(),
  analystTitleAr: fields.analystTitleAr.optional(),
  description: fields.description.optional(),
  sourceLink: fields.sourceLink.optional(),
  publishDate: fields.publishDate.optional(),
  documentationDate: fields.documentationDate.optional(),
  originId: fields.originId.optional(),
  tags: fields.tags.optional(),
  status: fields.status.optional(),
  labels: fields.labels.optional(),
  verifiedLabels: fields.verifiedLabels.optional(),
  sources: fields.sources.optional(),
  locations: fields.locations.optional(),
  events: fields.events.optional(),
  geoMarkers: fields.geoMarkers.optional(),
  accessGroups: fields.accessGroups.optional(),
  assignedTo: fields.assignedTo.optional(),
  comment,
});

export const bulletinUpdateBody = bulletinCreateBody.partial().extend({ comment });

export type BulletinInput = z.infer<typeof bulletinCreateBody>;
export type BulletinPatch = z.infer<typeof bulletinUpdateBody>;

export const bulletinListQuery = z.strictObject({
  q: z.string().max(500).optional(),
  ...listQueryShape,
});

export const idParams = z.strictObject({ id: z.coerce.number().int().positive() });

export const deleteBody = z.strictObject({ comment });
