/**
 * The pairs of record kinds a relation can join, named "<kind>-<kind>". Each relation type
 * belongs to one pair. For a pair of two different kinds the first kind is the one whose
 * record holds the link in Bayanat (actor-bulletin = Bayanat's atob, incident-actor = itoa,
 * incident-bulletin = itob). For a self pair (bulletin-bulletin, actor-actor,
 * incident-incident) a link is stored once, lower id first: `title` reads from the lower id
 * to the higher ("Parent"), `reverseTitle` from the higher to the lower ("Child").
 */
export const RELATION_PAIRS = [
  'bulletin-bulletin',
  'actor-bulletin',
  'incident-bulletin',
  'actor-actor',
  'incident-actor',
  'incident-incident',
] as const;
export type RelationPair = (typeof RELATION_PAIRS)[number];

/** Bayanat's relation-info file names, for imports ("atoa_info.csv" → actor-actor). */
export const BAYANAT_INFO_PAIRS: Record<string, RelationPair> = {
  btob: 'bulletin-bulletin',
  atob: 'actor-bulletin',
  itob: 'incident-bulletin',
  atoa: 'actor-actor',
  itoa: 'incident-actor',
  itoi: 'incident-incident',
};
