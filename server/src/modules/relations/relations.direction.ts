/**
 * Which title of a relation type a page shows. A relation type has `title` and `reverseTitle`
 * (e.g. "Parent" / "Child"); with `reversed = false` the `title` describes the record on the
 * LEFT of the stored row (the lower id of a same-kind pair, the first kind of a mixed pair)
 * and `reverseTitle` the record on the right. A page always labels the OTHER record, so a
 * Parent/Child relation reads "Parent" on the child's page, next to the parent, and "Child"
 * on the parent's page.
 *
 * A request says `reverse: false` to label the other record with `title` as seen from the page
 * it is sent from, `reverse: true` for `reverseTitle`; both ends of one relation then store
 * the same row. Mixed-kind pairs are never stored reversed.
 */

/** The stored `reversed` flag for a relation made from one page with the request's `reverse`. */
export function storedReversed(reverse: boolean, otherIsRight: boolean): boolean {
  return reverse !== otherIsRight;
}

/** Whether a page whose other record is on the right (or left) shows the reverse titles. */
export function reverseSeenFrom(reversed: boolean, otherIsRight: boolean): boolean {
  return reversed !== otherIsRight;
}

export interface TypeTitles {
  id: number;
  title: string;
  reverseTitle: string;
  titleAr: string;
  reverseTitleAr: string;
}

/**
 * Arabic reverse title of a type. A directional type (Parent/Child) without one must not fall
 * back to the forward Arabic title — that would read the wrong way — so it uses the English
 * reverse title; a symmetric type (Sibling) uses its Arabic title.
 */
export function reverseTitleArOf(t: Pick<TypeTitles, 'title' | 'reverseTitle' | 'titleAr' | 'reverseTitleAr'>): string {
  if (t.reverseTitleAr) return t.reverseTitleAr;
  const directional = t.reverseTitle !== '' && t.reverseTitle !== t.title;
  return directional ? t.reverseTitle : t.titleAr;
}

/** The type's label as one page shows it (an empty reverse title falls back to the title). */
export function typeLabel(t: TypeTitles, reverse: boolean): { id: number; title: string; titleAr: string } {
  return reverse
    ? { id: t.id, title: t.reverseTitle || t.title, titleAr: reverseTitleArOf(t) }
    : { id: t.id, title: t.title, titleAr: t.titleAr };
}
