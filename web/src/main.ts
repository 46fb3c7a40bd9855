import 'leaflet/dist/leaflet.css';
import './styles.css';
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { makeI18n, storedLocale } from './i18n';
import { makeVuetify } from './plugins/vuetify';
import { router } from './router';
import { setUnauthenticatedHandler } from './api/client';
import { useSessionStore } from './stores/session';
import { applyDocumentLocale } from './composables/useLanguage';

const locale = storedLocale();
applyDocumentLocale(locale);

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(makeI18n(locale));
app.use(makeVuetify(locale));
app.use(router);

// Any 401 from the API means the session is gone: sign in again, then come back here.
setUnauthenticatedHandler(() => {
  useSessionStore(pinia).markExpired();
  const here = router.currentRoute.value;
  if (here.name !== 'login') {
    void router.push({ name: 'login', query: { redirect: here.fullPath } });
  }
});

app.mount('#app');
