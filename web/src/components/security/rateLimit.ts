import type { ApiError } from '../../api/client';

type T = (key: string, named?: Record<string, unknown>) => string;

/** "Too many attempts" with the wait from Retry-After, in minutes or seconds. */
export function rateLimitText(t: T, e: ApiError): string {
  const s = e.retryAfter;
  if (!s) return t('auth.rateLimited');
  if (s >= 90) return t('sec.rateLimitedMinutes', { n: Math.ceil(s / 60) });
  return t('sec.rateLimitedSeconds', { n: s });
}
