import { sql } from 'drizzle-orm';
import { rows, type Database } from '../../server/src/db/client.js';

type Db = Database['db'];

/** Tables the generator fills in bulk. */
const LOADED = [
  'bulletins',
  'bulletin_labels',
  'bulletin_locations',
  'bulletin_groups',
  'events',
  'geo_markers',
  'actors',
  'actor_profiles',
  'actor_profile_labels',
  'actor_groups',
  'incidents',
  'incident_labels',
  'incident_locations',
  'actor_bulletin_relations',
  'bulletin_relations',
  'incident_bulletin_relations',
  'incident_actor_relations',
  'actor_relations',
];

/**
 * Secondary indexes are dropped before the load and built once afterwards (building an index
 * over a loaded table is far cheaper than maintaining it row by row). Their definitions are kept
 * in a table, so an interrupted load is repaired by the next run. Unique indexes and those backing
 * a primary key stay: the load relies on them for `on conflict do nothing`.
 */
export async function dropSecondaryIndexes(db: Db): Promise<void> {
  await db.execute(sql`create table if not exists bench_deferred_indexes (name text primary key, ddl text not null)`);
  await db.execute(
    sql`insert into bench_deferred_indexes (name, ddl)
      select i.indexname, i.indexdef from pg_indexes i
      where i.schemaname = 'public' and i.tablename in ${sql.raw(`(${LOADED.map((t) => `'${t}'`).join(', ')})`)}
        and i.indexdef not like 'CREATE UNIQUE%'
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
      on conflict do nothing`,
  );
  for (const r of await rows<{ name: string }>(db, sql`select name from bench_deferred_indexes`))
    await db.execute(sql.raw(`drop index if exists "${r.name}"`));
}

export async function restoreIndexes(db: Db, log: (s: string) => void): Promise<void> {
  const found = await rows<{ n: number }>(
    db,
    sql`select count(*)::int n from pg_tables where tablename = 'bench_deferred_indexes'`,
  );
  if (!Number(found[0]?.n)) return;
  for (const r of await rows<{ name: string; ddl: string }>(
    db,
    sql`select name, ddl from bench_deferred_indexes order by name`,
  )) {
    const t = performance.now();
    await db.execute(sql.raw(r.ddl.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS ')));
    await db.execute(sql`delete from bench_deferred_indexes where name = ${r.name}`);
    const s = (performance.now() - t) / 1000;
    if (s > 2) log(`    ${r.name}: ${s.toFixed(1)} s`);
  }
}
