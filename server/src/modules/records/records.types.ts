/** Shapes of linked vocabulary as records present them (bulletins, actors, incidents). */
export interface TermRef {
  id: number;
  title: string;
  titleAr: string;
}

export interface LocationRef extends TermRef {
  fullName: string;
  fullNameAr: string;
  lat: number | null;
  lng: number | null;
}

export interface EventRow {
  id: number;
  title: string;
  titleAr: string;
  comments: string;
  commentsAr: string;
  fromDate: Date | null;
  toDate: Date | null;
  estimated: boolean;
  type: TermRef | null;
  location: LocationRef | null;
}

/** The three record kinds; also the `kind` of their revisions and activity rows. */
export type RecordKind = 'bulletin' | 'actor' | 'incident';
export const RECORD_KINDS: readonly RecordKind[] = ['bulletin', 'actor', 'incident'];

/** Names the UI and users see; every name in the name map that applies. */
export type UserNames = Map<number, { username: string; name: string }>;
