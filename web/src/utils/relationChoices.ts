/**
 * Relation types as readable choices for one page. The server stores a same-kind relation
 * once; a request's `reverse` says which title labels the OTHER record as seen from the page
 * it is sent from: false → `title` ("Parent"), true → `reverseTitle` ("Child"). A directional
 * type is therefore offered twice ("Parent", "Child"); a symmetric one once.
 * For two different kinds nothing is reversible: the page shows `title` when the other record
 * is the pair's first kind and `reverseTitle` (falling back to `title`) when it is the second.
 */
import type { RecordKind, RelatedItem, RelationType } from '../api/records';

export const RELATION_PAIRS = [
  'bulletin-bulletin',
  'actor-bulletin',
  'incident-bulletin',
  'actor-actor',
  'incident-actor',
  'incident-incident',
] as const;
export type RelationPair = (typeof RELATION_PAIRS)[number];

export function pairOf(a: RecordKind, b: RecordKind): RelationPair {
  const found = RELATION_PAIRS.find((p) => p === `${a}-${b}` || p === `${b}-${a}`);
  if (!found) throw new Error(`no relation pair for ${a}-${b}`);
  return found;
}

export interface TypeChoice {
  /** `${typeId}:${reverse ? 1 : 0}` — unique per choice. */
  key: string;
  typeId: number;
  reverse: boolean;
  /** Whether picking it fixes the direction (a same-kind type with a distinct reverse title). */
  directional: boolean;
  title: string;
  titleAr: string;
}

export const choiceKey = (typeId: number, reverse: boolean) => `${typeId}:${reverse ? 1 : 0}`;

const isDirectional = (t: RelationType) =>
  Boolean(t.reverseTitle) && (t.reverseTitle !== t.title || (t.reverseTitleAr || t.titleAr) !== t.titleAr);

export function typeChoices(types: RelationType[], pageKind: RecordKind, otherKind: RecordKind): TypeChoice[] {
  if (pageKind === otherKind) {
    return types.flatMap((t) => {
      const forward: TypeChoice = {
        key: choiceKey(t.id, false),
        typeId: t.id,
        reverse: false,
        directional: false,
        title: t.title,
        titleAr: t.titleAr || '',
      };
      if (!isDirectional(t)) return [forward];
      return [
        { ...forward, directional: true },
        {
          key: choiceKey(t.id, true),
          typeId: t.id,
          reverse: true,
          directional: true,
          title: t.reverseTitle || t.title,
          titleAr: t.reverseTitleAr || t.titleAr || '',
        },
      ];
    });
  }
  const pair = pairOf(pageKind, otherKind);
  const otherIsRight = pair.split('-')[1] === otherKind;
  return types.map((t) => ({
    key: choiceKey(t.id, false),
    typeId: t.id,
    reverse: false,
    directional: false,
    title: otherIsRight ? t.reverseTitle || t.title : t.title,
    titleAr: (otherIsRight ? t.reverseTitleAr || t.titleAr : t.titleAr) || '',
  }));
}

/** The choices an existing relation shows as selected on this page. */
export function selectedKeys(item: Pick<RelatedItem, 'types' | 'reverse'>, choices: TypeChoice[]): string[] {
  return item.types.map((t) => {
    const exact = choices.find((c) => c.typeId === t.id && c.reverse === item.reverse);
    return exact ? exact.key : choiceKey(t.id, false);
  });
}

export type SelectionResult = { ok: true; types: number[]; reverse: boolean } | { ok: false; error: 'mixedDirections' };

/** Turns chosen choices into the request's `types` and `reverse`; directions must agree. */
export function selectionToBody(keys: string[], choices: TypeChoice[]): SelectionResult {
  const picked = keys.map((k) => choices.find((c) => c.key === k)).filter((c): c is TypeChoice => Boolean(c));
  const directions = new Set(picked.filter((c) => c.directional).map((c) => c.reverse));
  if (directions.size > 1) return { ok: false, error: 'mixedDirections' };
  const reverse = directions.size === 1 ? [...directions][0] === true : false;
  return { ok: true, types: [...new Set(picked.map((c) => c.typeId))], reverse };
}
