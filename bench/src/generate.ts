import { sql } from 'drizzle-orm';
import { rows, type Database } from '../../server/src/db/client.js';
import { runMigrations } from '../../server/src/db/migrate.js';
import { normalizeText, searchTextOf } from '../../server/src/lib/normalize.js';
import { loadDefaultData } from '../../server/src/seed/defaultData.js';
import { createUser } from '../../server/src/modules/users/users.service.js';
import { insertBulletins, insertIncidents, vocab } from './batches.js';
import { labelRows, places } from './gazetteer.js';
import { dropSecondaryIndexes, restoreIndexes } from './indexes.js';
import { AR_WORDS, EN_WORDS, FIRST_AR, FIRST_EN, LAST_AR, LAST_EN } from './words.js';

export interface Sizes {
  bulletins: number;
  actors: number;
  incidents: number;
  relations: number;
}
export const FULL: Sizes = { bulletins: 1_000_000, actors: 300_000, incidents: 50_000, relations: 3_000_000 };
export const scaled = (s: number): Sizes => ({
  bulletins: Math.round(FULL.bulletins * s),
  actors: Math.round(FULL.actors * s),
  incidents: Math.round(FULL.incidents * s),
  relations: Math.round(FULL.relations * s),
});

export const BENCH_PASSWORD = 'bench-password-long-enough-1';
const CHUNK = 50_000;

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** Deterministic pseudo-random integer in [1, n] from a row number and a salt (recomputable across statements). */
const pick = (g: string, salt: number | string, n: string) => `(1 + (abs(hashint4(${g} + ${salt})) % ${n}))`;
/** Same, skewed towards low indexes (a few places and words are much more common, as in real data). */
const skew = (g: string, salt: number | string, n: string) =>
  `(1 + floor(power((abs(hashint4(${g} + ${salt})) % 100000) / 100000.0, 2) * ${n})::int)`;

async function exec(db: Database['db'], text: string): Promise<void> {
  await db.execute(sql.raw(text));
}

