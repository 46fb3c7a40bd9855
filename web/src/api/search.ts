import { api } from './client';

/** Request and response shapes of the advanced search (API.md "Advanced search"). */
export type SearchKind = 'bulletin' | 'actor' | 'incident';
export type Mode = 'any' | 'all';
export interface DayRange {
  from?: string;
  to?: string;
}
export interface SearchBlock {
  op?: 'and' | 'or';
  ids?: number[];
  text?: string;
  excludeText?: string;
  labels?: number[];
  labelsMode?: Mode;
  includeChildLabels?: boolean;
  excludeLabels?: number[];
  sources?: number[];
  includeChildSources?: boolean;
  locations?: number[];
  excludeLocations?: number[];
  statuses?: string[];
  tags?: string[];
  tagsExact?: boolean;
  publishDate?: DayRange;
  documentationDate?: DayRange;
  created?: DayRange;
  near?: { lat: number; lng: number; radiusM: number };
  unassigned?: boolean;
  unrestricted?: boolean;
  [key: string]: unknown;
}
export interface SearchResult<T> {
  items: T[];
  nextCursor: string | null;
  total: number | null;
  totalIsEstimate?: boolean;
  fuzzy?: boolean;
  order?: 'relevance' | 'newest';
}
export interface SavedSearch {
  id: number;
  name: string;
  kind: SearchKind;
  query: { blocks: SearchBlock[] };
  createdAt: string;
  updatedAt: string;
}

export const searchApi = {
  search: <T>(
    kind: SearchKind,
    body: { blocks: SearchBlock[]; limit?: number; cursor?: string; count?: 'exact' | 'estimate' | 'none' },
  ) => api.post<SearchResult<T> | { jobId: number }>(`/${kind}s/search`, body),
  results: (jobId: number) =>
    api.get<{ jobId: number; kind: SearchKind; status: string; ids: number[]; total: number | null }>(
      `/search-results/${jobId}`,
    ),
  saved: (kind: SearchKind) => api.get<{ items: SavedSearch[] }>('/saved-searches', { kind }),
  save: (body: { name: string; kind: SearchKind; query: { blocks: SearchBlock[] } }) =>
    api.post<SavedSearch>('/saved-searches', body),
  update: (id: number, body: { name?: string; query?: { blocks: SearchBlock[] } }) =>
    api.post<SavedSearch>(`/saved-searches/${id}/update`, body),
  remove: (id: number) => api.post<unknown>(`/saved-searches/${id}/delete`, {}),
};
