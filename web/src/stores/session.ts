import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { authApi } from '../api/auth';
import { ApiError, setCsrfToken } from '../api/client';
import type { User } from '../api/types';
import { isMfaAnswer, signInApi, type MfaMethod, type SessionAnswer, type SignInAnswer } from '../api/security';

export type LoginOutcome = 'ok' | 'mfa';

/** Where a signed-in user must go before anything else (temporary password, enforced MFA). */
export type PendingStep = 'password' | 'enrol' | null;

export const useSessionStore = defineStore('session', () => {
  const user = ref<User | null>(null);
  /** True once the initial session check has finished (either way). */
  const checked = ref(false);
  /** Set when the server ended the session under the user (expired, revoked). */
  const expired = ref(false);
  /** Password checked, second factor due: the methods the user can use. */
  const mfaMethods = ref<MfaMethod[] | null>(null);
  const mustChangePassword = ref(false);
  const mfaEnrolmentRequired = ref(false);
  /** From the last `GET /api/auth/session` (S3 expiry warning). */
  const idleExpiresAt = ref<string | null>(null);
  const expiresAt = ref<string | null>(null);
  const pendingStep = computed<PendingStep>(() =>
    !user.value ? null : mustChangePassword.value ? 'password' : mfaEnrolmentRequired.value ? 'enrol' : null,
  );

  const isAuthenticated = computed(() => user.value !== null);
  const hasRole = (...roles: string[]) =>
    computed(() => roles.some((r) => user.value?.roles.includes(r as User['roles'][number])));
  const canCreateBulletin = hasRole('Admin', 'DA');

  function setSession(u: User | null, token: string | null): void {
    user.value = u;
    setCsrfToken(token);
  }

  /** Applies any sign-in answer (login, second step, reauth, password change, session check). */
  function apply(answer: SignInAnswer): LoginOutcome {
    if (isMfaAnswer(answer)) {
      user.value = null;
      setCsrfToken(answer.csrfToken);
      mfaMethods.value = answer.methods;
      return 'mfa';
    }
    mfaMethods.value = null;
    mustChangePassword.value = answer.mustChangePassword;
    mfaEnrolmentRequired.value = answer.mfaEnrolmentRequired;
    setSession(answer.user, answer.csrfToken);
    expired.value = false;
    return 'ok';
  }

  function applyTimes(s: SessionAnswer): void {
    idleExpiresAt.value = s.idleExpiresAt ?? null;
    expiresAt.value = s.expiresAt ?? null;
  }

  /** Re-reads the session; `silent` polls do not extend the idle timer. */
  async function refresh(silent: boolean): Promise<void> {
    const s = await signInApi.session(silent);
    apply(s);
    applyTimes(s);
  }

  async function check(): Promise<void> {
    try {
      const s = await signInApi.session(false);
      apply(s);
      applyTimes(s);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
      setSession(null, null);
    } finally {
      checked.value = true;
    }
  }

  async function login(username: string, password: string, captcha?: string): Promise<LoginOutcome> {
    return apply(await signInApi.login({ username, password, ...(captcha ? { captcha } : {}) }));
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout();
    } finally {
      setSession(null, null);
      mfaMethods.value = null;
      mustChangePassword.value = false;
      mfaEnrolmentRequired.value = false;
    }
  }

  /** The server answered 401: forget the user locally. */
  function markExpired(): void {
    if (user.value) expired.value = true;
    setSession(null, null);
    mfaMethods.value = null;
    idleExpiresAt.value = null;
  }

  return {
    user,
    checked,
    expired,
    isAuthenticated,
    canCreateBulletin,
    mfaMethods,
    mustChangePassword,
    mfaEnrolmentRequired,
    pendingStep,
    idleExpiresAt,
    expiresAt,
    apply,
    refresh,
    check,
    login,
    logout,
    markExpired,
  };
});
