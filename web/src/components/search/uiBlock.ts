import type { SearchBlock, SearchKind } from '../../api/search';
import type { Picked } from '../../utils/bulletinInput';
import type { Label, Location, Source, TitledRef } from '../../api/types';
import { cleanBlock, type NameBook } from './chips';

/** What the block editor edits: picked vocabulary objects (for names) instead of bare ids. */
export interface UiBlock {
  key: number;
  op: 'and' | 'or';
  text: string;
  excludeText: string;
  phrase: string;
  labels: Picked<Label>[];
  labelsMode: 'any' | 'all';
  includeChildLabels: boolean;
  excludeLabels: Picked<Label>[];
  sources: Picked<Source>[];
  includeChildSources: boolean;
  excludeSources: Picked<Source>[];
  locations: Picked<Location>[];
  excludeLocations: Picked<Location>[];
  tags: string[];
  tagsExact: boolean;
  excludeTags: string[];
  statuses: string[];
  assignedTo: number | null;
  unassigned: boolean;
  reviewer: number | null;
  accessGroups: number[];
  unrestricted: boolean;
  originId: string;
  pubFrom: string;
  pubTo: string;
  docFrom: string;
  docTo: string;
  createdFrom: string;
  createdTo: string;
  eventTypes: number[];
  eventFrom: string;
  eventTo: string;
  sameEvent: boolean;
  nearPlace: Picked<Location> | null;
  nearKm: number;
  relatedKind: SearchKind;
  relatedId: number | null;
  /** Actors: name parts and identity. */
  firstName: string;
  lastName: string;
  nickname: string;
  occupation: string;
  idNumber: string;
  /** Incidents: violations. */
  potentialViolations: TitledRef[];
  claimedViolations: TitledRef[];
}

let seq = 0;
export function emptyBlock(op: 'and' | 'or' = 'and'): UiBlock {
  return {
    key: ++seq,
    op,
    text: '',
    excludeText: '',
    phrase: '',
    labels: [],
    labelsMode: 'any',
    includeChildLabels: true,
    excludeLabels: [],
    sources: [],
    includeChildSources: true,
    excludeSources: [],
    locations: [],
    excludeLocations: [],
    tags: [],
    tagsExact: true,
    excludeTags: [],
    statuses: [],
    assignedTo: null,
    unassigned: false,
    reviewer: null,
    accessGroups: [],
    unrestricted: false,
    originId: '',
    pubFrom: '',
    pubTo: '',
    docFrom: '',
    docTo: '',
    createdFrom: '',
    createdTo: '',
    eventTypes: [],
    eventFrom: '',
    eventTo: '',
    sameEvent: false,
    nearPlace: null,
    nearKm: 10,
    relatedKind: 'bulletin',
    relatedId: null,
    firstName: '',
    lastName: '',
    nickname: '',
    occupation: '',
    idNumber: '',
    potentialViolations: [],
    claimedViolations: [],
  };
}

/** The near-place of a block has no coordinates, so a radius search around it is impossible. */
export function nearWithoutCoordinates(b: UiBlock): boolean {
  return b.nearPlace !== null && (typeof b.nearPlace.lat !== 'number' || typeof b.nearPlace.lng !== 'number');
}

const range = (from: string, to: string) => (from || to ? { from: from || undefined, to: to || undefined } : undefined);
const ids = (xs: { id: number }[]) => xs.map((x) => x.id);

/** The filters only one kind accepts (the server rejects the others with 400). */
function kindFilters(b: UiBlock, kind: SearchKind): SearchBlock {
  const documented =
    kind === 'incident'
      ? {}
      : {
          sources: ids(b.sources),
          includeChildSources: b.includeChildSources,
          excludeSources: ids(b.excludeSources),
          tags: b.tags,
          tagsExact: b.tagsExact ? undefined : false,
          excludeTags: b.excludeTags,
          originId: b.originId.trim(),
          publishDate: range(b.pubFrom, b.pubTo),
          documentationDate: range(b.docFrom, b.docTo),
        };
  if (kind === 'actor')
    return {
      ...documented,
      firstName: b.firstName.trim(),
      lastName: b.lastName.trim(),
      nickname: b.nickname.trim(),
      occupation: b.occupation.trim(),
      idNumber: b.idNumber.trim() ? { number: b.idNumber.trim() } : undefined,
    };
  if (kind === 'incident')
    return { potentialViolations: ids(b.potentialViolations), claimedViolations: ids(b.claimedViolations) };
  return documented;
}

export function toSearchBlock(b: UiBlock, index: number, kind: SearchKind = 'bulletin'): SearchBlock {
  const near =
    b.nearPlace && !nearWithoutCoordinates(b)
      ? { lat: b.nearPlace.lat as number, lng: b.nearPlace.lng as number, radiusM: Math.max(0.1, b.nearKm) * 1000 }
      : undefined;
  const event =
    b.eventTypes.length || b.eventFrom || b.eventTo
      ? {
          types: b.eventTypes.length ? b.eventTypes : undefined,
          from: b.eventFrom || undefined,
          to: b.eventTo || undefined,
          sameEvent: b.sameEvent || undefined,
        }
      : undefined;
  return cleanBlock({
    op: index === 0 ? undefined : b.op,
    text: b.text.trim(),
    excludeText: b.excludeText.trim(),
    phrase: b.phrase.trim(),
    labels: ids(b.labels),
    labelsMode: b.labelsMode === 'all' ? 'all' : undefined,
    includeChildLabels: b.includeChildLabels,
    excludeLabels: ids(b.excludeLabels),
    locations: ids(b.locations),
    excludeLocations: ids(b.excludeLocations),
    statuses: b.statuses,
    assignedTo: b.assignedTo ? [b.assignedTo] : undefined,
    unassigned: b.unassigned,
    reviewer: b.reviewer ? [b.reviewer] : undefined,
    accessGroups: b.accessGroups,
    unrestricted: b.unrestricted,
    created: range(b.createdFrom, b.createdTo),
    event,
    near,
    relatedTo: b.relatedId && b.relatedId > 0 ? { kind: b.relatedKind, id: b.relatedId } : undefined,
    ...kindFilters(b, kind),
  });
}

