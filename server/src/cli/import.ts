import { resolve } from 'node:path';
import { FatalImportError, IMPORT_KINDS, importFile } from '../imports/importFile.js';
import { MappingError } from '../imports/mapping.js';
import { formatReport } from '../imports/report.js';
import { parsePair } from '../imports/vocabImports.js';
import { RELATION_PAIRS } from '../modules/relationTypes/relationPairs.js';
import { VOCAB_KINDS } from '../modules/vocabTerms/vocabKinds.js';
import { cliOperator, withDatabase } from './context.js';
import { parseOptions } from './stdin.js';

const USAGE = `usage: dalil import <kind> <file> [--mapping file] [--pair pair]
  kinds: ${[...IMPORT_KINDS, ...VOCAB_KINDS].join(', ')}
  pairs (relation-types; inferred from Bayanat names like atoa_info.csv): ${RELATION_PAIRS.join(', ')}`;

/**
 * `dalil import <kind> <file>`: prints a summary (created / already present / failed rows
 * with reasons). Exits non-zero only on a fatal problem: missing file, bad mapping.
 */
export async function runImport(argv: string[]): Promise<number> {
  const { positional, options } = parseOptions(argv);
  const [kind, file] = positional;
  if (!kind || !file) {
    console.error(USAGE);
    return 2;
  }
  const mapping = options.get('mapping');
  const pairOption = options.get('pair');
  const pair = typeof pairOption === 'string' ? parsePair(pairOption) : undefined;
  if (pairOption !== undefined && !pair) {
    console.error(`Unknown pair "${String(pairOption)}".\n${USAGE}`);
    return 2;
  }
  // Paths are taken relative to where the command was started (npm runs it from the repo root).
  const base = process.env.INIT_CWD ?? process.cwd();
  return withDatabase(async ({ db }) => {
    try {
      const report = await importFile(db, { cli: true, username: cliOperator() }, kind, resolve(base, file), {
        ...(typeof mapping === 'string' ? { mapping: resolve(base, mapping) } : {}),
        ...(pair ? { pair } : {}),
      });
      console.log(formatReport(report));
      return 0;
    } catch (err) {
      if (err instanceof FatalImportError || err instanceof MappingError) {
        console.error(`Import stopped: ${err.message}`);
        return 1;
      }
      throw err;
    }
  });
}
