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
  if (b.phrase) out.push({ key: 'phrase', text: `${t('search.f.phrase')}: “${String(b.phrase)}”` });
  if (b.excludeLabels?.length)
    out.push({ key: 'excludeLabels', text: `${t('search.f.excludeLabels')}: ${n('labels', b.excludeLabels)}` });
  const exSources = b.excludeSources as number[] | undefined;
  if (exSources?.length)
    out.push({ key: 'excludeSources', text: `${t('search.f.excludeSources')}: ${n('sources', exSources)}` });
  if (b.excludeLocations?.length)
    out.push({
      key: 'excludeLocations',
      text: `${t('search.f.excludeLocations')}: ${n('locations', b.excludeLocations)}`,
    });
  const exTags = b.excludeTags as string[] | undefined;
  if (exTags?.length) out.push({ key: 'excludeTags', text: `${t('search.f.excludeTags')}: ${exTags.join(', ')}` });
  if (b.originId) out.push({ key: 'originId', text: `${t('search.f.originId')}: ${String(b.originId)}` });
  if (b.assignedTo) out.push({ key: 'assignedTo', text: t('search.f.assignedTo') });
  if (b.reviewer) out.push({ key: 'reviewer', text: t('search.f.reviewer') });
  const groups = b.accessGroups as number[] | undefined;
  if (groups?.length) out.push({ key: 'accessGroups', text: `${t('search.f.accessGroups')}: ${groups.length}` });
  if (b.unrestricted) out.push({ key: 'unrestricted', text: t('search.f.unrestricted') });
  const ev = b.event as { types?: number[]; from?: string; to?: string; sameEvent?: boolean } | undefined;
  if (ev)
    out.push({
      key: 'event',
      text: `${t('search.f.event')}: ${[ev.types?.length ? `${ev.types.length} ${t('search.f.types')}` : '', ev.from || ev.to ? `${ev.from ?? '…'} – ${ev.to ?? '…'}` : ''].filter(Boolean).join(', ')}`,
    });
  const rel = b.relatedTo as { kind: string; id: number } | undefined;
  if (rel)
    out.push({ key: 'relatedTo', text: `${t('search.f.relatedTo')}: ${t(`search.kinds.${rel.kind}`)} #${rel.id}` });
  for (const k of ['firstName', 'lastName', 'nickname', 'occupation'] as const)
    if (typeof b[k] === 'string' && b[k]) out.push({ key: k, text: `${t(`search.f.${k}`)}: ${b[k] as string}` });
  const idn = b.idNumber as { number?: string } | undefined;
  if (idn?.number) out.push({ key: 'idNumber', text: `${t('search.f.idNumber')}: ${idn.number}` });
  for (const k of ['potentialViolations', 'claimedViolations'] as const) {
    const v = b[k] as number[] | undefined;
    if (v?.length) out.push({ key: k, text: `${t(`search.f.${k}`)}: ${n('violations', v)}` });
  }
  return out;
}

/** A block without empty values (so the server gets only the filters in use). */
export function cleanBlock(b: SearchBlock): SearchBlock {
  const out: SearchBlock = {};
  for (const [k, v] of Object.entries(b)) {
    // false is meaningful only for tagsExact ("tags containing the text").
    if (v === undefined || v === null || v === '' || (v === false && k !== 'tagsExact')) continue;
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
  if (out.event) out.event = cleanBlock(out.event as SearchBlock);
  return out;
}
