import type { RouteRecordRaw } from 'vue-router';

/** Issue 5: sign-in steps, the user's own security, and the admin security pages. */
export const securityRoutes: RouteRecordRaw[] = [
  {
    path: '/login/oidc',
    name: 'login-oidc',
    component: () => import('./OidcReturnPage.vue'),
    meta: { public: true, bare: true },
  },
  {
    path: '/account/password',
    name: 'change-password',
    component: () => import('./ChangePasswordPage.vue'),
    meta: { bare: true },
  },
  {
    path: '/account/enrol',
    name: 'mfa-enrol',
    component: () => import('./MfaEnrolPage.vue'),
    meta: { bare: true },
  },
  {
    path: '/account/security',
    name: 'account-security',
    component: () => import('./AccountSecurityPage.vue'),
  },
  {
    path: '/admin/users',
    name: 'admin-users',
    component: () => import('../admin/UsersPage.vue'),
    meta: { adminOnly: true },
  },
  {
    path: '/admin/sessions',
    name: 'admin-sessions',
    component: () => import('../admin/SessionsPage.vue'),
    meta: { adminOnly: true },
  },
  {
    path: '/admin/security',
    name: 'admin-security',
    component: () => import('../admin/SecurityPage.vue'),
    meta: { adminOnly: true },
  },
];
