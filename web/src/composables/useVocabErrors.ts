import { useI18n } from 'vue-i18n';
import { ApiError } from '../api/client';

/**
 * Error text for vocabulary screens. The server's own sentence is kept for refusals it explains
 * (a term in use says where; a duplicate says so), after a translated lead.
 */
export function useVocabErrors() {
  const { t } = useI18n();
  function text(err: unknown, lead: 'save' | 'delete' | 'move' | 'import' = 'save'): string {
    if (err instanceof ApiError) {
      if (err.code === 'conflict' || err.code === 'validation') {
        const fields = Object.entries(err.fields)
          .map(([k, v]) => `${k}: ${v}`)
          .join('; ');
        const detail = err.code === 'validation' && fields ? `${err.message} (${fields})` : err.message;
        return `${t(`vocab.errors.${lead}`)} ${detail}`;
      }
      if (['network', 'forbidden', 'not_found', 'unauthenticated', 'csrf', 'rate_limited'].includes(err.code))
        return t(`errors.${err.code}`);
      if (err.code === 'payload_too_large') return t('vocab.csv.tooLarge');
      return `${t('errors.internal')} ${err.requestId ? t('common.requestId', { id: err.requestId }) : ''}`.trim();
    }
    return t('errors.internal');
  }
  /** Field messages of a 400, by field name. */
  const fields = (err: unknown): Record<string, string> =>
    err instanceof ApiError && err.code === 'validation' ? err.fields : {};
  return { text, fields };
}
