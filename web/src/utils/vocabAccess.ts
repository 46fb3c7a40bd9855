import type { User } from '../api/types';

/** The small lookup lists served under /api/vocab/:kind, in menu order. */
export const SMALL_LISTS = [
  'countries',
  'ethnographies',
  'dialects',
  'id-number-types',
  'media-categories',
  'geo-location-types',
  'potential-violations',
  'claimed-violations',
  'location-types',
  'location-admin-levels',
  'workflow-statuses',
] as const;
export type SmallList = (typeof SMALL_LISTS)[number];
export type VocabList = 'labels' | 'sources' | 'locations' | 'event-types' | 'relation-types' | SmallList;

export const isSmallList = (v: unknown): v is SmallList =>
  typeof v === 'string' && (SMALL_LISTS as readonly string[]).includes(v);

/** Lists whose terms carry a numeric code (countries: ISO numeric; admin levels: level number). */
export const LISTS_WITH_CODE: ReadonlySet<SmallList> = new Set(['countries', 'location-admin-levels']);

const has = (user: User | null | undefined, role: string) =>
  Boolean(user?.roles.includes(role as User['roles'][number]));

/** Who may change a list (and export or import it); the server enforces the same rules. */
export function canManage(user: User | null | undefined, list: VocabList): boolean {
  if (!user) return false;
  const admin = has(user, 'Admin');
  if (list === 'labels' || list === 'sources' || list === 'event-types') return admin || has(user, 'Moderator');
  if (list === 'locations') return admin || has(user, 'Moderator') || Boolean(user.permissions?.canEditLocations);
  return admin;
}

/** Only Admins delete vocabulary terms. */
export function canDeleteTerms(user: User | null | undefined): boolean {
  return has(user, 'Admin');
}

/** The lists a user may manage, in menu order. */
export function manageableLists(user: User | null | undefined): VocabList[] {
  const all: VocabList[] = ['labels', 'sources', 'locations', 'event-types', 'relation-types', ...SMALL_LISTS];
  return all.filter((l) => canManage(user, l));
}
