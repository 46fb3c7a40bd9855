/**
 * Map background tiles are a setting: none by default (tiles cannot be fetched everywhere,
 * and the CSP img-src must list the tile host). Set at build time with VITE_MAP_TILE_URL,
 * or per browser with localStorage "dalil.mapTileUrl".
 */
export function mapTileUrl(): string {
  try {
    const local = localStorage.getItem('dalil.mapTileUrl');
    if (local) return local;
  } catch {
    // storage unavailable: use the build setting
  }
  const built: unknown = import.meta.env.VITE_MAP_TILE_URL;
  return typeof built === 'string' ? built : '';
}
