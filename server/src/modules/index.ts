import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Database, Db } from '../db/client.js';
import { authRoutes } from './auth/auth.routes.js';
import { bulletinRoutes } from './bulletins/bulletins.routes.js';
import { groupRoutes } from './groups/groups.routes.js';
import { userRoutes } from './users/users.routes.js';
import { registerVocabularyModules } from './vocabularies.js';

export interface ModuleDeps {
  db: Db;
  config: Config;
  database: Database;
}

export async function registerModules(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  authRoutes(app, deps);
  bulletinRoutes(app, deps);
  userRoutes(app, deps);
  groupRoutes(app, deps);
  await registerVocabularyModules(app, deps);
}
