/**
 * Search benchmark (issue 6). Not part of `npm test`. Usage:
 *   npm run bench -w bench -- [--scale 1] [--pg postgres://postgres@127.0.0.1:5432/dalil_bench]
 *                              [--pglite ./data/bench-pglite] [--pglite-bulletins 100000] [--iterations 15] [--skip-pg]
 *                              [--generate-only] [--explain plans.txt]
 * Generates the data once (a database that already holds bulletins is reused), then runs 20 fixed
 * searches and prints p50/p95 through the API, as raw SQL, and written Bayanat's way.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../server/src/app.js';
import { loadConfig, type Config } from '../../server/src/config.js';
import { openPglite, openPostgres, rows, type Database } from '../../server/src/db/client.js';
import {
  BROAD_MIN_ROWS,
  estimate,
  searchQueries,
  tableRowsSql,
} from '../../server/src/modules/search/search.engine.js';
import { presentSql } from '../../server/src/modules/search/search.present.js';
import { KINDS, col } from '../../server/src/modules/search/search.kinds.js';
import type { Block, SearchKind } from '../../server/src/modules/search/search.schemas.js';
import { actingUserById } from '../../server/src/modules/workflow/workflow.users.js';
import { likeEscape, normalizeText } from '../../server/src/lib/normalize.js';
import { BENCH_PASSWORD, generate, scaled, type Sizes } from './generate.js';

const args = process.argv.slice(2);
const arg = (name: string, def?: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const ITER = Number(arg('iterations', '15'));
const generateOnly = args.includes('--generate-only');

/** The server's own configuration, read from a fixed environment: no field can be forgotten. */
function config(): Config {
  const c = loadConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'dalil-bench-')),
    LOG_LEVEL: 'silent',
    WEB_DIST: join(tmpdir(), 'dalil-no-web'),
    // Thousands of timed searches from three users must not trip the per-user limits.
    RATE_LIMIT_SCALE: '100000',
    SESSION_IDLE_MINUTES: '600',
  });
  return { ...c, lockout: { ...c.lockout, threshold: 50, ipThreshold: 500 } };
}

interface Case {
  name: string;
  kind: SearchKind;
  user: 'admin' | 'da' | 'member';
  blocks: Block[];
  /** Words for the Bayanat-style query (ILIKE '%w%' per word); none = not a text search. */
  bayanat?: string[];
  multiWord?: boolean;
}

async function one<T>(db: Database['db'], q: ReturnType<typeof sql>): Promise<T> {
  return (await rows<T>(db, q))[0] as T;
}

