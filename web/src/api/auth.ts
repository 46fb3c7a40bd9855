import { api } from './client';
import type { LoginResult, User } from './types';

export const authApi = {
  login: (username: string, password: string) => api.post<LoginResult>('/auth/login', { username, password }),
  session: () => api.get<{ user: User; csrfToken: string }>('/auth/session'),
  logout: () => api.post<void>('/auth/logout'),
};
