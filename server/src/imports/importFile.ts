import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Db } from '../db/client.js';
import { rebuildAllLocationNames } from '../modules/locations/locations.names.js';
import type { RelationPair } from '../modules/relationTypes/relationPairs.js';
import type { Performer } from '../modules/users/users.service.js';
import { isVocabKind, type VocabKind } from '../modules/vocabTerms/vocabKinds.js';
import { importBulletins } from './bulletinImport.js';
import { importLocationsCsv } from './locationsCsv.js';
import { importLocationsXml, locationsXmlMapping } from './locationsXml.js';
import { MappingError, bulletinMapping, readMapping } from './mapping.js';
import { emptyReport, recordImport, type ImportReport } from './report.js';
import {
  importEventTypes,
  importLabels,
  importRelationTypes,
  importSources,
  importVocabTerms,
  pairOfFile,
} from './vocabImports.js';

export const IMPORT_KINDS = [
  'labels',
  'sources',
  'event-types',
  'relation-types',
  'locations',
  'locations-xml',
  'bayanat-seed',
  'bulletins',
] as const;

export interface ImportOptions {
  mapping?: string;
  pair?: RelationPair;
}

/** A problem that stops the whole import (missing file, bad mapping, unknown kind). */
export class FatalImportError extends Error {}

/** Bayanat's seed files and what each holds. */
const BAYANAT_SEED_FILES: Record<string, string> = {
  'label.csv': 'labels',
  'eventtypes.csv': 'event-types',
  'potential_violation.csv': 'potential-violations',
  'claimed_violation.csv': 'claimed-violations',
  'countries.csv': 'countries',
  'ethnographies.csv': 'ethnographies',
  'geo_location_types.csv': 'geo-location-types',
  'id_number_types.csv': 'id-number-types',
  'media_categories.csv': 'media-categories',
  'dialects.csv': 'dialects',
  'atoa_info.csv': 'relation-types',
  'atob_info.csv': 'relation-types',
  'btob_info.csv': 'relation-types',
  'itoa_info.csv': 'relation-types',
  'itob_info.csv': 'relation-types',
  'itoi_info.csv': 'relation-types',
};

/** Vocabulary imports run in one transaction with their IMPORT activity row: all or nothing. */
async function inTransaction(db: Db, by: Performer, run: (tx: Db) => Promise<ImportReport>): Promise<ImportReport> {
  return db.transaction(async (tx) => {
    const report = await run(tx);
    await recordImport(tx, by, report);
    return report;
  });
}

async function importVocabFile(
  db: Db,
  by: Performer,
  kind: string,
  file: string,
  opts: ImportOptions,
): Promise<ImportReport> {
  switch (kind) {
    case 'labels':
      return inTransaction(db, by, (tx) => importLabels(tx, file));
    case 'sources':
      return inTransaction(db, by, (tx) => importSources(tx, file));
    case 'event-types':
      return inTransaction(db, by, (tx) => importEventTypes(tx, file));
    case 'relation-types': {
      const pair = opts.pair ?? pairOfFile(file);
      if (!pair)
        throw new FatalImportError(
          `Say which pair of record kinds ${basename(file)} is for: --pair actor-actor (or another pair).`,
        );
      return inTransaction(db, by, (tx) => importRelationTypes(tx, file, pair));
    }
    case 'locations':
      return inTransaction(db, by, async (tx) => {
        const report = await importLocationsCsv(tx, file);
        await rebuildAllLocationNames(tx);
        return report;
      });
    default:
      if (isVocabKind(kind)) return inTransaction(db, by, (tx) => importVocabTerms(tx, kind as VocabKind, file));
      throw new FatalImportError(`Unknown import kind "${kind}".`);
  }
}

async function importBayanatSeed(db: Db, by: Performer, folder: string): Promise<ImportReport> {
  if (!statSync(folder).isDirectory()) throw new FatalImportError(`${folder} is not a folder.`);
  const report = emptyReport('bayanat-seed', folder);
  const files = readdirSync(folder).filter((f) => BAYANAT_SEED_FILES[f]);
  if (files.length === 0)
    throw new FatalImportError(`${folder} holds none of Bayanat's seed files (label.csv, eventtypes.csv, …).`);
  report.parts = [];
  for (const f of files.sort()) {
    const started = Date.now();
    const part = await importVocabFile(db, by, BAYANAT_SEED_FILES[f]!, join(folder, f), {});
    part.ms = Date.now() - started;
    report.parts.push(part);
    report.created += part.created;
    report.present += part.present;
  }
  return report;
}

/** Runs one import and returns its report; throws FatalImportError / MappingError on fatal problems. */
export async function importFile(
  db: Db,
  by: Performer,
  kind: string,
  file: string,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  if (!existsSync(file)) throw new FatalImportError(`No such file or folder: ${file}`);
  const started = Date.now();
  let report: ImportReport;
  if (kind === 'bayanat-seed') report = await importBayanatSeed(db, by, file);
  else if (kind === 'locations-xml') {
    const mapping = opts.mapping
      ? readMapping(opts.mapping, locationsXmlMapping)
      : locationsXmlMapping.parse({ kind: 'locations-xml' });
    report = await inTransaction(db, by, (tx) => importLocationsXml(tx, file, mapping));
  } else if (kind === 'bulletins') {
    if (!opts.mapping)
      throw new MappingError('Importing bulletins needs a column mapping: --mapping data/mappings/<name>.json');
    const mapping = readMapping(opts.mapping, bulletinMapping);
    report = await importBulletins(db, by, file, mapping);
    await db.transaction((tx) => recordImport(tx, by, report));
  } else report = await importVocabFile(db, by, kind, file, opts);
  report.ms = Date.now() - started;
  return report;
}
