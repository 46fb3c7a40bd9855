import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** One Drizzle type over both engines; a transaction is also a Db. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
  ping(): Promise<boolean>;
  /** The embedded instance, when running on PGlite (migrations, cloning in tests). */
  pglite?: PGlite;
  pool?: pg.Pool;
  /**
   * A Db whose every statement is cancelled after `timeoutMs` (search). On PostgreSQL its
   * connections carry the timeout from the start, so no BEGIN / SET LOCAL / COMMIT is spent per
   * request; PGlite has no statement timeout, so there it is the plain Db.
   */
  withStatementTimeout(timeoutMs: number): Db;
}

// Timestamps come back as JS Date on both drivers; bigint counts as numbers.
pg.types.setTypeParser(20, (v) => Number(v));

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one process per data directory: a second opener (the CLI while the server runs)
 * would write to its own copy and lose the changes. A pid file makes the second one refuse.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = `${dataDir}.pid`;
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
      throw new Error(
        `The database in ${dataDir} is in use by process ${pid} (a running Dalil server?). ` +
          'Stop it first, or run Dalil on PostgreSQL (DATABASE_URL) to use the command line alongside the server.',
      );
    }
  }
  writeFileSync(lockFile, String(process.pid), { mode: 0o600 });
  return () => {
    try {
      if (readFileSync(lockFile, 'utf8').trim() === String(process.pid)) unlinkSync(lockFile);
    } catch {
      /* already gone */
    }
  };
}

export async function openPglite(dataDir: string | undefined): Promise<Database> {
  let unlock = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  try {
    const client = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      extensions: { pg_trgm },
    });
    const database = wrapPglite(client);
    const close = database.close;
    return {
      ...database,
      close: async () => {
        await close();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}

export function wrapPglite(client: PGlite): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    pglite: client,
    withStatementTimeout: () => db,
    close: () => client.close(),
    ping: async () => {
      try {
        await client.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
  };
}

export function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  // One small pool per timeout in use; a changed setting starts a new pool and ends the old one
  // once its clients are back (pg's end() waits for them).
  let timed: { ms: number; pool: pg.Pool; db: Db } | null = null;
  const withStatementTimeout = (ms: number): Db => {
    const wanted = Math.max(1, Math.floor(ms));
    if (timed?.ms === wanted) return timed.db;
    const old = timed;
    const p = new pg.Pool({ connectionString: url, max: 5, statement_timeout: wanted });
    timed = { ms: wanted, pool: p, db: drizzlePg(p, { schema }) as unknown as Db };
    if (old) void old.pool.end();
    return timed.db;
  };
  return {
    db,
    engine: 'postgres',
    pool,
    withStatementTimeout,
    close: async () => {
      await Promise.all([pool.end(), timed?.pool.end()]);
    },
    ping: async () => {
      try {
        await pool.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
  };
}

export async function openDatabase(opts: { databaseUrl?: string | undefined; dataDir: string }): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(join(opts.dataDir, 'db'));
}

/** Rows of a raw SQL query, the same shape on both drivers. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export { sql };
