import { createI18n } from 'vue-i18n';
import en from './en.json';
import ar from './ar.json';
import secEn from './security.en.json';
import secAr from './security.ar.json';
import expEn from './exports.en.json';
import expAr from './exports.ar.json';

export type AppLocale = 'en' | 'ar';
export const LOCALES: AppLocale[] = ['en', 'ar'];
const STORAGE_KEY = 'dalil.locale';

export function storedLocale(): AppLocale {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (v === 'en' || v === 'ar') return v;
  } catch {
    // storage may be unavailable (private mode); fall back to English
  }
  return 'en';
}

export function storeLocale(locale: AppLocale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not fatal: the choice just will not persist
  }
}

export function makeI18n(locale: AppLocale) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    // Issue 5 strings live in their own files, under `sec.`.
    messages: { en: { ...en, sec: secEn, exp: expEn }, ar: { ...ar, sec: secAr, exp: expAr } },
  });
}

export type AppI18n = ReturnType<typeof makeI18n>;
