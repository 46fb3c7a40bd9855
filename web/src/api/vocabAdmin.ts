/** Vocabulary management: create, update, delete and CSV import/export of every list. */
import { api, ApiError, parseApiError } from './client';
import type { Page, PageQuery } from './types';

export interface AdminLabel {
  id: number;
  title: string;
  titleAr: string;
  comments: string;
  commentsAr: string;
  parentId: number | null;
  verified: boolean;
  forBulletin: boolean;
  forActor: boolean;
  forIncident: boolean;
  forOffline: boolean;
  sortOrder: number;
  path: string;
  pathAr: string;
  childCount: number;
}

export interface AdminSource {
  id: number;
  title: string;
  titleAr: string;
  sourceType: string;
  comments: string;
  commentsAr: string;
  parentId: number | null;
  path: string;
  pathAr: string;
  childCount: number;
}

export interface AdminLocation {
  id: number;
  title: string;
  titleAr: string;
  parentId: number | null;
  fullName: string;
  fullNameAr: string;
  lat: number | null;
  lng: number | null;
  adminLevel: { id: number; title: string; code: number | null } | null;
  locationType: { id: number; title: string } | null;
  country: { id: number; title: string } | null;
  description: string;
  postalCode: string;
  tags: string[];
  childCount: number;
}

export interface AdminEventType {
  id: number;
  title: string;
  titleAr: string;
  comments: string;
  forActor: boolean;
  forBulletin: boolean;
  forIncident: boolean;
}

export interface AdminRelationType {
  id: number;
  pair: string;
  title: string;
  reverseTitle: string;
  titleAr: string;
  reverseTitleAr: string;
}

export interface AdminTerm {
  id: number;
  kind: string;
  title: string;
  titleAr: string;
  description: string;
  code: number | null;
  sortOrder: number;
}

/** Any node of a tree list. */
export type TreeItem = {
  id: number;
  title: string;
  titleAr: string | null;
  parentId: number | null;
  childCount: number;
};

export type ParentQuery = number | 'root';

export interface CsvImportReport {
  list: string;
  created: number;
  updated: number;
  skipped: number;
  errors: { row: number; message: string }[];
  ignoredColumns: string[];
}

type Q = PageQuery & { q?: string; parentId?: ParentQuery };

/** The REST resource of a list, e.g. "/labels" or "/vocab/countries". */
function crud<T, In>(base: string) {
  return {
    list: (query: Q & Record<string, string | number | boolean | undefined | null>) =>
      api.get<Page<T>>(base, { ...query }),
    get: (id: number) => api.get<T>(`${base}/${id}`),
    create: (input: In) => api.post<T>(base, input),
    update: (id: number, patch: Partial<In>) => api.post<T>(`${base}/${id}/update`, patch),
    remove: (id: number) => api.post<{ deleted: true; id: number }>(`${base}/${id}/delete`, {}),
  };
}

export interface LabelInput {
  title: string;
  titleAr: string;
  comments: string;
  parentId: number | null;
  verified: boolean;
  forBulletin: boolean;
  forActor: boolean;
  forIncident: boolean;
  forOffline: boolean;
  sortOrder: number;
}
export interface SourceInput {
  title: string;
  titleAr: string;
  sourceType: string;
  comments: string;
  parentId: number | null;
}
export interface LocationInput {
  title: string;
  titleAr: string;
  parentId: number | null;
  adminLevelId: number | null;
  locationTypeId: number | null;
  countryId: number | null;
  postalCode: string;
  description: string;
  lat: number | null;
  lng: number | null;
}
export interface EventTypeInput {
  title: string;
  titleAr: string;
  comments: string;
  forBulletin: boolean;
  forActor: boolean;
  forIncident: boolean;
}
export interface RelationTypeInput {
  pair: string;
  title: string;
  titleAr: string;
  reverseTitle: string;
  reverseTitleAr: string;
}
export interface TermInput {
  title: string;
  titleAr: string;
  description: string;
  code: number | null;
  sortOrder: number;
}

export const labelsAdmin = crud<AdminLabel, LabelInput>('/labels');
export const sourcesAdmin = crud<AdminSource, SourceInput>('/sources');
export const locationsAdmin = crud<AdminLocation, LocationInput>('/locations');
export const eventTypesAdmin = crud<AdminEventType, EventTypeInput>('/event-types');
export const relationTypesAdmin = crud<AdminRelationType, Omit<RelationTypeInput, 'pair'> & { pair?: string }>(
  '/relation-types',
);
export const termsAdmin = (kind: string) => crud<AdminTerm, TermInput>(`/vocab/${encodeURIComponent(kind)}`);

/** Every page of a flat list (the small lists hold at most a few hundred terms). */
export async function fetchAll<T>(load: (cursor: string | undefined) => Promise<Page<T>>, max = 2000): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await load(cursor);
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < max);
  return out;
}

export const csvApi = {
  /** Downloads the list as a CSV file through the browser. */
  async download(list: string): Promise<void> {
    let res: Response;
    try {
      res = await fetch(`/api/vocab-csv/${encodeURIComponent(list)}/export`, {
        credentials: 'same-origin',
        headers: { Accept: 'text/csv' },
      });
    } catch {
      throw new ApiError(0, 'network', 'Network error');
    }
    if (!res.ok) {
      let body: unknown;
      try {
        body = await res.json();
      } catch {
        body = null;
      }
      throw parseApiError(res.status, body);
    }
    const blob = await res.blob();
    const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `${list}.csv`;
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  import: (list: string, csv: string) =>
    api.post<CsvImportReport>(`/vocab-csv/${encodeURIComponent(list)}/import`, { csv }),
};
