import { mdiFileDocumentMultipleOutline } from '@mdi/js';
import type { RouteLocationRaw } from 'vue-router';

export interface NavItem {
  /** i18n key of the label. */
  label: string;
  icon: string;
  to: RouteLocationRaw;
  testId: string;
}

/** Navigation entries, in order. Add Actors, Incidents, Vocabularies, Admin here as they land. */
export const navItems: NavItem[] = [
  { label: 'nav.bulletins', icon: mdiFileDocumentMultipleOutline, to: { name: 'bulletins' }, testId: 'nav-bulletins' },
];
