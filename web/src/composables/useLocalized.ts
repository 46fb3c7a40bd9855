import { useI18n } from 'vue-i18n';

interface Titled {
  title?: string | null;
  titleAr?: string | null;
}
interface Pathed extends Titled {
  path?: string | null;
  pathAr?: string | null;
  fullName?: string | null;
  fullNameAr?: string | null;
}

/** Picks the Arabic or English variant of vocabulary text, falling back to the other. */
export function useLocalized() {
  const { locale } = useI18n({ useScope: 'global' });
  const pick = (en?: string | null, ar?: string | null): string => (locale.value === 'ar' ? ar || en : en || ar) ?? '';

  return {
    title: (x: Titled | null | undefined): string => (x ? pick(x.title, x.titleAr) : ''),
    /** Hierarchy text for labels/sources (path) and locations (full name). */
    path: (x: Pathed | null | undefined): string => (x ? pick(x.path ?? x.fullName, x.pathAr ?? x.fullNameAr) : ''),
  };
}
