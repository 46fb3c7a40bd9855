import type { SearchBlock } from '../../api/search';

/** Names of picked vocabulary shown on chips (the block only holds ids). */
export type NameBook = Record<string, Record<number, string>>;

export interface Chip {
  key: string;
  text: string;
}

/** One chip per active filter of a block, for the chips row. */
export function chipsOf(b: SearchBlock, names: NameBook, t: (k: string) => string): Chip[] {
  const out: Chip[] = [];
  const n = (book: string, ids: number[] | undefined) => (ids ?? []).map((i) => names[book]?.[i] ?? `#${i}`).join(', ');
  if (b.text) out.push({ key: 'text', text: `${t('search.f.text')}: ${b.text}` });
  if (b.excludeText) out.push({ key: 'excludeText', text: `${t('search.f.excludeText')}: ${b.excludeText}` });
  if (b.labels?.length)
    out.push({
      key: 'labels',
      text: `${t('search.f.labels')}${b.labelsMode === 'all' ? ` (${t('search.all')})` : ''}: ${n('labels', b.labels)}`,
    });
  if (b.sources?.length) out.push({ key: 'sources', text: `${t('search.f.sources')}: ${n('sources', b.sources)}` });
  if (b.locations?.length)
    out.push({ key: 'locations', text: `${t('search.f.locations')}: ${n('locations', b.locations)}` });
  if (b.tags?.length) out.push({ key: 'tags', text: `${t('search.f.tags')}: ${b.tags.join(', ')}` });
  for (const k of ['publishDate', 'documentationDate', 'created'] as const) {
    const r = b[k];
    if (r?.from || r?.to) out.push({ key: k, text: `${t(`search.f.${k}`)}: ${r.from ?? '…'} – ${r.to ?? '…'}` });
  }
  if (b.near) out.push({ key: 'near', text: `${t('search.f.near')}: ${(b.near.radiusM / 1000).toFixed(1)} km` });
  if (b.statuses?.length) out.push({ key: 'statuses', text: `${t('search.f.statuses')}: ${b.statuses.join(', ')}` });
  if (b.unassigned) out.push({ key: 'unassigned', text: t('search.f.unassigned') });
  return out;
}

/** A block without empty values (so the server gets only the filters in use). */
export function cleanBlock(b: SearchBlock): SearchBlock {
  const out: SearchBlock = {};
  for (const [k, v] of Object.entries(b)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (
      typeof v === 'object' &&
      !Array.isArray(v) &&
      Object.values(v as object).every((x) => x === undefined || x === '' || x === null)
    )
      continue;
    out[k] = v;
  }
  if (!out.labels) {
    delete out.labelsMode;
    delete out.includeChildLabels;
  }
  if (!out.sources) delete out.includeChildSources;
  if (!out.tags) delete out.tagsExact;
  return out;
}
