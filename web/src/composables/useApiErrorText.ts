import { useI18n } from 'vue-i18n';
import { ApiError } from '../api/client';

const KNOWN = new Set([
  'network',
  'validation',
  'unauthenticated',
  'csrf',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'internal',
]);

/** A translated, user-facing sentence for any thrown error. */
export function useApiErrorText() {
  const { t, te } = useI18n();
  return (err: unknown): string => {
    if (err instanceof ApiError) {
      if (KNOWN.has(err.code)) return t(`errors.${err.code}`);
      // Security answers (issue 5): read-only mode, sudo mode, enforced steps, captcha.
      if (te(`sec.errors.${err.code}`)) return t(`sec.errors.${err.code}`);
      return err.message;
    }
    return t('errors.internal');
  };
}
