import { searchTextOf, stripTags } from '../../lib/normalize.js';
import { eventSearchParts } from '../records/records.events.js';
import type { ActorAggregate } from './actors.repo.js';

const titles = (list: { title: string; titleAr: string }[]) => list.flatMap((t) => [t.title, t.titleAr]);

/** Everything a quick search should find an actor by, including linked vocabulary in both languages. */
export function actorSearchText(agg: ActorAggregate): string {
  const r = agg.row;
  return searchTextOf([
    r.id,
    r.name,
    r.nameAr,
    r.firstName,
    r.firstNameAr,
    r.middleName,
    r.middleNameAr,
    r.lastName,
    r.lastNameAr,
    r.fatherName,
    r.fatherNameAr,
    r.motherName,
    r.motherNameAr,
    r.nickname,
    r.nicknameAr,
    r.occupation,
    r.occupationAr,
    r.position,
    r.positionAr,
    ...r.tags,
    agg.originPlace?.fullName,
    agg.originPlace?.fullNameAr,
    ...titles(agg.ethnographies),
    ...titles(agg.nationalities),
    ...titles(agg.dialects),
    ...agg.idNumbers.flatMap((n) => [n.number, n.type.title, n.type.titleAr]),
    ...agg.profiles.flatMap((p) => [
      p.row.originId,
      stripTags(p.row.description),
      p.row.sourceLink,
      ...titles(p.sources),
      ...titles(p.labels),
      ...titles(p.verifiedLabels),
      p.missingPerson?.lastAddress,
    ]),
    ...eventSearchParts(agg.events),
  ]);
}
