import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { CounterStore } from '../counters/counterStore.js';
import type { Database, Db } from '../db/client.js';
import type { Scheduler } from '../jobs/scheduler.js';
import type { JobWorker } from '../jobs/worker.js';
import { jobRoutes } from './jobs/jobs.routes.js';
import { activityRoutes } from './activity/activity.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { oidcRoutes } from './auth/oidc.routes.js';
import { mfaRoutes } from './mfa/mfa.routes.js';
import { notificationRoutes } from './notifications/notifications.routes.js';
import { securityRoutes } from './security/security.routes.js';
import { sessionRoutes } from './sessions/sessions.routes.js';
import { bulletinRoutes } from './bulletins/bulletins.routes.js';
import { actorRoutes } from './actors/actors.routes.js';
import { incidentRoutes } from './incidents/incidents.routes.js';
import { historyRoutes } from './history/history.routes.js';
import { relationRoutes } from './relations/relations.routes.js';
import { groupRoutes } from './groups/groups.routes.js';
import { userRoutes } from './users/users.routes.js';
import { registerVocabularyModules } from './vocabularies.js';
import { vocabCsvRoutes } from './vocabCsv/vocabCsv.routes.js';
import { searchRoutes } from './search/search.routes.js';
import { accessRoutes } from './access/access.routes.js';
import { workflowRoutes } from './workflow/workflow.routes.js';
import { exportRoutes } from './exports/exports.routes.js';
import { mediaRoutes } from './media/media.routes.js';

export interface ModuleDeps {
  db: Db;
  config: Config;
  database: Database;
  /** Lockout and rate-limit counters: the database, or Redis when REDIS_URL is set (A5, S6). */
  counters: CounterStore;
  /** Modules register their background job handlers here. */
  jobWorker: JobWorker;
  /** Modules register their periodic maintenance tasks here (export expiry, cleanup). */
  scheduler: Scheduler;
}

export async function registerModules(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  authRoutes(app, deps);
  jobRoutes(app, deps);
  oidcRoutes(app, deps);
  mfaRoutes(app, deps);
  sessionRoutes(app, deps);
  securityRoutes(app, deps);
  notificationRoutes(app, deps);
  activityRoutes(app, deps);
  bulletinRoutes(app, deps);
  actorRoutes(app, deps);
  incidentRoutes(app, deps);
  historyRoutes(app, deps);
  relationRoutes(app, deps);
  userRoutes(app, deps);
  groupRoutes(app, deps);
  accessRoutes(app, deps);
  workflowRoutes(app, deps);
  await registerVocabularyModules(app, deps);
  vocabCsvRoutes(app, deps);
  searchRoutes(app, deps);
  exportRoutes(app, deps);
  await mediaRoutes(app, deps);
}
