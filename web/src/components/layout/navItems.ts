import {
  mdiAccountKeyOutline,
  mdiMonitorAccount,
  mdiShieldLockOutline,
  mdiAccountGroupOutline,
  mdiAccountMultipleOutline,
  mdiAlertOctagonOutline,
  mdiFileDocumentMultipleOutline,
  mdiShapeOutline,
  mdiTrayArrowDown,
} from '@mdi/js';
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
  { label: 'nav.actors', icon: mdiAccountMultipleOutline, to: { name: 'actors' }, testId: 'nav-actors' },
  { label: 'nav.incidents', icon: mdiAlertOctagonOutline, to: { name: 'incidents' }, testId: 'nav-incidents' },
  {
    label: 'nav.vocabularies',
    icon: mdiShapeOutline,
    to: { name: 'vocabularies' },
    testId: 'nav-vocabularies',
    visible: (user) => manageableLists(user).length > 0,
  },
  {
    label: 'exp.nav',
    icon: mdiTrayArrowDown,
    to: { name: 'exports' },
    testId: 'nav-exports',
    visible: (user) => (user?.roles.includes('Admin') || user?.permissions.canExport) ?? false,
  },
  {
    label: 'nav.groups',
    icon: mdiAccountGroupOutline,
    to: { name: 'admin-groups' },
    testId: 'nav-groups',
    visible: (user) => user?.roles.includes('Admin') ?? false,
  },
  {
    label: 'sec.nav.users',
    icon: mdiAccountKeyOutline,
    to: { name: 'admin-users' },
    testId: 'nav-users',
    visible: (user) => user?.roles.includes('Admin') ?? false,
  },
  {
    label: 'sec.nav.sessions',
    icon: mdiMonitorAccount,
    to: { name: 'admin-sessions' },
    testId: 'nav-sessions',
    visible: (user) => user?.roles.includes('Admin') ?? false,
  },
  {
    label: 'sec.nav.security',
    icon: mdiShieldLockOutline,
    to: { name: 'admin-security' },
    testId: 'nav-security',
    visible: (user) => user?.roles.includes('Admin') ?? false,
  },
];
