import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { eventTypes, relationTypes, seedRuns, vocabTerms } from '../db/schema/index.js';
import { searchTextOf } from '../lib/normalize.js';
import { VOCAB_KINDS, type VocabKind } from '../modules/vocabTerms/vocabKinds.js';
import { countryTerms } from './countries.js';
import {
  COUNTRIES_SET,
  EVENT_TYPES_SET,
  RELATION_TYPES_SET,
  readEventTypeSeeds,
  readRelationTypeSeeds,
  readTermSeeds,
  termSetName,
} from './seedSets.js';

type Loader = (tx: Db) => Promise<void>;

const termKinds = VOCAB_KINDS.filter((k): k is Exclude<VocabKind, 'countries'> => k !== 'countries');

/** Every seed set with its loader. Inserts skip rows whose natural key already exists. */
function seedSets(): [string, Loader][] {
  const sets: [string, Loader][] = termKinds.map((kind) => [
    termSetName(kind),
    async (tx) => {
      const seeds = readTermSeeds()[kind] ?? [];
      if (seeds.length === 0) return;
      await tx
        .insert(vocabTerms)
        .values(
          seeds.map((s, i) => ({
            kind,
            title: s.title,
            titleAr: s.titleAr,
            description: s.description ?? '',
            code: s.code ?? null,
            sortOrder: i + 1,
            searchText: searchTextOf([s.title, s.titleAr]),
          })),
        )
        .onConflictDoNothing();
    },
  ]);
  sets.push([
    COUNTRIES_SET,
    async (tx) => {
      await tx
        .insert(vocabTerms)
        .values(
          countryTerms().map((c, i) => ({
            kind: 'countries',
            title: c.title,
            titleAr: c.titleAr,
            code: c.code,
            sortOrder: i + 1,
            searchText: searchTextOf([c.title, c.titleAr, c.alpha2]),
          })),
        )
        .onConflictDoNothing();
    },
  ]);
  sets.push([
    EVENT_TYPES_SET,
    async (tx) => {
      await tx
        .insert(eventTypes)
        .values(readEventTypeSeeds().map((e) => ({ ...e, searchText: searchTextOf([e.title, e.titleAr]) })))
        .onConflictDoNothing();
    },
  ]);
  sets.push([
    RELATION_TYPES_SET,
    async (tx) => {
      const rows = Object.entries(readRelationTypeSeeds()).flatMap(([pair, types]) =>
        (types ?? []).map((t) => ({
          pair,
          title: t.title,
          titleAr: t.titleAr,
          reverseTitle: t.reverseTitle ?? t.title,
          reverseTitleAr: t.reverseTitleAr ?? t.titleAr,
          searchText: searchTextOf([t.title, t.reverseTitle, t.titleAr, t.reverseTitleAr]),
        })),
      );
      await tx.insert(relationTypes).values(rows).onConflictDoNothing();
    },
  ]);
  return sets;
}

/**
 * Loads the reference vocabularies shipped in data/, once per set (idempotent). When every
 * set is already recorded in `seed_runs` this is a single cheap query.
 */
export async function loadDefaultData(db: Db): Promise<void> {
  const sets = seedSets();
  const names = sets.map(([name]) => name);
  const loaded = new Set(
    (await db.select({ name: seedRuns.name }).from(seedRuns).where(inArray(seedRuns.name, names))).map((r) => r.name),
  );
  for (const [name, load] of sets) {
    if (loaded.has(name)) continue;
    await db.transaction(async (tx) => {
      // A concurrent start may have loaded the set meanwhile; claiming the name first decides who loads it.
      const claimed = await tx
        .insert(seedRuns)
        .values({ name })
        .onConflictDoNothing()
        .returning({ name: seedRuns.name });
      if (claimed.length === 0) return;
      await load(tx);
    });
  }
}
