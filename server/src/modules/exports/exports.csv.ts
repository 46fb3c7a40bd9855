import { stripTags } from '../../lib/normalize.js';
import type { ActorJson } from '../actors/actors.presenter.js';
import type { BulletinJson } from '../bulletins/bulletins.presenter.js';
import type { IncidentJson } from '../incidents/incidents.presenter.js';
import type { RecordKind } from '../records/records.types.js';

/**
 * CSV columns of an export, per kind: one row per record, computed from the same JSON the API
 * returns (one presenter, so CSV and JSON exports never disagree). Lists are "; "-joined;
 * rich text becomes plain text. Cells are neutralised and quoted by the writer (lib/csvCells).
 */
type Term = { title: string; titleAr: string };
type Place = { fullName: string; fullNameAr: string };
const titles = (list: readonly Term[]) => list.map((t) => t.title || t.titleAr).join('; ');
const titlesAr = (list: readonly Term[]) => list.map((t) => t.titleAr || t.title).join('; ');
const places = (list: readonly Place[]) => list.map((p) => p.fullName || p.fullNameAr).join('; ');
const text = (v: string | number | boolean | null | undefined) => (v === null || v === undefined ? '' : String(v));
/** Rich text as plain text: block ends become line breaks, runs of spaces one space. */
const plain = (html: string | null | undefined) =>
  stripTags((html ?? '').replace(/<(br|\/p|\/div|\/li|\/h[1-6])\b[^>]*>/gi, '\n'))
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim();

type Column<T> = [header: string, cell: (r: T) => string];

const BULLETIN: Column<BulletinJson>[] = [
  ['id', (r) => text(r.id)],
  ['originId', (r) => text(r.originId)],
  ['title', (r) => r.title],
  ['titleAr', (r) => r.titleAr],
  ['status', (r) => r.status],
  ['publishDate', (r) => text(r.publishDate)],
  ['documentationDate', (r) => text(r.documentationDate)],
  ['labels', (r) => titles(r.labels)],
  ['labelsAr', (r) => titlesAr(r.labels)],
  ['verifiedLabels', (r) => titles(r.verifiedLabels)],
  ['locations', (r) => places(r.locations)],
  ['sources', (r) => titles(r.sources)],
  ['tags', (r) => (r.tags ?? []).join('; ')],
  ['sourceLink', (r) => r.sourceLink],
  ['description', (r) => plain(r.description)],
  ['createdAt', (r) => text(r.createdAt)],
  ['updatedAt', (r) => text(r.updatedAt)],
];

const ACTOR: Column<ActorJson>[] = [
  ['id', (r) => text(r.id)],
  ['type', (r) => r.type],
  ['name', (r) => r.displayName],
  ['nameAr', (r) => r.nameAr],
  ['nickname', (r) => r.nickname],
  ['nicknameAr', (r) => r.nicknameAr],
  ['sex', (r) => text(r.sex)],
  ['age', (r) => text(r.age)],
  ['civilian', (r) => text(r.civilian)],
  ['occupation', (r) => r.occupation],
  ['position', (r) => r.position],
  ['originPlace', (r) => (r.originPlace ? places([r.originPlace]) : '')],
  ['nationalities', (r) => titles(r.nationalities)],
  ['ethnographies', (r) => titles(r.ethnographies)],
  ['status', (r) => r.status],
  ['labels', (r) => titles(r.profiles.flatMap((p) => p.labels))],
  ['sources', (r) => titles(r.profiles.flatMap((p) => p.sources))],
  [
    'originIds',
    (r) =>
      r.profiles
        .map((p) => p.originId)
        .filter(Boolean)
        .join('; '),
  ],
  ['tags', (r) => (r.tags ?? []).join('; ')],
  [
    'description',
    (r) =>
      r.profiles
        .map((p) => plain(p.description))
        .filter(Boolean)
        .join('\n\n'),
  ],
  ['createdAt', (r) => text(r.createdAt)],
  ['updatedAt', (r) => text(r.updatedAt)],
];

const INCIDENT: Column<IncidentJson>[] = [
  ['id', (r) => text(r.id)],
  ['title', (r) => r.title],
  ['titleAr', (r) => r.titleAr],
  ['status', (r) => r.status],
  ['labels', (r) => titles(r.labels)],
  ['locations', (r) => places(r.locations)],
  ['potentialViolations', (r) => titles(r.potentialViolations)],
  ['claimedViolations', (r) => titles(r.claimedViolations)],
  ['description', (r) => plain(r.description)],
  ['createdAt', (r) => text(r.createdAt)],
  ['updatedAt', (r) => text(r.updatedAt)],
];

const COLUMNS = { bulletin: BULLETIN, actor: ACTOR, incident: INCIDENT } as const;

export function csvHeader(kind: RecordKind): string[] {
  return COLUMNS[kind].map(([h]) => h);
}

export function csvRow(kind: RecordKind, record: unknown): string[] {
  return (COLUMNS[kind] as Column<unknown>[]).map(([, cell]) => cell(record));
}
