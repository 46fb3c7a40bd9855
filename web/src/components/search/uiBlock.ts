import type { SearchBlock } from '../../api/search';
import type { Picked } from '../../utils/bulletinInput';
import type { Label, Location, Source } from '../../api/types';
import { cleanBlock, type NameBook } from './chips';

/** What the block editor edits: picked vocabulary objects (for names) instead of bare ids. */
export interface UiBlock {
  key: number;
  op: 'and' | 'or';
  text: string;
  excludeText: string;
  labels: Picked<Label>[];
  labelsMode: 'any' | 'all';
  includeChildLabels: boolean;
  sources: Picked<Source>[];
  includeChildSources: boolean;
  locations: Picked<Location>[];
  tags: string[];
  tagsExact: boolean;
  pubFrom: string;
  pubTo: string;
  nearPlace: Picked<Location> | null;
  nearKm: number;
}

let seq = 0;
export function emptyBlock(op: 'and' | 'or' = 'and'): UiBlock {
  return {
    key: ++seq,
    op,
    text: '',
    excludeText: '',
    labels: [],
    labelsMode: 'any',
    includeChildLabels: true,
    sources: [],
    includeChildSources: true,
    locations: [],
    tags: [],
    tagsExact: true,
    pubFrom: '',
    pubTo: '',
    nearPlace: null,
    nearKm: 10,
  };
}

export function toSearchBlock(b: UiBlock, index: number): SearchBlock {
  const near =
    b.nearPlace && typeof b.nearPlace.lat === 'number' && typeof b.nearPlace.lng === 'number'
      ? { lat: b.nearPlace.lat, lng: b.nearPlace.lng, radiusM: Math.max(0.1, b.nearKm) * 1000 }
      : undefined;
  return cleanBlock({
    op: index === 0 ? undefined : b.op,
    text: b.text.trim(),
    excludeText: b.excludeText.trim(),
    labels: b.labels.map((l) => l.id),
    labelsMode: b.labelsMode === 'all' ? 'all' : undefined,
    includeChildLabels: b.includeChildLabels,
    sources: b.sources.map((s) => s.id),
    includeChildSources: b.includeChildSources,
    locations: b.locations.map((l) => l.id),
    tags: b.tags,
    tagsExact: b.tagsExact ? undefined : false,
    publishDate: b.pubFrom || b.pubTo ? { from: b.pubFrom || undefined, to: b.pubTo || undefined } : undefined,
    near,
  });
}

export function namesOf(blocks: UiBlock[]): NameBook {
  const book: NameBook = { labels: {}, sources: {}, locations: {} };
  for (const b of blocks) {
    for (const l of b.labels) book.labels![l.id] = l.title;
    for (const s of b.sources) book.sources![s.id] = s.title;
    for (const l of b.locations) book.locations![l.id] = l.title;
  }
  return book;
}

/** Back from a saved query to editable blocks (names are unknown: shown as #id until re-picked). */
export function fromSearchBlock(s: SearchBlock): UiBlock {
  const ref = (id: number) => ({ id, title: `#${id}`, titleAr: null }) as never;
  const b = emptyBlock(s.op === 'or' ? 'or' : 'and');
  b.text = s.text ?? '';
  b.excludeText = s.excludeText ?? '';
  b.labels = (s.labels ?? []).map(ref);
  b.labelsMode = s.labelsMode ?? 'any';
  b.includeChildLabels = s.includeChildLabels ?? false;
  b.sources = (s.sources ?? []).map(ref);
  b.includeChildSources = s.includeChildSources ?? false;
  b.locations = (s.locations ?? []).map(ref);
  b.tags = s.tags ?? [];
  b.tagsExact = s.tagsExact ?? true;
  b.pubFrom = s.publishDate?.from ?? '';
  b.pubTo = s.publishDate?.to ?? '';
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
  return b;
}
