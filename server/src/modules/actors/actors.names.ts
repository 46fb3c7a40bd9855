/** Name parts of an actor, as stored (empty string = not given). */
export interface ActorNameParts {
  type: string;
  name: string;
  nameAr: string;
  firstName: string;
  firstNameAr: string;
  middleName: string;
  middleNameAr: string;
  lastName: string;
  lastNameAr: string;
  nickname?: string;
  nicknameAr?: string;
}

const join = (...parts: string[]) =>
  parts
    .map((p) => p.trim())
    .filter(Boolean)
    .join(' ');

/**
 * The stored `name` and `nameAr`: for a person, "first middle last" from the parts that
 * exist in that language (Bayanat generates it the same way), else the name as given; an
 * entity keeps the name it was given.
 */
export function actorNames(p: ActorNameParts): { name: string; nameAr: string } {
  if (p.type !== 'Person') return { name: p.name.trim(), nameAr: p.nameAr.trim() };
  return {
    name: join(p.firstName, p.middleName, p.lastName) || p.name.trim(),
    nameAr: join(p.firstNameAr, p.middleNameAr, p.lastNameAr) || p.nameAr.trim(),
  };
}

/**
 * The one name shown for an actor everywhere (lists, relations, history): the English name,
 * else the Arabic one, else a nickname — never blank.
 */
export function actorDisplayName(p: ActorNameParts & { id?: number }): string {
  const { name, nameAr } = actorNames(p);
  return name || nameAr || (p.nickname ?? '').trim() || (p.nicknameAr ?? '').trim() || `Actor ${p.id ?? ''}`.trim();
}