async function cases(db: Database['db']): Promise<Case[]> {
  const label = await one<{ id: number; parent: number | null }>(
    db,
    sql`select l.id, l.parent_id as parent from bulletin_labels bl join labels l on l.id = bl.label_id group by l.id order by count(*) desc limit 1`,
  );
  const parentLabel = await one<{ id: number }>(
    db,
    sql`select parent_id as id from labels where parent_id is not null group by parent_id order by count(*) desc limit 1`,
  );
  const town = await one<{ id: number; lat: number; lng: number; title: string; parent: number | null }>(
    db,
    sql`select l.id, l.lat, l.lng, l.title, l.parent_id as parent from bulletin_locations bl join locations l on l.id = bl.location_id where l.lat is not null group by l.id order by count(*) desc limit 1`,
  );
  const gov = { id: town.parent ?? town.id };
  // Places an investigator would name in a text search: one-word names in the middle of the
  // frequency table (each in a fraction of a percent of the records), not the most common town.
  const named = await rows<{ title: string; title_ar: string }>(
    db,
    sql`select trim(l.title) as title, trim(l.title_ar) as title_ar from bulletin_locations bl join locations l on l.id = bl.location_id
        where trim(l.title) ~ '^[A-Za-z]+$' and trim(l.title_ar) !~ '[[:space:]]' and l.title_ar <> ''
        group by l.id order by count(*) desc, l.id offset 20 limit 2`,
  );
  const [placeA, placeB] = named;
  if (!placeA || !placeB) throw new Error('no named places in the data');
  const et = await one<{ id: number }>(
    db,
    sql`select event_type_id as id from events where event_type_id is not null group by 1 order by count(*) desc limit 1`,
  );
  return [
    {
      name: 'single word (common)',
      kind: 'bulletin',
      user: 'admin',
      blocks: [{ text: 'shelling' }],
      bayanat: ['shelling'],
    },
    { name: 'single word (rare)', kind: 'bulletin', user: 'admin', blocks: [{ text: 'sarin' }], bayanat: ['sarin'] },
    {
      name: 'three words (with a place)',
      kind: 'bulletin',
      user: 'admin',
      blocks: [{ text: `hospital airstrike ${placeA.title}` }],
      bayanat: ['hospital', 'airstrike', normalizeText(placeA.title)],
      multiWord: true,
    },
    {
      name: 'two common words',
      kind: 'bulletin',
      user: 'admin',
      blocks: [{ text: 'checkpoint detained' }],
      bayanat: ['checkpoint', 'detained'],
      multiWord: true,
    },
    {
      name: 'Arabic word',
      kind: 'bulletin',
      user: 'admin',
      blocks: [{ text: 'مستشفى' }],
      bayanat: [normalizeText('مستشفى')],
    },
    {
      name: 'Arabic three words (with a place)',
      kind: 'bulletin',
      user: 'admin',
      blocks: [{ text: `قصف سوق ${placeA.title_ar}` }],
      bayanat: normalizeText(`قصف سوق ${placeA.title_ar}`).split(' '),
      multiWord: true,
    },
    {
      name: 'phrase',
      kind: 'bulletin',
      user: 'admin',
      blocks: [{ text: '"shelling airstrike"' }],
      bayanat: ['shelling airstrike'],
    },
    { name: 'prefix (partial word)', kind: 'bulletin', user: 'admin', blocks: [{ text: 'shell' }], bayanat: ['shell'] },
    {
      name: 'word + exclusion',
      kind: 'bulletin',
      user: 'admin',
      blocks: [{ text: 'airstrike', excludeText: 'school' }],
    },
    {
      name: 'label (+children)',
      kind: 'bulletin',
      user: 'admin',
      blocks: [{ labels: [parentLabel.id], includeChildLabels: true }],
    },
    {
      name: 'label + location + date',
      kind: 'bulletin',
      user: 'admin',
      blocks: [{ labels: [label.id], locations: [gov.id], publishDate: { from: '2015-01-01', to: '2016-12-31' } }],
    },
    {
      name: 'three blocks',
      kind: 'bulletin',
      user: 'admin',
      blocks: [{ text: 'shelling' }, { op: 'or', text: 'airstrike' }, { op: 'and', locations: [gov.id] }],
    },
    {
      name: `geo 10 km (${town.title.trim()})`,
      kind: 'bulletin',
      user: 'admin',
      blocks: [{ near: { lat: town.lat, lng: town.lng, radiusM: 10_000 } }],
    },
    {
      name: 'event type + dates',
      kind: 'bulletin',
      user: 'admin',
      blocks: [{ event: { types: [et.id], from: '2014-01-01', to: '2014-03-31' } }],
    },
    {
      name: 'restricted user, word',
      kind: 'bulletin',
      user: 'da',
      blocks: [{ text: 'hospital' }],
      bayanat: ['hospital'],
    },
    {
      name: 'restricted user, 3 words (with a place)',
      kind: 'bulletin',
      user: 'da',
      blocks: [{ text: `civilians killed ${placeB.title}` }],
      bayanat: ['civilians', 'killed', normalizeText(placeB.title)],
      multiWord: true,
    },
    {
      name: 'group member, 2 words',
      kind: 'bulletin',
      user: 'member',
      blocks: [{ text: 'mass grave' }],
      bayanat: ['mass', 'grave'],
      multiWord: true,
    },
    { name: 'newest first, no filter', kind: 'bulletin', user: 'da', blocks: [] },
    {
      name: 'actors: name EN+AR',
      kind: 'actor',
      user: 'admin',
      blocks: [{ text: 'omar حداد' }],
      bayanat: ['omar', normalizeText('حداد')],
      multiWord: true,
    },
    {
      name: 'incidents: two words',
      kind: 'incident',
      user: 'admin',
      blocks: [{ text: 'chemical attack' }],
      bayanat: ['chemical', 'attack'],
      multiWord: true,
    },
  ];
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

async function time(f: () => Promise<unknown>): Promise<number[]> {
  await f(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < ITER; i++) {
    const t = performance.now();
    await f();
    out.push(performance.now() - t);
  }
  return out;
}

async function login(app: Awaited<ReturnType<typeof buildApp>>, username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: BENCH_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const raw = res.headers['set-cookie'];
  const cookie = ((Array.isArray(raw) ? raw[0] : raw) ?? '').split(';')[0] ?? '';
  const body = res.json<{ csrfToken: string; user: { id: number } }>();
  return { cookie, csrf: body.csrfToken, id: body.user.id };
}

/** EXPLAIN (ANALYZE, BUFFERS) of each search's page query, as the API would run it, into a file. */
async function explainCases(database: Database, file: string): Promise<void> {
  const db = database.db;
  const ids: Record<Case['user'], number> = { admin: 0, da: 0, member: 0 };
  for (const [k, name] of [
    ['admin', 'benchadmin'],
    ['da', 'benchda'],
    ['member', 'benchmember'],
  ] as const)
    ids[k] = Number((await one<{ id: number }>(db, sql`select id from users where username = ${name}`)).id);
  const out: string[] = [];
  let n = 0;
  for (const c of await cases(db)) {
    n++;
    const actor = await actingUserById(db, ids[c.user]);
    if (!actor) throw new Error('no actor');
    const q = await searchQueries(db, actor, c.kind, { blocks: c.blocks, limit: 30, count: 'estimate' }, false);
    await rows(db, q.page); // warm
    const plan = await rows<{ 'QUERY PLAN': string }>(db, sql`explain (analyze, buffers) ${q.page}`);
    const text = plan.map((r) => r['QUERY PLAN']);
    const exec = text.find((l) => l.startsWith('Execution Time')) ?? '';
    console.log(`${n}. ${c.name}: ${exec} (ranked: ${q.ranked}, estimated: ${q.estimated ?? '—'})`);
    out.push(`## ${n}. ${c.name} (ranked: ${q.ranked}, estimated: ${q.estimated ?? '—'})`, ...text, '');
  }
  writeFileSync(file, out.join('\n'));
}

async function runCases(database: Database, label: string): Promise<string> {
  const db = database.db;
  const app = await buildApp({ config: config(), database, logger: false });
  await app.ready();
  const users = {
    admin: await login(app, 'benchadmin'),
    da: await login(app, 'benchda'),
    member: await login(app, 'benchmember'),
  };
  const lines: string[] = [
    `### ${label}`,
    '',
    '| # | search | results (≈) | API p50 / p95 ms | raw SQL p50 / p95 ms | API ÷ raw (p50) | Bayanat-style p50 / p95 ms | Bayanat ÷ API (p50) |',
    '|---|---|---|---|---|---|---|---|',
  ];
  let n = 0;
  const apiP95: number[] = [];
  for (const c of await cases(db)) {
    n++;
    const u = users[c.user];
    const body = { blocks: c.blocks, limit: 30, count: 'estimate' as const };
    let total: unknown = null;
    const api = await time(async () => {
      const res = await app.inject({
        method: 'POST',
        url: `/api/${c.kind}s/search`,
        headers: { cookie: u.cookie, 'x-csrf-token': u.csrf },
        payload: body,
      });
      if (res.statusCode !== 200) throw new Error(`${c.name}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      total = res.json<{ total: number }>().total;
    });
    const actor = await actingUserById(db, u.id);
    if (!actor) throw new Error('no actor');
    // "Raw SQL" = the very statements the API sends for this search, prepared beforehand and sent
    // back to back on the same pool: the planner's estimate, the table size when the search may be
    // broad, the page, and the one statement that reads the page's rows. API ÷ raw is then what
    // HTTP, the session, the rate limit and JSON add to the database's own work.
    // When nothing matches exactly the API searches again with partial words (fuzzy): so does this.
    const exact = await searchQueries(db, actor, c.kind, { ...body }, false);
    const runs = [exact];
    if (c.bayanat && !(await rows(db, exact.page)).length)
      runs.push(await searchQueries(db, actor, c.kind, { ...body }, true));
    const last = runs[runs.length - 1] as typeof exact;
    const pageIds = (await rows<{ id: number }>(db, last.page)).slice(0, 30).map((r) => Number(r.id));
    const raw = await time(async () => {
      for (const q of runs) {
        if (q.estimated !== null) await estimate(db, q.estimate);
        if (!q.ranked && q.estimated !== null && q.estimated >= BROAD_MIN_ROWS)
          await rows(db, tableRowsSql(KINDS[c.kind]));
        const found = await rows(db, q.page);
        if (q.estimated === null && found.length > 30) await estimate(db, q.estimate);
      }
      if (pageIds.length) await rows(db, presentSql(c.kind, pageIds));
    });
    let bay: number[] | null = null;
    if (c.bayanat) {
      const spec = KINDS[c.kind];
      const likes = sql.join(
        c.bayanat.map((w) => sql`${col(spec, 'search_text')} ilike ${`%${likeEscape(w)}%`}`),
        sql` and `,
      );
      const bq = sql`select ${col(spec, 'id')} from ${sql.identifier(spec.table)} where not ${col(spec, 'deleted')} and ${spec.visible(actor)} and ${likes} order by ${col(spec, 'id')} desc limit 31`;
      bay = await time(() => rows(db, bq));
    }
    const f = (x: number) => x.toFixed(1);
    apiP95.push(pct(api, 95));
    lines.push(
      `| ${n} | ${c.name}${c.multiWord ? ' ★' : ''} | ${total ?? '—'} | ${f(pct(api, 50))} / ${f(pct(api, 95))} | ${f(pct(raw, 50))} / ${f(pct(raw, 95))} | ${(pct(api, 50) / pct(raw, 50)).toFixed(2)} | ${
        bay ? `${f(pct(bay, 50))} / ${f(pct(bay, 95))}` : '—'
      } | ${bay ? (pct(bay, 50) / pct(api, 50)).toFixed(1) : '—'} |`,
    );
    console.log(lines[lines.length - 1]);
  }
  lines.push(
    '',
    `Worst API p95: ${Math.max(...apiP95).toFixed(1)} ms. ★ = multi-word search. ${ITER} timed runs after one warm-up; count=estimate.`,
    '',
  );
  await app.close();
  return lines.join('\n');
}

async function ensureDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = '/postgres';
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  const found = await c.query('select 1 from pg_database where datname = $1', [name]);
  if (!found.rowCount) await c.query(`create database ${name}`);
  await c.end();
}

async function main(): Promise<void> {
  const out: string[] = [];
  if (!args.includes('--skip-pg')) {
    const scale = Number(arg('scale', '1'));
    const url = arg('pg', 'postgres://postgres@127.0.0.1:5432/dalil_bench') as string;
    await ensureDatabase(url);
    const database = openPostgres(url);
    const sizes: Sizes = scaled(scale);
    console.log(`PostgreSQL at scale ${scale}:`, sizes);
    await generate(database, sizes);
    const explainFile = arg('explain');
    if (explainFile) await explainCases(database, explainFile);
    else if (!generateOnly) {
      const counts = await one<Record<string, number>>(
        database.db,
        sql`select (select count(*) from bulletins)::int b, (select count(*) from actors)::int a, (select count(*) from incidents)::int i,
        ((select count(*) from actor_bulletin_relations) + (select count(*) from bulletin_relations) + (select count(*) from incident_bulletin_relations)
          + (select count(*) from incident_actor_relations) + (select count(*) from actor_relations))::int r`,
      );
      out.push(
        await runCases(
          database,
          `PostgreSQL 15 — ${counts.b} bulletins, ${counts.a} actors, ${counts.i} incidents, ${counts.r} relations`,
        ),
      );
    }
    await database.close();
  }
  const pgliteDir = arg('pglite');
  if (pgliteDir) {
    const database = await openPglite(pgliteDir);
    const b = Number(arg('pglite-bulletins', '100000'));
    const sizes: Sizes = {
      bulletins: b,
      actors: Math.round(b * 0.3),
      incidents: Math.round(b * 0.05),
      relations: b * 3,
    };
    console.log('PGlite:', sizes);
    await generate(database, sizes);
    if (!generateOnly) out.push(await runCases(database, `PGlite — ${b} bulletins`));
    await database.close();
  }
  console.log(`\n${out.join('\n')}`);
}

await main();
