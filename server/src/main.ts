import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { runMigrations } from './db/migrate.js';
import { loadDefaultData } from './seed/defaultData.js';
import { ensureFirstAdmin } from './modules/users/users.service.js';

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const database = await openDatabase(config);
  await runMigrations(database);
  await loadDefaultData(database.db);
  const admin = await ensureFirstAdmin(database.db, { username: config.adminUsername, password: config.adminPassword });
  if (admin.created) {
    if (admin.generatedPassword) {
      console.log(
        `\n  First admin created.\n    username: ${config.adminUsername}\n    password: ${admin.generatedPassword}\n  This password is shown once. Sign in and keep it safe.\n`,
      );
    } else {
      console.log(`\n  First admin "${config.adminUsername}" created with the password from ADMIN_PASSWORD.\n`);
    }
  }
  const app = await buildApp({ config, database });
  app.jobWorker.start();
  app.scheduler.start();
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  await app.listen({ port: config.port, host: config.host });
  console.log(
    `  Dalil is running at http://${config.host}:${config.port}  (database: ${database.engine}, counters: ${config.redis ? 'redis' : 'database'}, ready in ${Date.now() - started} ms)`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
