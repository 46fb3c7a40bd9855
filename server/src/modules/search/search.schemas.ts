import { z } from 'zod';
import { parseDateInput } from '../../lib/dates.js';

/** Request shapes of `POST /api/K/search` (API.md "Advanced search"); unknown filter names are rejected. */
const id = z.number().int().positive().max(2_147_483_647, 'is not a valid id');
const ids = z.array(id).max(500);
const mode = z.enum(['any', 'all']);
const str = (max: number) => z.string().trim().max(max);
// A real calendar day (no 2020-02-30), year 1000 or later like every stored date.
const day = z
  .string()
  .max(10)
  .refine(
    (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && parseDateInput(v) !== null,
    'must be a real date, YYYY-MM-DD (year 1000 or later)',
  );

export const dateRange = z.strictObject({ from: day.optional(), to: day.optional() });
export type DateRange = z.infer<typeof dateRange>;

export const eventFilter = z.strictObject({
  types: ids.optional(),
  locations: ids.optional(),
  from: day.optional(),
  to: day.optional(),
  /** All event criteria must hold on one and the same event. */
  sameEvent: z.boolean().optional(),
});
export type EventFilter = z.infer<typeof eventFilter>;

export const nearFilter = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  radiusM: z.number().positive().max(20_000_000),
  /** Which places count (default: all the kind has). */
  by: z
    .array(z.enum(['locations', 'geoMarkers', 'events', 'originPlace']))
    .max(4)
    .optional(),
});
export type NearFilter = z.infer<typeof nearFilter>;

export const relatedTo = z.strictObject({ kind: z.enum(['bulletin', 'actor', 'incident']), id });

const common = {
  op: z.enum(['and', 'or']).optional(),
  ids: ids.optional(),
  text: str(500).optional(),
  excludeText: str(500).optional(),
  phrase: str(500).optional(),
  labels: ids.optional(),
  labelsMode: mode.optional(),
  includeChildLabels: z.boolean().optional(),
  excludeLabels: ids.optional(),
  locations: ids.optional(),
  locationsMode: mode.optional(),
  excludeLocations: ids.optional(),
  statuses: z.array(str(100)).max(50).optional(),
  assignedTo: ids.optional(),
  unassigned: z.boolean().optional(),
  reviewer: ids.optional(),
  reviewAction: str(100).optional(),
  accessGroups: ids.optional(),
  unrestricted: z.boolean().optional(),
  created: dateRange.optional(),
  updated: dateRange.optional(),
  event: eventFilter.optional(),
  near: nearFilter.optional(),
  relatedTo: relatedTo.optional(),
};

/** Filters shared by bulletins and actors (actors through their profiles). */
const documented = {
  verifiedLabels: ids.optional(),
  verifiedLabelsMode: mode.optional(),
  includeChildVerifiedLabels: z.boolean().optional(),
  excludeVerifiedLabels: ids.optional(),
  sources: ids.optional(),
  sourcesMode: mode.optional(),
  includeChildSources: z.boolean().optional(),
  excludeSources: ids.optional(),
  tags: z.array(str(100)).max(50).optional(),
  tagsMode: mode.optional(),
  /** true (default): whole tags; false: tags containing the text. */
  tagsExact: z.boolean().optional(),
  excludeTags: z.array(str(100)).max(50).optional(),
  excludeTagsExact: z.boolean().optional(),
  originId: str(255).optional(),
  publishDate: dateRange.optional(),
  documentationDate: dateRange.optional(),
};

const actorOnly = {
  nickname: str(255).optional(),
  firstName: str(255).optional(),
  middleName: str(255).optional(),
  lastName: str(255).optional(),
  fatherName: str(255).optional(),
  motherName: str(255).optional(),
  occupation: str(255).optional(),
  position: str(255).optional(),
  idNumber: z.strictObject({ type: id.optional(), number: str(255).optional() }).optional(),
  originLocations: ids.optional(),
  excludeOriginLocations: ids.optional(),
  sex: z.array(str(50)).max(10).optional(),
  age: z.array(str(50)).max(10).optional(),
  civilian: z.array(str(50)).max(10).optional(),
  type: z.array(str(50)).max(10).optional(),
  familyStatus: z.array(str(50)).max(10).optional(),
  ethnographies: ids.optional(),
  ethnographiesMode: mode.optional(),
  nationalities: ids.optional(),
  nationalitiesMode: mode.optional(),
  dialects: ids.optional(),
  dialectsMode: mode.optional(),
};

const incidentOnly = {
  potentialViolations: ids.optional(),
  claimedViolations: ids.optional(),
};

export const bulletinBlock = z.strictObject({ ...common, ...documented });
export const actorBlock = z.strictObject({ ...common, ...documented, ...actorOnly });
export const incidentBlock = z.strictObject({ ...common, ...incidentOnly });

/** The union of every kind's filters; compile code reads it, schemas above decide what each kind accepts. */
export type Block = Partial<z.infer<typeof actorBlock> & z.infer<typeof incidentBlock>>;

const body = <T extends z.ZodTypeAny>(block: T) =>
  z.strictObject({
    blocks: z.array(block).max(20).default([]),
    limit: z.number().int().min(1).max(200).default(30),
    cursor: z.string().max(500).optional(),
    count: z.enum(['exact', 'estimate', 'none']).default('exact'),
  });

export const searchBodies = {
  bulletin: body(bulletinBlock),
  actor: body(actorBlock),
  incident: body(incidentBlock),
} as const;

export type SearchKind = keyof typeof searchBodies;
export interface SearchRequest {
  blocks: Block[];
  limit: number;
  cursor?: string | undefined;
  count: 'exact' | 'estimate' | 'none';
}

export const savedSearchCreate = z.strictObject({
  name: str(100).min(1, 'must not be empty'),
  kind: z.enum(['bulletin', 'actor', 'incident']),
  query: z.strictObject({ blocks: z.array(z.record(z.string(), z.unknown())).max(20) }),
});
export const savedSearchUpdate = z.strictObject({
  name: str(100).min(1, 'must not be empty').optional(),
  query: savedSearchCreate.shape.query.optional(),
});
