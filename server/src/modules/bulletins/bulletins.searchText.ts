import { searchTextOf, stripTags } from '../../lib/normalize.js';
import { eventSearchParts } from '../records/records.events.js';
import type { BulletinAggregate } from './bulletins.repo.js';

/** Everything a quick search should find a bulletin by, including linked vocabulary in both languages. */
export function bulletinSearchText(agg: BulletinAggregate): string {
  const r = agg.row;
  return searchTextOf([
    r.id,
    r.title,
    r.titleAr,
    r.analystTitle,
    r.analystTitleAr,
    stripTags(r.description),
    r.sourceLink,
    r.originId,
    ...r.tags,
    ...agg.labels.flatMap((l) => [l.title, l.titleAr]),
    ...agg.verifiedLabels.flatMap((l) => [l.title, l.titleAr]),
    ...agg.sources.flatMap((s) => [s.title, s.titleAr]),
    ...agg.locations.flatMap((l) => [l.fullName, l.fullNameAr]),
    ...eventSearchParts(agg.events),
    ...agg.geoMarkers.flatMap((g) => [g.title, g.comment]),
  ]);
}
