import 'vuetify/styles';
import { createVuetify } from 'vuetify';
import { aliases, mdi } from 'vuetify/iconsets/mdi-svg';
import { ar, en } from 'vuetify/locale';
import type { AppLocale } from '../i18n';

export function makeVuetify(locale: AppLocale) {
  return createVuetify({
    icons: { defaultSet: 'mdi', aliases, sets: { mdi } },
    locale: { locale, fallback: 'en', messages: { en, ar }, rtl: { ar: true } },
    theme: {
      defaultTheme: 'dalil',
      themes: {
        dalil: {
          dark: false,
          colors: { primary: '#1f4e5f', secondary: '#5b7065', error: '#b3261e' },
        },
      },
    },
    defaults: {
      VTextField: { variant: 'outlined', density: 'comfortable' },
      VTextarea: { variant: 'outlined', density: 'comfortable' },
      VAutocomplete: { variant: 'outlined', density: 'comfortable' },
      VCombobox: { variant: 'outlined', density: 'comfortable' },
      VSelect: { variant: 'outlined', density: 'comfortable' },
    },
  });
}

export type AppVuetify = ReturnType<typeof makeVuetify>;
