import { loadConfig, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { loadDefaultData } from '../seed/defaultData.js';

/** Opens the configured database (migrated and seeded) for a CLI command, and closes it after. */
export async function withDatabase<T>(fn: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await runMigrations(database);
    await loadDefaultData(database.db);
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

/** The OS user running the command, recorded in the activity log (O3). */
export function cliOperator(): string {
  return process.env.SUDO_USER || process.env.USER || process.env.LOGNAME || 'unknown';
}