async function timed(label: string, log: (s: string) => void, f: () => Promise<void>): Promise<void> {
  const t = performance.now();
  await f();
  log(`  ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

async function chunks(total: number, f: (from: number, to: number) => Promise<void>): Promise<void> {
  for (let from = 1; from <= total; from += CHUNK) await f(from, Math.min(total, from + CHUNK - 1));
}

/**
 * Fills an empty, migrated database with realistic records. Bulletins and incidents (the text-heavy
 * rows) are built in TypeScript batches (`batches.ts`); actors and relations, which are short, with
 * INSERT … SELECT generate_series. Secondary indexes are built after the load (`indexes.ts`).
 */
export async function generate(
  database: Database,
  sizes: Sizes,
  log: (s: string) => void = console.log,
): Promise<void> {
  const db = database.db;
  await runMigrations(database);
  await loadDefaultData(db);
  const [existing] = await rows<{ n: number }>(db, sql`select count(*)::int as n from bulletins`);
  if (Number(existing?.n) > 0) {
    log(`  database already holds ${existing?.n} bulletins; not generating`);
    await restoreIndexes(db, log); // a load interrupted before its indexes were built
    return;
  }
  const started = performance.now();
  // Users and groups.
  const groups = await rows<{ id: number }>(
    db,
    sql`insert into access_groups (name) values ('Bench team A'), ('Bench team B') returning id`,
  );
  const [gA, gB] = groups.map((g) => Number(g.id));
  const cli = { cli: true as const, username: 'bench' };
  await createUser(db, cli, { username: 'benchadmin', password: BENCH_PASSWORD, roles: ['Admin'] });
  await createUser(db, cli, { username: 'benchda', password: BENCH_PASSWORD, roles: ['DA'] });
  await createUser(db, cli, {
    username: 'benchmember',
    password: BENCH_PASSWORD,
    roles: ['DA'],
    groups: [gA as number],
  });

  await timed('vocabularies', log, async () => {
    const labels = labelRows();
    for (let i = 0; i < labels.length; i += 500) {
      const part = labels.slice(i, i + 500);
      await exec(
        db,
        // search_text as the labels service writes it, so the pickers find labels by name.
        `insert into labels (id, title, search_text, for_bulletin, for_actor, for_incident) values ${part.map((l) => `(${l.id}, ${lit(l.title)}, ${lit(searchTextOf([l.title]))}, true, true, true)`).join(',')} on conflict do nothing`,
      );
    }
    for (const l of labels)
      if (l.parent)
        await exec(
          db,
          `update labels set parent_id = ${l.parent} where id = ${l.id} and exists (select 1 from labels where id = ${l.parent})`,
        );
    await exec(db, `select setval(pg_get_serial_sequence('labels', 'id'), (select max(id) from labels))`);
    const pl = places();
    for (let i = 0; i < pl.length; i += 500) {
      const part = pl.slice(i, i + 500);
      await exec(
        db,
        `insert into locations (id, title, title_ar, search_text, lat, lng) values ${part.map((p) => `(${p.id}, ${lit(p.title)}, ${lit(p.titleAr)}, ${lit(searchTextOf([p.title, p.titleAr]))}, ${p.lat ?? 'null'}, ${p.lng ?? 'null'})`).join(',')}`,
      );
    }
    for (const p of pl) if (p.parent) await exec(db, `update locations set parent_id = ${p.parent} where id = ${p.id}`);
    await exec(
      db,
      `with recursive t(id, path, fn, fna, depth) as (
        select id, '/' || id || '/', title, title_ar, 1 from locations where parent_id is null
        union all
        select l.id, t.path || l.id || '/', l.title || ', ' || t.fn, l.title_ar || '، ' || t.fna, t.depth + 1 from locations l join t on l.parent_id = t.id where t.depth < 8)
      update locations set path = t.path, full_name = t.fn, full_name_ar = t.fna from t where locations.id = t.id`,
    );
    await exec(db, `select setval(pg_get_serial_sequence('locations', 'id'), (select max(id) from locations))`);
    // Normalised names for search text, and word lists.
    await exec(db, `create table if not exists bench_words (lang text, i int, raw text, norm text)`);
    await exec(db, `create table if not exists bench_names (kind text, id int, norm text)`);
    const words = [
      ...EN_WORDS.map((w, i) => ['en', i + 1, w] as const),
      ...AR_WORDS.map((w, i) => ['ar', i + 1, w] as const),
      ...FIRST_EN.map((w, i) => ['fe', i + 1, w] as const),
      ...FIRST_AR.map((w, i) => ['fa', i + 1, w] as const),
      ...LAST_EN.map((w, i) => ['le', i + 1, w] as const),
      ...LAST_AR.map((w, i) => ['la', i + 1, w] as const),
    ];
    await exec(
      db,
      `insert into bench_words values ${words.map(([l, i, w]) => `(${lit(l)}, ${i}, ${lit(w)}, ${lit(normalizeText(w))})`).join(',')}`,
    );
    const locs = await rows<{ id: number; full_name: string; full_name_ar: string }>(
      db,
      sql`select id, full_name, full_name_ar from locations`,
    );
    for (let i = 0; i < locs.length; i += 500) {
      const part = locs.slice(i, i + 500);
      await exec(
        db,
        `insert into bench_names values ${part.map((l) => `('loc', ${l.id}, ${lit(normalizeText(`${l.full_name} ${l.full_name_ar}`))})`).join(',')}`,
      );
    }
    for (let i = 0; i < labels.length; i += 500) {
      const part = labels.slice(i, i + 500);
      await exec(
        db,
        `insert into bench_names values ${part.map((l) => `('label', ${l.id}, ${lit(normalizeText(l.title))})`).join(',')}`,
      );
    }
    await exec(db, `create index if not exists bench_names_idx on bench_names (kind, id)`);
    await exec(db, `analyze bench_names`);
    await exec(
      db,
      `update locations set search_text = n.norm from bench_names n where n.kind = 'loc' and n.id = locations.id`,
    );
    await exec(
      db,
      `create table if not exists bench_arrays as select
        (select array_agg(raw order by i) from bench_words where lang = 'en') er, (select array_agg(norm order by i) from bench_words where lang = 'en') en,
        (select array_agg(raw order by i) from bench_words where lang = 'ar') ar, (select array_agg(norm order by i) from bench_words where lang = 'ar') an,
        (select array_agg(raw order by i) from bench_words where lang = 'fe') fe, (select array_agg(raw order by i) from bench_words where lang = 'fa') fa,
        (select array_agg(raw order by i) from bench_words where lang = 'le') le, (select array_agg(raw order by i) from bench_words where lang = 'la') la,
        (select array_agg(norm order by i) from bench_words where lang = 'fa') fan, (select array_agg(norm order by i) from bench_words where lang = 'la') lan,
        (select array_agg(id order by id) from labels) lids,
        (select array_agg(id order by id) from locations where lat is not null and path <> '') pids,
        (select array_agg(id order by id) from event_types) etids`,
    );
  });

  // Secondary indexes (text GIN included) are built once after loading.
  await dropSecondaryIndexes(db);

  // The word lists inlined as array constants: reading a subscript of a stored (TOASTed) array
  // detoasts the whole array every time, which made generation 50x slower.
  const [arrays] = await rows<Record<string, unknown[]>>(db, sql`select * from bench_arrays`);
  const constArray = (v: unknown[], type: 'text' | 'int') =>
    type === 'int'
      ? `array[${v.map(Number).join(',')}]::int[]`
      : `array[${v.map((x) => lit(String(x))).join(',')}]::text[]`;
  const A = `(select ${Object.entries(arrays ?? {})
    .map(([k, v]) => `${constArray(v, k.endsWith('ids') ? 'int' : 'text')} as ${k}`)
    .join(', ')}) w`;
  const nl = 'cardinality(w.lids)';
  const np = 'cardinality(w.pids)';

  const v = await vocab(db);
  await timed(`${sizes.bulletins} bulletins (+ labels, locations, events, geo markers, groups)`, log, () =>
    insertBulletins(db, sizes.bulletins, v, [gA as number, gB as number]),
  );

  await timed(`${sizes.actors} actors (+ profiles, labels, groups)`, log, async () => {
    await chunks(sizes.actors, async (from, to) => {
      await exec(
        db,
        `insert into actors (id, type, name, name_ar, first_name, last_name, first_name_ar, last_name_ar, sex, origin_place_id, occupation, status, comments, search_text, created_at, updated_at)
        select g, 'Person', w.fe[f] || ' ' || w.le[l], w.fa[f] || ' ' || w.la[l], w.fe[f], w.le[l], w.fa[f], w.la[l], case when g % 3 = 0 then 'Female' else 'Male' end,
          w.pids[${skew('g', 7, np)}], w.er[${pick('g', 8, '60')}], 'Human Created', 'generated',
          g || ' ' || lower(w.fe[f] || ' ' || w.le[l]) || ' ' || w.fan[f] || ' ' || w.lan[l] || ' ' || w.en[${pick('g', 8, '60')}] || ' ' || coalesce((select norm from bench_names where kind = 'loc' and id = w.pids[${skew('g', 7, np)}]), ''),
          timestamptz '2012-01-01' + ((abs(hashint4(g + 9)) % 4000) * interval '1 day'), timestamptz '2012-01-01' + ((abs(hashint4(g + 9)) % 4000) * interval '1 day')
        from ${A}, generate_series(${from}, ${to}) g, lateral (select ${pick('g', 21, 'cardinality(w.fe)')} f, ${pick('g', 22, 'cardinality(w.le)')} l) n`,
      );
      await exec(
        db,
        `insert into actor_profiles (id, actor_id, mode, origin_id) select g, g, 'normal', 'P-' || g from generate_series(${from}, ${to}) g`,
      );
      await exec(
        db,
        `insert into actor_profile_labels select g, w.lids[${pick('g', 10, nl)}] from ${A}, generate_series(${from}, ${to}) g where g % 2 = 0 on conflict do nothing`,
      );
      await exec(
        db,
        `insert into actor_groups select g, ${gA} from generate_series(${from}, ${to}) g where g % 20 = 0`,
      );
    });
    await exec(db, `select setval(pg_get_serial_sequence('actors', 'id'), ${Math.max(1, sizes.actors)})`);
    await exec(db, `select setval(pg_get_serial_sequence('actor_profiles', 'id'), ${Math.max(1, sizes.actors)})`);
  });

  await timed(`${sizes.incidents} incidents`, log, () => insertIncidents(db, sizes.incidents, v));

  await timed(`${sizes.relations} relations`, log, async () => {
    const B = sizes.bulletins;
    const share = (f: number) => Math.round(sizes.relations * f);
    await chunks(share(0.4), (from, to) =>
      exec(
        db,
        `insert into actor_bulletin_relations (actor_id, bulletin_id) select ${pick('g', 31, String(sizes.actors))}, ${pick('g', 32, String(B))} from generate_series(${from}, ${to}) g on conflict do nothing`,
      ),
    );
    await chunks(share(0.35), (from, to) =>
      exec(
        db,
        `insert into bulletin_relations (bulletin_id, related_bulletin_id) select l, l + 1 + abs(hashint4(g + 34)) % 1000 from generate_series(${from}, ${to}) g,
        lateral (select ${pick('g', 33, String(B))} l) x where l + 1 + abs(hashint4(g + 34)) % 1000 <= ${B} on conflict do nothing`,
      ),
    );
    await chunks(share(0.1), (from, to) =>
      exec(
        db,
        `insert into incident_bulletin_relations (incident_id, bulletin_id) select ${pick('g', 35, String(sizes.incidents))}, ${pick('g', 36, String(B))} from generate_series(${from}, ${to}) g on conflict do nothing`,
      ),
    );
    await chunks(share(0.1), (from, to) =>
      exec(
        db,
        `insert into incident_actor_relations (incident_id, actor_id) select ${pick('g', 37, String(sizes.incidents))}, ${pick('g', 38, String(sizes.actors))} from generate_series(${from}, ${to}) g on conflict do nothing`,
      ),
    );
    await chunks(share(0.05), (from, to) =>
      exec(
        db,
        `insert into actor_relations (actor_id, related_actor_id) select l, l + 1 + abs(hashint4(g + 40)) % 500 from generate_series(${from}, ${to}) g,
        lateral (select ${pick('g', 39, String(sizes.actors))} l) x where l + 1 + abs(hashint4(g + 40)) % 500 <= ${sizes.actors} on conflict do nothing`,
      ),
    );
  });
  await timed('indexes (text GIN, trigram, b-tree)', log, async () => {
    if (database.engine === 'postgres') await exec(db, `set maintenance_work_mem = '512MB'`);
    await restoreIndexes(db, log);
  });
  // VACUUM as autovacuum would have on a live database: it sets the visibility map that
  // index-only scans (newest-first pages) rely on.
  await timed('vacuum analyze', log, () => exec(db, 'vacuum analyze'));
  log(`  generation total: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
