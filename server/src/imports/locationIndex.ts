import type { Db } from '../db/client.js';
import { locations } from '../db/schema/index.js';
import { normalizeText } from '../lib/normalize.js';

export interface Place {
  id: number;
  title: string;
  titleAr: string;
  lat: number | null;
  lng: number | null;
  path: string;
}

interface Entry extends Place {
  names: string[];
  depth: number;
}

/** Great-circle distance in km. */
function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/**
 * The location tree in memory for matching place names during an import (one query, no
 * lookups per row). Names match after normalisation (Arabic letter variants, case, accents).
 */
export class LocationIndex {
  private entries: Entry[] = [];

  static async load(db: Db): Promise<LocationIndex> {
    const index = new LocationIndex();
    const all = await db
      .select({
        id: locations.id,
        title: locations.title,
        titleAr: locations.titleAr,
        lat: locations.lat,
        lng: locations.lng,
        path: locations.path,
      })
      .from(locations);
    for (const p of all) index.add(p);
    return index;
  }

  add(p: Place): void {
    const names = [p.title, p.titleAr].map(normalizeText).filter(Boolean);
    this.entries.push({ ...p, names, depth: p.path.split('/').length });
  }

  /** The shallowest place with this name: the region a mapping's `within` refers to. */
  region(name: string): Place | undefined {
    const n = normalizeText(name);
    return this.entries.filter((e) => e.names.includes(n)).sort((a, b) => a.depth - b.depth)[0];
  }

  /**
   * The place named by any of `names`: exact names first, then names that begin with the
   * given one as a whole word ("Daraya" → "Daraya al-Balad"). Among several, the one nearest
   * to `point`, else the shallowest.
   */
  match(names: string[], point: { lat: number; lng: number } | null, within?: Place): Place | undefined {
    const wanted = names.map(normalizeText).filter(Boolean);
    if (wanted.length === 0) return undefined;
    const inRegion = within
      ? this.entries.filter((e) => e.path.startsWith(within.path) && e.id !== within.id)
      : this.entries;
    const exact = inRegion.filter((e) => e.names.some((n) => wanted.includes(n)));
    const candidates = exact.length
      ? exact
      : inRegion.filter((e) => e.names.some((n) => wanted.some((w) => n.startsWith(`${w} `))));
    if (candidates.length <= 1) return candidates[0];
    const withPoint = point ? candidates.filter((c) => c.lat !== null && c.lng !== null) : [];
    if (point && withPoint.length) {
      return withPoint.sort(
        (a, b) => distanceKm(point, { lat: a.lat!, lng: a.lng! }) - distanceKm(point, { lat: b.lat!, lng: b.lng! }),
      )[0];
    }
    return candidates.sort((a, b) => a.depth - b.depth || a.id - b.id)[0];
  }
}
