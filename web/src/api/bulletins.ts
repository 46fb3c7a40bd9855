import { api } from './client';
import type { Bulletin, BulletinCreateBody, BulletinUpdateBody, HistoryEntry, Page, PageQuery } from './types';

export const bulletinsApi = {
  list: (query: PageQuery & { q?: string }) => api.get<Page<Bulletin>>('/bulletins', { ...query }),
  get: (id: number) => api.get<Bulletin>(`/bulletins/${id}`),
  create: (body: BulletinCreateBody) => api.post<Bulletin>('/bulletins', body),
  update: (id: number, body: BulletinUpdateBody) => api.post<Bulletin>(`/bulletins/${id}/update`, body),
  remove: (id: number, comment: string) => api.post<unknown>(`/bulletins/${id}/delete`, { comment }),
  history: (id: number) => api.get<{ items: HistoryEntry[] }>(`/bulletins/${id}/history`),
};
