/** The small lookup lists served under `/api/vocab/:kind`, all stored in `vocab_terms`. */
export const VOCAB_KINDS = [
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
export type VocabKind = (typeof VOCAB_KINDS)[number];

/** Lists whose terms carry a numeric code that must be present and unique. */
export const KINDS_WITH_CODE: ReadonlySet<VocabKind> = new Set(['location-admin-levels']);

export const isVocabKind = (v: string): v is VocabKind => (VOCAB_KINDS as readonly string[]).includes(v);