export function namesOf(blocks: UiBlock[]): NameBook {
  const book: NameBook = { labels: {}, sources: {}, locations: {}, violations: {} };
  for (const b of blocks) {
    for (const l of [...b.labels, ...b.excludeLabels]) book.labels![l.id] = l.title;
    for (const s of [...b.sources, ...b.excludeSources]) book.sources![s.id] = s.title;
    for (const l of [...b.locations, ...b.excludeLocations]) book.locations![l.id] = l.title;
    for (const v of [...b.potentialViolations, ...b.claimedViolations]) book.violations![v.id] = v.title;
  }
  return book;
}

/** Fetches the names of ids in a saved query; an id that no longer resolves keeps "#id". */
export interface NameLookup {
  label(id: number): Promise<TitledRef>;
  source(id: number): Promise<TitledRef>;
  location(id: number): Promise<TitledRef & { lat?: number | null; lng?: number | null }>;
  term(kind: string, id: number): Promise<TitledRef>;
}

const placeholder = (id: number) => ({ id, title: `#${id}`, titleAr: null });
async function resolve<T>(ids: number[] | undefined, get: (id: number) => Promise<T>): Promise<T[]> {
  return Promise.all((ids ?? []).map((id) => get(id).catch(() => placeholder(id) as T)));
}

/** Back from a saved query to editable blocks, with the names of picked vocabulary looked up. */
export async function fromSearchBlock(s: SearchBlock, lookup: NameLookup): Promise<UiBlock> {
  const b = emptyBlock(s.op === 'or' ? 'or' : 'and');
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const num = (v: unknown) => (Array.isArray(v) && typeof v[0] === 'number' ? v[0] : null);
  const numbers = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []);
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const r = (v: unknown) => (v && typeof v === 'object' ? (v as { from?: string; to?: string }) : {});
  b.text = str(s.text);
  b.excludeText = str(s.excludeText);
  b.phrase = str(s.phrase);
  const [labels, exLabels, sources, exSources, locations, exLocations] = await Promise.all([
    resolve(numbers(s.labels), lookup.label),
    resolve(numbers(s.excludeLabels), lookup.label),
    resolve(numbers(s.sources), lookup.source),
    resolve(numbers(s.excludeSources), lookup.source),
    resolve(numbers(s.locations), lookup.location),
    resolve(numbers(s.excludeLocations), lookup.location),
  ]);
  Object.assign(b, {
    labels,
    excludeLabels: exLabels,
    sources,
    excludeSources: exSources,
    locations,
    excludeLocations: exLocations,
  });
  b.labelsMode = s.labelsMode === 'all' ? 'all' : 'any';
  // Without labels (or sources) the switch was not saved: keep the form's default, "include".
  b.includeChildLabels = labels.length ? s.includeChildLabels === true : true;
  b.includeChildSources = sources.length ? s.includeChildSources === true : true;
  b.tags = strings(s.tags);
  b.tagsExact = s.tagsExact !== false;
  b.excludeTags = strings(s.excludeTags);
  b.statuses = strings(s.statuses);
  b.assignedTo = num(s.assignedTo);
  b.unassigned = s.unassigned === true;
  b.reviewer = num(s.reviewer);
  b.accessGroups = numbers(s.accessGroups);
  b.unrestricted = s.unrestricted === true;
  b.originId = str(s.originId);
  ({ from: b.pubFrom = '', to: b.pubTo = '' } = r(s.publishDate));
  ({ from: b.docFrom = '', to: b.docTo = '' } = r(s.documentationDate));
  ({ from: b.createdFrom = '', to: b.createdTo = '' } = r(s.created));
  const ev = (s.event ?? {}) as { types?: unknown; from?: string; to?: string; sameEvent?: boolean };
  b.eventTypes = numbers(ev.types);
  b.eventFrom = ev.from ?? '';
  b.eventTo = ev.to ?? '';
  b.sameEvent = ev.sameEvent === true;
  if (s.near) {
    b.nearPlace = {
      id: 0,
      title: `${s.near.lat.toFixed(3)}, ${s.near.lng.toFixed(3)}`,
      titleAr: null,
      lat: s.near.lat,
      lng: s.near.lng,
    } as never;
    b.nearKm = s.near.radiusM / 1000;
  }
  const rel = s.relatedTo as { kind?: SearchKind; id?: number } | undefined;
  if (rel?.kind && rel.id) {
    b.relatedKind = rel.kind;
    b.relatedId = rel.id;
  }
  b.firstName = str(s.firstName);
  b.lastName = str(s.lastName);
  b.nickname = str(s.nickname);
  b.occupation = str(s.occupation);
  b.idNumber = str((s.idNumber as { number?: string } | undefined)?.number);
  [b.potentialViolations, b.claimedViolations] = await Promise.all([
    resolve(numbers(s.potentialViolations), (id) => lookup.term('potential-violations', id)),
    resolve(numbers(s.claimedViolations), (id) => lookup.term('claimed-violations', id)),
  ]);
  return b;
}
