import { z } from 'zod';
import { listQueryShape } from '../../http/listQuery.js';
import { dateInput, eventInput, sourceLink } from '../records/records.schemas.js';

// Shared with actors and incidents; re-exported so existing imports keep working.
export { dateInput, eventInput, sourceLink };

const id = z.number().int().positive().max(2_147_483_647, 'is not a valid id');
const ids = z.array(id).max(500);
const text = (max: number) => z.string().trim().max(max);

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

export const idParams = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647, 'is not a valid id'),
});

export const deleteBody = z.strictObject({ comment });
