import { api } from './client';
import type { Page, PageQuery, UserRef } from './types';

export type ExportKind = 'bulletin' | 'actor' | 'incident';
export type ExportFormat = 'csv' | 'json';
export type ExportStatus = 'pending' | 'processing' | 'ready' | 'failed' | 'rejected' | 'expired';

export interface ExportItem {
  id: number;
  kind: ExportKind;
  format: ExportFormat;
  requestedCount: number;
  ids?: number[];
  comment: string;
  status: ExportStatus;
  requester: UserRef | null;
  approver: UserRef | null;
  decidedAt: string | null;
  expiresAt: string | null;
  itemCount: number | null;
  fileBytes: number | null;
  sha256: string | null;
  error: string | null;
  createdAt: string;
  /** Server-computed: what the caller may do with this export. */
  permissions: { approve: boolean; reject: boolean; changeExpiry: boolean; download: boolean };
}

export interface ExportRequest {
  kind: ExportKind;
  ids: number[];
  format: ExportFormat;
  comment: string;
}

/** Exports (D4, D7): request, Admin decisions (approval needs sudo mode; the client prompts), download link. */
export const exportsApi = {
  /** `silent` for the page's own refresh while a file is built (does not extend the idle timer). */
  list: (q: PageQuery = {}, silent = false) =>
    api.get<Page<ExportItem>>('/exports', { limit: q.limit, cursor: q.cursor }, { silent }),
  get: (id: number) => api.get<ExportItem>(`/exports/${id}`),
  request: (body: ExportRequest) => api.post<ExportItem>('/exports', body),
  approve: (id: number) => api.post<ExportItem>(`/exports/${id}/approve`, {}),
  reject: (id: number, comment: string) => api.post<ExportItem>(`/exports/${id}/reject`, { comment }),
  setExpiry: (id: number, expiresAt: string) => api.post<ExportItem>(`/exports/${id}/expiry`, { expiresAt }),
  /** A plain GET the browser follows: the server answers with the file as an attachment. */
  downloadUrl: (id: number) => `/api/exports/${id}/download`,
};
