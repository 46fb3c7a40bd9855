/** Checks done before sending, mirroring the server's rules; values are i18n keys. */
import type { BulletinInput } from '../api/types';

export function validateBulletin(input: BulletinInput, comment: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!input.title) errors.title = 'errors.required';
  if (!comment.trim()) errors.comment = 'errors.required';
  input.events.forEach((e, i) => {
    if (e.fromDate && e.toDate && e.toDate < e.fromDate) errors[`events.${i}.toDate`] = 'errors.dateOrder';
  });
  input.geoMarkers.forEach((g, i) => {
    if (!Number.isFinite(g.lat)) errors[`geoMarkers.${i}.lat`] = 'errors.invalidNumber';
    else if (g.lat < -90 || g.lat > 90) errors[`geoMarkers.${i}.lat`] = 'errors.latRange';
    if (!Number.isFinite(g.lng)) errors[`geoMarkers.${i}.lng`] = 'errors.invalidNumber';
    else if (g.lng < -180 || g.lng > 180) errors[`geoMarkers.${i}.lng`] = 'errors.lngRange';
  });
  return errors;
}
