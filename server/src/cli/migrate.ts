import { appendActivity } from '../modules/activity/activity.repo.js';
import { cliOperator, withDatabase } from './context.js';

/** `dalil migrate`: applies pending migrations and loads the default vocabularies. */
export async function migrateCommand(): Promise<number> {
  return withDatabase(async ({ db, engine }) => {
    await db.transaction((tx) =>
      appendActivity(tx, {
        userId: null,
        username: `cli:${cliOperator()}`,
        action: 'MIGRATE',
        ip: 'cli',
        details: { engine },
      }),
    );
    console.log(`Database migrated (${engine}).`);
    return 0;
  });
}
