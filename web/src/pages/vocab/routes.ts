import type { RouteLocationNormalized, RouteRecordRaw } from 'vue-router';
import { useSessionStore } from '../../stores/session';
import { canManage, isSmallList, manageableLists, type VocabList } from '../../utils/vocabAccess';

/** Sends users who may not manage a list to the not-found page (the server refuses them anyway). */
function only(list: VocabList | ((to: RouteLocationNormalized) => VocabList | null)) {
  return (to: RouteLocationNormalized) => {
    const session = useSessionStore();
    const which = typeof list === 'function' ? list(to) : list;
    if (which && canManage(session.user, which)) return true;
    return { name: 'not-found', params: { pathMatch: to.path.slice(1).split('/') } };
  };
}

/** The vocabulary management screens (issue 3, point 6). */
export const vocabRoutes: RouteRecordRaw[] = [
  {
    path: '/vocabularies',
    name: 'vocabularies',
    component: () => import('./VocabIndexPage.vue'),
    beforeEnter: (to) =>
      manageableLists(useSessionStore().user).length > 0
        ? true
        : { name: 'not-found', params: { pathMatch: to.path.slice(1).split('/') } },
  },
  {
    path: '/vocabularies/labels',
    name: 'vocab-labels',
    component: () => import('./LabelsPage.vue'),
    beforeEnter: only('labels'),
  },
  {
    path: '/vocabularies/sources',
    name: 'vocab-sources',
    component: () => import('./SourcesPage.vue'),
    beforeEnter: only('sources'),
  },
  {
    path: '/vocabularies/locations',
    name: 'vocab-locations',
    component: () => import('./LocationsPage.vue'),
    beforeEnter: only('locations'),
  },
  {
    path: '/vocabularies/event-types',
    name: 'vocab-event-types',
    component: () => import('./EventTypesPage.vue'),
    beforeEnter: only('event-types'),
  },
  {
    path: '/vocabularies/relation-types',
    name: 'vocab-relation-types',
    component: () => import('./RelationTypesPage.vue'),
    beforeEnter: only('relation-types'),
  },
  {
    path: '/vocabularies/lists/:kind',
    name: 'vocab-list',
    component: () => import('./TermListPage.vue'),
    props: (r: RouteLocationNormalized) => ({ kind: r.params.kind }),
    beforeEnter: only((to) => (isSmallList(to.params.kind) ? to.params.kind : null)),
  },
];
