import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../config.js';
import type { RelationPair } from '../modules/relationTypes/relationPairs.js';
import type { VocabKind } from '../modules/vocabTerms/vocabKinds.js';

export interface TermSeed {
  title: string;
  titleAr: string;
  description?: string;
  code?: number;
}
export interface EventTypeSeed {
  title: string;
  titleAr: string;
  forActor: boolean;
  forBulletin: boolean;
  forIncident: boolean;
}
export interface RelationTypeSeed {
  title: string;
  titleAr: string;
  reverseTitle?: string;
  reverseTitleAr?: string;
}

const dataDir = join(repoRoot, 'data', 'vocab');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as T;

export const readTermSeeds = () => readJson<Partial<Record<VocabKind, TermSeed[]>>>('terms.json');
export const readEventTypeSeeds = () => readJson<EventTypeSeed[]>('event-types.json');
export const readRelationTypeSeeds = () =>
  readJson<Partial<Record<RelationPair, RelationTypeSeed[]>>>('relation-types.json');

/**
 * Names of the seed sets, recorded in `seed_runs` once loaded. Bump a set's version to ship
 * additions to it; a loaded set is never reloaded, so administrators' edits survive.
 */
export const SEED_SET_VERSION = 1;
export const termSetName = (kind: VocabKind) => `terms:${kind}@${SEED_SET_VERSION}`;
export const COUNTRIES_SET = `terms:countries@${SEED_SET_VERSION}`;
export const EVENT_TYPES_SET = `event-types@${SEED_SET_VERSION}`;
export const RELATION_TYPES_SET = `relation-types@${SEED_SET_VERSION}`;
