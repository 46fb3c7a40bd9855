import type { RouteLocationNormalized, RouteRecordRaw } from 'vue-router';

const idProp = (r: RouteLocationNormalized) => ({ id: Number(r.params.id) });

/** Actor and incident screens (list, new, view, edit), same shape as the bulletin routes. */
export const recordRoutes: RouteRecordRaw[] = [
  { path: '/actors', name: 'actors', component: () => import('../actors/ActorListPage.vue') },
  {
    path: '/actors/new',
    name: 'actor-new',
    component: () => import('../actors/ActorEditPage.vue'),
    meta: { canCreate: true },
  },
  { path: '/actors/:id(\\d+)', name: 'actor', component: () => import('../actors/ActorViewPage.vue'), props: idProp },
  {
    path: '/actors/:id(\\d+)/edit',
    name: 'actor-edit',
    component: () => import('../actors/ActorEditPage.vue'),
    props: idProp,
  },
  { path: '/incidents', name: 'incidents', component: () => import('../incidents/IncidentListPage.vue') },
  {
    path: '/incidents/new',
    name: 'incident-new',
    component: () => import('../incidents/IncidentEditPage.vue'),
    meta: { canCreate: true },
  },
  {
    path: '/incidents/:id(\\d+)',
    name: 'incident',
    component: () => import('../incidents/IncidentViewPage.vue'),
    props: idProp,
  },
  {
    path: '/incidents/:id(\\d+)/edit',
    name: 'incident-edit',
    component: () => import('../incidents/IncidentEditPage.vue'),
    props: idProp,
  },
];
