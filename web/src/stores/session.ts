import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { authApi } from '../api/auth';
import { ApiError, setCsrfToken } from '../api/client';
import type { User } from '../api/types';

export type LoginOutcome = 'ok' | 'mfa';

export const useSessionStore = defineStore('session', () => {
  const user = ref<User | null>(null);
  /** True once the initial session check has finished (either way). */
  const checked = ref(false);
  /** Set when the server ended the session under the user (expired, revoked). */
  const expired = ref(false);

  const isAuthenticated = computed(() => user.value !== null);
  const hasRole = (...roles: string[]) =>
    computed(() => roles.some((r) => user.value?.roles.includes(r as User['roles'][number])));
  const canCreateBulletin = hasRole('Admin', 'DA');

  function setSession(u: User | null, token: string | null): void {
    user.value = u;
    setCsrfToken(token);
  }

  async function check(): Promise<void> {
    try {
      const s = await authApi.session();
      setSession(s.user, s.csrfToken);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
      setSession(null, null);
    } finally {
      checked.value = true;
    }
  }

  async function login(username: string, password: string): Promise<LoginOutcome> {
    const res = await authApi.login(username, password);
    if ('mfaRequired' in res && res.mfaRequired) {
      // MFA UI is not built yet; keep the token so a later step could use it.
      setCsrfToken(res.csrfToken);
      return 'mfa';
    }
    if ('user' in res) setSession(res.user, res.csrfToken);
    expired.value = false;
    return 'ok';
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout();
    } finally {
      setSession(null, null);
    }
  }

  /** The server answered 401: forget the user locally. */
  function markExpired(): void {
    if (user.value) expired.value = true;
    setSession(null, null);
  }

  return { user, checked, expired, isAuthenticated, canCreateBulletin, check, login, logout, markExpired };
});
