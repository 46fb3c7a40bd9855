import { z } from 'zod';
import {
  longText,
  optionalTitle,
  parentFilter,
  parentIdInput,
  requiredTitle,
  vocabListShape,
} from '../../lib/vocabSchemas.js';

const termId = z.number().int().positive().max(2_147_483_647, 'is not a valid id').nullable();

const fields = {
  title: requiredTitle,
  titleAr: optionalTitle.optional(),
  parentId: parentIdInput.optional(),
  lat: z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90').nullable().optional(),
  lng: z
    .number()
    .min(-180, 'must be between -180 and 180')
    .max(180, 'must be between -180 and 180')
    .nullable()
    .optional(),
  adminLevelId: termId.optional(),
  locationTypeId: termId.optional(),
  countryId: termId.optional(),
  description: longText.optional(),
  postalCode: z.string().trim().max(32).optional(),
  tags: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
};

export const locationCreateBody = z.strictObject(fields);
export const locationUpdateBody = z.strictObject(fields).partial();

export const locationListQuery = z.object({
  ...vocabListShape,
  parentId: parentFilter,
  /** Admin level by code, e.g. 1 for governorates. */
  adminLevel: z.coerce.number().int().min(0).optional(),
});

export type LocationInput = z.infer<typeof locationCreateBody>;
export type LocationPatch = z.infer<typeof locationUpdateBody>;
export type LocationListQuery = z.infer<typeof locationListQuery>;

export interface LocationJson {
  id: number;
  title: string;
  titleAr: string;
  parentId: number | null;
  fullName: string;
  fullNameAr: string;
  lat: number | null;
  lng: number | null;
  adminLevel: { id: number; title: string; code: number | null } | null;
  locationType: { id: number; title: string } | null;
  country: { id: number; title: string } | null;
  description: string;
  postalCode: string;
  tags: string[];
  childCount: number;
}
