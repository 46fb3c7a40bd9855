import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import { useSessionStore } from './stores/session';
import { vocabRoutes } from './pages/vocab/routes';
import { recordRoutes } from './pages/records/routes';
import { securityRoutes } from './pages/account/routes';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (login). */
    public?: boolean;
    /** Rendered without the app shell. */
    bare?: boolean;
    /** Needs the Admin or DA role. */
    canCreate?: boolean;
    /** Needs the Admin role (the server enforces it too). */
    adminOnly?: boolean;
  }
}

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', redirect: { name: 'bulletins' } },
    {
      path: '/login',
      name: 'login',
      component: () => import('./pages/LoginPage.vue'),
      meta: { public: true, bare: true },
    },
    {
      path: '/bulletins',
      name: 'bulletins',
      component: () => import('./pages/bulletins/BulletinListPage.vue'),
    },
    {
      path: '/bulletins/new',
      name: 'bulletin-new',
      component: () => import('./pages/bulletins/BulletinEditPage.vue'),
      meta: { canCreate: true },
    },
    {
      path: '/bulletins/:id(\\d+)',
      name: 'bulletin',
      component: () => import('./pages/bulletins/BulletinViewPage.vue'),
      props: (r: RouteLocationNormalized) => ({ id: Number(r.params.id) }),
    },
    {
      path: '/bulletins/:id(\\d+)/edit',
      name: 'bulletin-edit',
      component: () => import('./pages/bulletins/BulletinEditPage.vue'),
      props: (r: RouteLocationNormalized) => ({ id: Number(r.params.id) }),
    },
    ...recordRoutes,
    ...vocabRoutes,
    {
      path: '/admin/groups',
      name: 'admin-groups',
      component: () => import('./pages/admin/GroupsPage.vue'),
      meta: { adminOnly: true },
    },
    ...securityRoutes,
    {
      path: '/exports/:id(\\d+)?',
      name: 'exports',
      component: () => import('./pages/exports/ExportsPage.vue'),
      props: (r: RouteLocationNormalized) => (r.params.id ? { id: Number(r.params.id) } : {}),
    },
    {
      path: '/:pathMatch(.*)*',
      name: 'not-found',
      component: () => import('./pages/NotFoundPage.vue'),
    },
  ],
});

/** Only same-app paths are accepted as a post-login destination. */
export function safeRedirect(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return '/bulletins';
  if (value.startsWith('/login')) return '/bulletins';
  return value;
}

router.beforeEach(async (to) => {
  const session = useSessionStore();
  if (!session.checked) {
    try {
      await session.check();
    } catch {
      // server unreachable: treat as signed out; the login page shows the error on submit
    }
  }
  if (to.meta.public) {
    if (to.name === 'login' && session.isAuthenticated) return safeRedirect(to.query.redirect);
    return true;
  }
  if (!session.isAuthenticated) {
    return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
  }
  // A temporary password or enforced MFA comes before anything else; once done, those pages are left.
  const step = session.pendingStep;
  const stepRoute = step === 'password' ? 'change-password' : step === 'enrol' ? 'mfa-enrol' : null;
  if (stepRoute && to.name !== stepRoute) {
    const redirect = typeof to.query.redirect === 'string' ? to.query.redirect : to.fullPath;
    return { name: stepRoute, query: redirect !== '/' ? { redirect } : {} };
  }
  if (!stepRoute && (to.name === 'change-password' || to.name === 'mfa-enrol')) return safeRedirect(to.query.redirect);
  if (to.meta.adminOnly && !session.user?.roles.includes('Admin'))
    return { name: 'not-found', params: { pathMatch: to.path.slice(1).split('/') } };
  if (to.meta.canCreate && !session.canCreateBulletin)
    return { name: 'not-found', params: { pathMatch: to.path.slice(1).split('/') } };
  return true;
});
