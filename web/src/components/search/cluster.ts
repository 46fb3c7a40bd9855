/** Grid clustering for the results map: points in the same screen cell (at the current zoom) merge. */
export interface GeoPoint {
  lat: number;
  lng: number;
  id: number;
  label: string;
}
export interface Cluster {
  lat: number;
  lng: number;
  count: number;
  points: GeoPoint[];
}

/** Web-Mercator pixel position at a zoom level (256-px tiles). */
export function project(lat: number, lng: number, zoom: number): { x: number; y: number } {
  const scale = 256 * 2 ** zoom;
  const s = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
  return { x: ((lng + 180) / 360) * scale, y: (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * scale };
}

export function clusterPoints(points: GeoPoint[], zoom: number, cellPx = 60): Cluster[] {
  const cells = new Map<string, Cluster>();
  for (const p of points) {
    const { x, y } = project(p.lat, p.lng, zoom);
    const key = `${Math.floor(x / cellPx)}:${Math.floor(y / cellPx)}`;
    const c = cells.get(key);
    if (c) {
      c.lat = (c.lat * c.count + p.lat) / (c.count + 1);
      c.lng = (c.lng * c.count + p.lng) / (c.count + 1);
      c.count++;
      c.points.push(p);
    } else cells.set(key, { lat: p.lat, lng: p.lng, count: 1, points: [p] });
  }
  return [...cells.values()];
}
