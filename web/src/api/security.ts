/** Sign-in steps, second factors, sessions and admin security controls (issue 5). */
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import { api } from './client';
import type { Page, Role, User, UserPermissions } from './types';

export type MfaMethod = 'totp' | 'webauthn' | 'recovery';

export interface SignedInAnswer {
  user: User;
  csrfToken: string;
  mustChangePassword: boolean;
  mfaEnrolmentRequired: boolean;
}
export interface MfaAnswer {
  mfaRequired: true;
  methods: MfaMethod[];
  csrfToken: string;
}
export type SignInAnswer = SignedInAnswer | MfaAnswer;
export type SessionAnswer = SignInAnswer & { expiresAt: string; idleExpiresAt: string; freshUntil: string | null };

export function isMfaAnswer(a: SignInAnswer): a is MfaAnswer {
  return 'mfaRequired' in a && a.mfaRequired === true;
}

export interface AuthOptions {
  captchaSiteKey: string | null;
  oidc: { label: string } | null;
}

export interface SecurityKey {
  id: number;
  name: string;
  deviceType: string;
  backedUp: boolean;
  createdAt: string;
  lastUsedAt: string | null;
}
export interface MfaStatus {
  required: boolean;
  totp: { enabled: boolean; since: string | null };
  webauthn: SecurityKey[];
  recoveryCodesLeft: number;
}

export interface SessionItem {
  id: number;
  user: { id: number; username?: string; name?: string } | null;
  ip: string | null;
  userAgent: string | null;
  browser: string;
  stage?: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
}

export type SecurityMode = 'normal' | 'readOnly' | 'adminsOnly';
export interface SecuritySettings {
  mfaRequired: boolean;
  singleSession: boolean;
  captchaAfterFailures: number;
  mode: SecurityMode;
  captchaConfigured: boolean;
  oidcConfigured: boolean;
  reauthMinutes: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
}

export interface AdminUser {
  id: number;
  username: string;
  name: string;
  email: string | null;
  roles: Role[];
  groups: { id: number; name: string }[];
  permissions: UserPermissions;
  active: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
}

export interface ReauthBody {
  password: string;
  code?: string;
  recoveryCode?: string;
  webauthn?: AuthenticationResponseJSON;
}

export const signInApi = {
  options: () => api.get<AuthOptions>('/auth/options'),
  login: (body: { username: string; password: string; captcha?: string }) =>
    api.post<SignInAnswer>('/auth/login', body),
  session: (silent = false) => api.get<SessionAnswer>('/auth/session', undefined, { silent }),
  totp: (code: string) => api.post<SignedInAnswer>('/auth/mfa/totp', { code }),
  recovery: (code: string) => api.post<SignedInAnswer>('/auth/mfa/recovery', { code }),
  webauthnOptions: () => api.post<{ options: PublicKeyCredentialRequestOptionsJSON }>('/auth/mfa/webauthn/options'),
  webauthnVerify: (response: AuthenticationResponseJSON) =>
    api.post<SignedInAnswer>('/auth/mfa/webauthn/verify', { response }),
  reauth: (body: ReauthBody) => api.post<SignedInAnswer & { freshUntil: string }>('/auth/reauth', body),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<SignedInAnswer>('/auth/password', { currentPassword, newPassword }),
  oidcStart: () => api.post<{ url: string }>('/auth/oidc/start'),
  oidcCallback: (code: string, state: string) => api.post<SignInAnswer>('/auth/oidc/callback', { code, state }),
};

export const mfaApi = {
  status: () => api.get<MfaStatus>('/auth/mfa'),
  totpSetup: () => api.post<{ secret: string; otpauthUrl: string; qrDataUrl: string }>('/auth/mfa/totp/setup'),
  totpConfirm: (code: string) => api.post<{ recoveryCodes: string[] | null }>('/auth/mfa/totp/confirm', { code }),
  totpRemove: () => api.post<MfaStatus>('/auth/mfa/totp/remove'),
  regenerateRecoveryCodes: () => api.post<{ recoveryCodes: string[] }>('/auth/mfa/recovery-codes'),
  keyOptions: () =>
    api.post<{ options: PublicKeyCredentialCreationOptionsJSON }>('/auth/mfa/webauthn/register/options'),
  keyVerify: (name: string, response: RegistrationResponseJSON) =>
    api.post<{ credential: SecurityKey; recoveryCodes: string[] | null }>('/auth/mfa/webauthn/register/verify', {
      name,
      response,
    }),
  keyRename: (id: number, name: string) => api.post<MfaStatus>(`/auth/mfa/webauthn/${id}/rename`, { name }),
  keyRemove: (id: number) => api.post<MfaStatus>(`/auth/mfa/webauthn/${id}/remove`),
};

export const sessionsApi = {
  mine: () => api.get<Page<SessionItem>>('/sessions', { mine: 1, limit: 100 }),
  all: (query: { userId?: number; cursor?: string | null; limit?: number } = {}) =>
    api.get<Page<SessionItem>>('/sessions', { limit: 50, ...query }),
  revoke: (id: number) => api.post<{ ok: boolean }>(`/sessions/${id}/revoke`),
  revokeUser: (userId: number) => api.post<{ ended: number }>(`/users/${userId}/sessions/revoke`),
};

export const securityApi = {
  settings: () => api.get<SecuritySettings>('/security/settings'),
  update: (body: Partial<Pick<SecuritySettings, 'mfaRequired' | 'singleSession' | 'captchaAfterFailures'>>) =>
    api.post<SecuritySettings>('/security/settings', body),
  mode: (mode: SecurityMode) => api.post<SecuritySettings>('/security/mode', { mode }),
  revokeAll: () => api.post<{ ended: number }>('/security/sessions/revoke-all'),
};

export interface UserCreateBody {
  username: string;
  name?: string;
  email?: string;
  password: string;
  roles: Role[];
  groups: number[];
  mustChangePassword?: boolean;
  active?: boolean;
}

export const usersAdminApi = {
  list: (query: { q?: string; limit?: number; cursor?: string | null } = {}) =>
    api.get<Page<AdminUser>>('/users', { limit: 100, ...query }),
  create: (body: UserCreateBody) => api.post<AdminUser>('/users', body),
  update: (
    id: number,
    body: Partial<{ name: string; email: string | null; roles: Role[]; groups: number[]; active: boolean }>,
  ) => api.post<AdminUser>(`/users/${id}/update`, body),
  unlock: (id: number) => api.post<{ unlocked: boolean }>(`/users/${id}/unlock`),
  setPassword: (id: number, password: string, temporary: boolean) =>
    api.post<AdminUser>(`/users/${id}/password`, { password, temporary }),
  resetMfa: (id: number) => api.post<AdminUser>(`/users/${id}/mfa/reset`),
};
