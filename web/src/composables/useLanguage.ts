import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { useLocale } from 'vuetify';
import { storeLocale, type AppLocale } from '../i18n';

/** Sets the document direction and language attributes for a locale. */
export function applyDocumentLocale(locale: AppLocale): void {
  document.documentElement.setAttribute('lang', locale);
  document.documentElement.setAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
}

/** The current UI language; switching keeps vue-i18n, Vuetify, <html> and storage in step. */
export function useLanguage() {
  const { locale } = useI18n({ useScope: 'global' });
  const vuetifyLocale = useLocale();
  const current = computed(() => locale.value as AppLocale);

  function setLanguage(next: AppLocale): void {
    locale.value = next;
    vuetifyLocale.current.value = next;
    applyDocumentLocale(next);
    storeLocale(next);
  }

  return { current, setLanguage };
}
