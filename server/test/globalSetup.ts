import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { openPglite, openPostgres } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { loadDefaultData } from '../src/seed/defaultData.js';

/**
 * Migrates and seeds one template database per run; each test file then gets its own copy
 * (PGlite: a data-dir dump; PostgreSQL: CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const templateName = `dalil_tpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${templateName}`);
    const url = new URL(pgUrl);
    url.pathname = `/${templateName}`;
    const database = openPostgres(url.toString());
    await runMigrations(database);
    await loadDefaultData(database.db);
    await database.close();
    project.provide('pgTemplate', templateName);
    return async () => {
      const dbs = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
        [`dalil_t_${process.pid}_%`, templateName],
      );
      for (const { datname } of dbs.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      await admin.end();
    };
  }
  const database = await openPglite(undefined);
  await runMigrations(database);
  await loadDefaultData(database.db);
  const dump = await database.pglite!.dumpDataDir('none');
  const file = join(mkdtempSync(join(tmpdir(), 'dalil-tpl-')), 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', file);
  return async () => {};
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate?: string;
    pgliteTemplate?: string;
  }
}
