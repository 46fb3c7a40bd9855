import type { FastifyInstance } from 'fastify';
import { eventTypeRoutes } from './eventTypes/eventTypes.routes.js';
import type { ModuleDeps } from './index.js';
import { labelRoutes } from './labels/labels.routes.js';
import { locationRoutes } from './locations/locations.routes.js';
import { relationTypeRoutes } from './relationTypes/relationTypes.routes.js';
import { sourceRoutes } from './sources/sources.routes.js';
import { vocabTermRoutes } from './vocabTerms/vocabTerms.routes.js';

/** Labels, sources, locations, event types, relation types and the small lookup lists. */
export async function registerVocabularyModules(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  labelRoutes(app, deps);
  sourceRoutes(app, deps);
  locationRoutes(app, deps);
  eventTypeRoutes(app, deps);
  relationTypeRoutes(app, deps);
  vocabTermRoutes(app, deps);
}
