import { useI18n } from 'vue-i18n';
import { optionKey } from '../utils/missingPersonFields';

/** Shows a fixed option value (stored in English, §2.6) in the UI language when a translation exists. */
export function useOptionLabel() {
  const { t, te } = useI18n({ useScope: 'global' });
  const label = (v: string | null | undefined): string => (v ? (te(optionKey(v)) ? t(optionKey(v)) : v) : '');
  const items = (values: readonly string[] | undefined) => (values ?? []).map((v) => ({ value: v, title: label(v) }));
  return { label, items };
}
