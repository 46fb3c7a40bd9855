/** Media attached to bulletins and actors: list, upload (with progress), rename, remove. */
import { api, ApiError, getCsrfToken, parseApiError } from './client';

export type MediaParentKind = 'bulletin' | 'actor';
const PLURAL: Record<MediaParentKind, string> = { bulletin: 'bulletins', actor: 'actors' };

export interface MediaItem {
  id: number;
  record: { kind: MediaParentKind; id: number };
  title: string;
  titleAr: string;
  category: { id: number; title: string; titleAr: string } | null;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: { id: number; name: string } | null;
  createdAt: string;
  updatedAt: string;
  canDownload: boolean;
  previewable: boolean;
}

export interface UploadResult {
  media: MediaItem;
  /** Other records (visible to this user) that already hold the same file. */
  alsoHeldBy: { kind: MediaParentKind; id: number; mediaId: number }[];
}

export interface UploadFields {
  title?: string;
  titleAr?: string;
  categoryId?: number | null;
}

export const fileUrl = (id: number, inline = false) => `/api/media/${id}/file${inline ? '?inline=1' : ''}`;

/**
 * Uploads with XMLHttpRequest because fetch reports no upload progress. Sends the CSRF header
 * like every other POST; errors come back as the same ApiError the rest of the app uses.
 */
export function uploadMedia(
  kind: MediaParentKind,
  id: number,
  file: File,
  fields: UploadFields,
  onProgress: (fraction: number) => void,
): { done: Promise<UploadResult>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadResult>((resolve, reject) => {
    const form = new FormData();
    if (fields.title) form.append('title', fields.title);
    if (fields.titleAr) form.append('titleAr', fields.titleAr);
    if (fields.categoryId) form.append('categoryId', String(fields.categoryId));
    form.append('file', file, file.name);
    xhr.open('POST', `/api/${PLURAL[kind]}/${id}/media`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as UploadResult);
      else reject(parseApiError(xhr.status, data));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'Network error'));
    xhr.onabort = () => reject(new ApiError(0, 'network', 'Upload cancelled'));
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}

export const mediaApi = {
  list: (kind: MediaParentKind, id: number) => api.get<{ items: MediaItem[] }>(`/${PLURAL[kind]}/${id}/media`),
  update: (id: number, body: UploadFields) => api.post<MediaItem>(`/media/${id}/update`, body),
  remove: (id: number) => api.post<{ id: number; deleted: true }>(`/media/${id}/delete`, {}),
};
