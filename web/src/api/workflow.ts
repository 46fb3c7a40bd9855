import { api, parseApiError, ApiError } from './client';
import type { Page } from './types';

/** Record kinds as URL segments. */
export type RecordPlural = 'bulletins' | 'actors' | 'incidents';

/** What the caller may do with a record (server-computed; the UI only mirrors it). */
export interface RecordPermissions {
  update: boolean;
  delete: boolean;
  assign: boolean;
  assignReviewer: boolean;
  selfAssign: boolean;
  review: boolean;
  finalize: boolean;
  setAccessGroups?: boolean;
  viewHistory?: boolean;
  viewFullHistory?: boolean;
  export?: boolean;
  importWeb?: boolean;
  accessMedia?: boolean;
  editLocations?: boolean;
}

export interface WorkflowRecord {
  id: number;
  status: string;
  assignedTo: { id: number; name: string } | null;
  firstPeerReviewer?: { id: number; name: string } | null;
  review?: string | null;
  reviewAction?: string | null;
  permissions: RecordPermissions;
}

export interface Assignee {
  id: number;
  name: string;
  username?: string;
}

export interface BulkBody {
  ids: number[];
  status?: string;
  assignedTo?: number;
  assigneeClear?: boolean;
  reviewer?: number;
  reviewerClear?: boolean;
  tags?: string[];
  tagsReplace?: boolean;
  accessGroups?: number[];
  accessGroupsReplace?: boolean;
  propagate?: { assignee?: boolean; reviewer?: boolean; groups?: boolean };
  comment: string;
}

export interface BulkResult {
  changed: { kind: string; id: number }[];
  skipped: { kind: string; id: number; reason: string }[];
  notApplied: string[];
}

export interface Job<R = unknown> {
  id: number;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  total: number;
  result: R | null;
  error: string | null;
}

export interface NotificationItem {
  id: number;
  category: string;
  title: string;
  message: string;
  link: string | null;
  urgent: boolean;
  read: boolean;
  createdAt: string;
}

export interface Group {
  id: number;
  name: string;
  description: string;
}
export interface GroupDetail extends Group {
  members: { id: number; username: string; name: string }[];
  recordCount: number;
}

export interface AccessSettings {
  restrictiveAccess: boolean;
  usersCanRestrictNew: boolean;
}

/**
 * A GET that must not keep the session alive (S3): background polls send X-Silent-Poll.
 * The shared client has no header option, so this one small fetch lives here.
 */
export async function silentGet<T>(path: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      headers: { Accept: 'application/json', 'X-Silent-Poll': '1' },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', 'Network error');
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) throw parseApiError(res.status, data);
  return data as T;
}

export const workflowApi = {
  assign: <T>(k: RecordPlural, id: number, assignedTo: number, comment: string) =>
    api.post<T>(`/${k}/${id}/assign`, { assignedTo, comment }),
  selfAssign: <T>(k: RecordPlural, id: number, comment: string) => api.post<T>(`/${k}/${id}/self-assign`, { comment }),
  assignReviewer: <T>(k: RecordPlural, id: number, reviewer: number, comment: string) =>
    api.post<T>(`/${k}/${id}/assign-reviewer`, { reviewer, comment }),
  review: <T>(k: RecordPlural, id: number, review: string, reviewAction: string, comment?: string) =>
    api.post<T>(`/${k}/${id}/review`, { review, reviewAction, ...(comment ? { comment } : {}) }),
  finalize: <T>(k: RecordPlural, id: number, comment: string) => api.post<T>(`/${k}/${id}/finalize`, { comment }),
  bulk: (k: RecordPlural, body: BulkBody) => api.post<{ jobId: number }>(`/${k}/bulk`, body),
  job: <R>(id: number) => silentGet<Job<R>>(`/jobs/${id}`),
  assignees: (q?: string) => api.get<{ items: Assignee[] }>('/workflow/assignees', { q }),
  /** "Assigned to me" / "My review list": the advanced search with one filter. */
  mine: <T>(
    k: RecordPlural,
    filter: { assignedTo?: number[]; reviewer?: number[]; text?: string },
    limit = 30,
    cursor?: string | null,
  ) => api.post<Page<T>>(`/${k}/search`, { blocks: [filter], limit, ...(cursor ? { cursor } : {}) }),
};

export const notificationsApi = {
  list: (unread = false) =>
    silentGet<Page<NotificationItem> & { unread: number }>(`/notifications?limit=20${unread ? '&unread=1' : ''}`),
  read: (id: number) => api.post<{ ok: boolean }>(`/notifications/${id}/read`),
  readAll: () => api.post<{ marked: number }>('/notifications/read-all'),
};

export const groupsApi = {
  list: () => api.get<{ items: Group[] }>('/groups'),
  get: (id: number) => api.get<GroupDetail>(`/groups/${id}`),
  create: (name: string, description: string) => api.post<Group>('/groups', { name, description }),
  update: (id: number, body: { name?: string; description?: string }) =>
    api.post<GroupDetail>(`/groups/${id}/update`, body),
  members: (id: number, userIds: number[]) => api.post<GroupDetail>(`/groups/${id}/members`, { userIds }),
  remove: (id: number) => api.post<{ deleted: boolean }>(`/groups/${id}/delete`),
  users: () => api.get<Page<{ id: number; username: string; name: string }>>('/users', { limit: 200 }),
  settings: () => api.get<AccessSettings>('/settings'),
  saveSettings: (body: Partial<AccessSettings>) => api.post<AccessSettings>('/settings/update', body),
};
