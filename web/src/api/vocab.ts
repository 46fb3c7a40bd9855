import { api } from './client';
import type { EventType, Label, Location, Page, PageQuery, Source, VocabItem } from './types';

export type RecordKind = 'bulletin' | 'actor' | 'incident';
export type ParentFilter = number | 'root' | undefined;

export const vocabApi = {
  labels: (query: PageQuery & { q?: string; verified?: boolean; for?: RecordKind; parentId?: ParentFilter }) =>
    api.get<Page<Label>>('/labels', { ...query }),
  sources: (query: PageQuery & { q?: string; parentId?: ParentFilter }) =>
    api.get<Page<Source>>('/sources', { ...query }),
  locations: (query: PageQuery & { q?: string; parentId?: ParentFilter }) =>
    api.get<Page<Location>>('/locations', { ...query }),
  eventTypes: (query: PageQuery & { q?: string; for?: RecordKind }) =>
    api.get<Page<EventType>>('/event-types', { ...query }),
  list: (kind: string, query: PageQuery = {}) =>
    api.get<Page<VocabItem>>(`/vocab/${encodeURIComponent(kind)}`, { ...query }),
};
