export type FlatKind = 'event-type' | 'relation-type' | 'term';

/** Every field the flat-list dialog can edit; each kind uses its own subset. */
export interface FlatValues {
  title: string;
  titleAr: string;
  comments: string;
  description: string;
  forBulletin: boolean;
  forActor: boolean;
  forIncident: boolean;
  pair: string;
  reverseTitle: string;
  reverseTitleAr: string;
  code: number | null;
  sortOrder: number;
}

export interface FlatColumn<R> {
  key: string;
  label: string;
  value: (row: R) => string;
  ltr?: boolean;
}
