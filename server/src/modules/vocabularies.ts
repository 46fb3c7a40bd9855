import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from './index.js';

/** Labels, sources, locations, event types, relation types and the small lookup lists. */
export async function registerVocabularyModules(_app: FastifyInstance, _deps: ModuleDeps): Promise<void> {}
