import { sql, type SQL } from 'drizzle-orm';
import type { Filter } from './search.context.js';
import { col, linkExists, probe } from './search.kinds.js';
import type { NearFilter } from './search.schemas.js';

const EARTH_RADIUS_M = 6_371_008.8;
const M_PER_DEG_LAT = 111_320;

/**
 * "Within radiusM of (lat, lng)" without PostGIS, the same SQL on PGlite and PostgreSQL: a
 * bounding box the (lat, lng) b-tree indexes serve, then the exact haversine distance.
 */
export function withinRadius(lat: SQL, lng: SQL, near: NearFilter): SQL {
  const dLat = near.radiusM / M_PER_DEG_LAT;
  const cos = Math.cos((near.lat * Math.PI) / 180);
  const dLng = cos > 1e-6 ? near.radiusM / (M_PER_DEG_LAT * cos) : 360;
  const box: SQL[] = [sql`${lat} between ${near.lat - dLat} and ${near.lat + dLat}`];
  // Near the poles or across the antimeridian the longitude box is skipped (haversine still decides).
  if (dLng < 180 && near.lng - dLng >= -180 && near.lng + dLng <= 180) {
    box.push(sql`${lng} between ${near.lng - dLng} and ${near.lng + dLng}`);
  }
  const haversine = sql`2 * ${EARTH_RADIUS_M}::float8 * asin(least(1, sqrt(
      power(sin(radians(${lat} - ${near.lat}::float8) / 2), 2)
      + cos(radians(${near.lat}::float8)) * cos(radians(${lat})) * power(sin(radians(${lng} - ${near.lng}::float8) / 2), 2))))`;
  return sql`(${sql.join(box, sql` and `)} and ${haversine} <= ${near.radiusM}::float8)`;
}

function nearLocationIds(near: NearFilter): SQL {
  return sql`select l.id from locations l where ${withinRadius(sql`l.lat`, sql`l.lng`, near)}`;
}

/** Records with a location, geo marker, event place (or, for actors, origin place) inside the circle. */
export const geoFilters: Filter = (b, { spec }) => {
  const near = b.near;
  if (!near) return [];
  const by = new Set(near.by ?? ['locations', 'geoMarkers', 'events', 'originPlace']);
  const places = nearLocationIds(near);
  const parts: SQL[] = [];
  if (by.has('locations') && spec.links.locations)
    parts.push(linkExists(spec, 'locations', (t) => sql`${t} in (${places})`));
  if (by.has('originPlace') && spec.kind === 'actor') parts.push(sql`${col(spec, 'origin_place_id')} in (${places})`);
  if (by.has('geoMarkers') && spec.kind === 'bulletin') {
    parts.push(
      sql`exists (select 1 from geo_markers g where g.bulletin_id = ${col(spec, 'id')} and ${withinRadius(sql`g.lat`, sql`g.lng`, near)}${probe(spec)})`,
    );
  }
  if (by.has('events')) {
    parts.push(
      sql`exists (select 1 from events e where e.${sql.identifier(spec.owner)} = ${col(spec, 'id')} and e.location_id in (${places})${probe(spec)})`,
    );
  }
  return [parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`];
};
