import type { Db } from '../../db/client.js';
import { childCounts } from '../../lib/tree.js';
import type { LocationWithTerms } from './locations.repo.js';
import type { LocationJson } from './locations.schemas.js';

/** Location JSON for a page of rows; child counts in one grouped query. */
export async function presentLocations(db: Db, found: LocationWithTerms[]): Promise<LocationJson[]> {
  const children = await childCounts(
    db,
    'locations',
    found.map((r) => r.location.id),
  );
  return found.map(({ location: l, adminLevel, locationType, country }) => ({
    id: l.id,
    title: l.title,
    titleAr: l.titleAr,
    parentId: l.parentId,
    fullName: l.fullName,
    fullNameAr: l.fullNameAr,
    lat: l.lat,
    lng: l.lng,
    adminLevel,
    locationType,
    country,
    description: l.description,
    postalCode: l.postalCode,
    tags: l.tags,
    childCount: children.get(l.id) ?? 0,
  }));
}
