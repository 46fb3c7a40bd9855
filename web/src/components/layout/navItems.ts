import { mdiAccountGroupOutline, mdiFileDocumentMultipleOutline, mdiShapeOutline } from '@mdi/js';
import type { RouteLocationRaw } from 'vue-router';
import type { User } from '../../api/types';
import { manageableLists } from '../../utils/vocabAccess';

export interface NavItem {
  /** i18n key of the label. */
  label: string;
  icon: string;
  to: RouteLocationRaw;
  testId: string;
  /** Shown only when this answers true for the signed-in user (default: always shown). */
  visible?: (user: User | null) => boolean;
}

/** Navigation entries, in order. Add Actors, Incidents, Vocabularies, Admin here as they land. */
export const navItems: NavItem[] = [
  { label: 'nav.bulletins', icon: mdiFileDocumentMultipleOutline, to: { name: 'bulletins' }, testId: 'nav-bulletins' },
  { label: 'nav.actors', icon: mdiAccountGroupOutline, to: { name: 'actors' }, testId: 'nav-actors' },
  { label: 'nav.incidents', icon: mdiAlertOctagonOutline, to: { name: 'incidents' }, testId: 'nav-incidents' },
  {
    label: 'nav.vocabularies',
    icon: mdiShapeOutline,
    to: { name: 'vocabularies' },
    testId: 'nav-vocabularies',
    visible: (user) => manageableLists(user).length > 0,
  },
  {
    label: 'nav.groups',
    icon: mdiAccountGroupOutline,
    to: { name: 'admin-groups' },
    testId: 'nav-groups',
    visible: (user) => user?.roles.includes('Admin') ?? false,
  },
];
