import { eq, sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../../db/client.js';
import { settings } from '../../db/schema/index.js';
import type { ActingUser } from '../../http/actingUser.js';
import { Invalid } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { blockTerms, compileBlocks } from './search.compile.js';
import { resolveContext, type Ctx } from './search.context.js';
import { col, KINDS, type KindSpec } from './search.kinds.js';
import type { Block, SearchKind, SearchRequest } from './search.schemas.js';
import { rankExpression } from './search.text.js';

export interface SearchPage {
  ids: number[];
  nextCursor: string | null;
  total: number | null;
  totalIsEstimate?: boolean;
  /** The words matched only approximately (no exact match existed). */
  fuzzy?: boolean;
  /** With text: "relevance", or "newest" when too many records match to rank them all. */
  order?: 'relevance' | 'newest';
}

/** Thrown when the interactive statement timeout ends a search; the route queues it instead. */
export class SearchTimedOut extends Error {
  constructor() {
    super('search timed out');
  }
}

export const SEARCH_SETTINGS_KEY = 'search';
export const DEFAULT_SEARCH_TIMEOUT_MS = 5000;

/** How long a process trusts its cached copy (another process, e.g. the CLI, may change it). */
const SETTINGS_TTL_MS = 30_000;
const timeoutCache = new WeakMap<Db, { value: number; at: number }>();

/**
 * Interactive statement timeout (settings key `search`, `{"timeoutMs": 5000}`); 0 disables it and
 * -1 sends every advanced search to the background queue. PGlite ignores statement_timeout, so
 * there only -1 moves searches to the background. Read once per process (per database) and kept
 * for 30 s, so a search does not pay a settings query; `saveSearchTimeoutMs` refreshes it at once.
 */
export async function searchTimeoutMs(db: Db): Promise<number> {
  const cached = timeoutCache.get(db);
  if (cached && Date.now() - cached.at < SETTINGS_TTL_MS) return cached.value;
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, SEARCH_SETTINGS_KEY))
    .limit(1);
  const v = (row?.value as { timeoutMs?: unknown } | undefined)?.timeoutMs;
  const value = typeof v === 'number' && Number.isInteger(v) && v >= -1 ? v : DEFAULT_SEARCH_TIMEOUT_MS;
  timeoutCache.set(db, { value, at: Date.now() });
  return value;
}

/** Stores the search timeout (null = back to the default) and drops this process's cached copy. */
export async function saveSearchTimeoutMs(db: Db, timeoutMs: number | null): Promise<void> {
  if (timeoutMs === null) await db.delete(settings).where(eq(settings.key, SEARCH_SETTINGS_KEY));
  else
    await db
      .insert(settings)
      .values({ key: SEARCH_SETTINGS_KEY, value: { timeoutMs } })
      .onConflictDoUpdate({ target: settings.key, set: { value: { timeoutMs }, updatedAt: sql`now()` } });
  timeoutCache.delete(db);
}

interface SearchCursor extends Record<string, unknown> {
  id: number;
  r?: number;
  f?: 1;
  /** The first page was a broad search (sub-queries probed per record). */
  b?: 1;
}
const isSearchCursor = (v: unknown): v is SearchCursor =>
  typeof v === 'object' &&
  v !== null &&
  Number.isInteger((v as { id?: unknown }).id) &&
  ((v as { r?: unknown }).r === undefined || typeof (v as { r?: unknown }).r === 'number');

async function visibleTargets(db: Db, actor: ActingUser, blocks: Block[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const b of blocks) {
    if (!b.relatedTo) continue;
    const t = KINDS[b.relatedTo.kind];
    const found = await rows<{ ok: number }>(
      db,
      sql`select 1 as ok from ${sql.identifier(t.table)} where ${col(t, 'id')} = ${b.relatedTo.id} and not ${col(t, 'deleted')} and ${t.visible(actor)}`,
    );
    if (found.length) out.add(`${b.relatedTo.kind}:${b.relatedTo.id}`);
  }
  return out;
}

function isTimeout(e: unknown): boolean {
  for (let x: unknown = e; x; x = (x as { cause?: unknown }).cause) {
    if ((x as { code?: unknown }).code === '57014') return true;
  }
  return false;
}

/** The full condition of a search: not deleted, visible to the actor, and the folded blocks. */
function conditionOf(ctx: Ctx, blocks: Block[], fuzzy: boolean): SQL {
  const spec = ctx.spec;
  return sql`not ${col(spec, 'deleted')} and ${spec.visible(ctx.actor)} and ${compileBlocks(blocks, ctx, fuzzy)}`;
}

export async function searchCondition(
  db: Db,
  actor: ActingUser,
  spec: KindSpec,
  blocks: Block[],
  fuzzy: boolean,
): Promise<SQL> {
  return conditionOf(
    await resolveContext(db, actor, spec, blocks, await visibleTargets(db, actor, blocks)),
    blocks,
    fuzzy,
  );
}

/**
 * A search is broad when the planner expects at least this share of the table to match: then the
 * newest-first page finds its 30 rows within the first few hundred records, and per-record probes
 * (`probe` in search.kinds.ts) beat collecting every matching id first. Below `BROAD_MIN_ROWS`
 * expected matches the table size is not even read.
 */
export const BROAD_SHARE = 0.02;
export const BROAD_MIN_ROWS = 5000;

/** The planner's row count of the kind's table (read only when a search may be broad). */
export const tableRowsSql = (spec: KindSpec): SQL =>
  sql`select greatest(reltuples, 0)::float8 as n from pg_class where oid = ${spec.table}::regclass`;

async function tableRows(db: Db, spec: KindSpec): Promise<number> {
  const [r] = await rows<{ n: number }>(db, tableRowsSql(spec));
  return Number(r?.n ?? 0);
}

export async function estimate(db: Db, query: SQL): Promise<number> {
  const plan = await rows<Record<string, unknown>>(db, query);
  const first = plan[0] ? Object.values(plan[0])[0] : null;
  const parsed = (typeof first === 'string' ? JSON.parse(first) : first) as
    { Plan?: { 'Plan Rows'?: number } }[] | null;
  return Math.round(parsed?.[0]?.Plan?.['Plan Rows'] ?? 0);
}

/**
 * Relevance ordering ranks every match (ts_rank reads each matching vector), so it is used when
 * the planner expects at most this many matches; broader searches come newest first (the response
 * says `order: "newest"`), which stays fast at a million records. Refining the search ranks again.
 */
export const RANK_LIMIT = 2000;

/** The SQL of one search page and its count (the benchmark runs these directly as "raw SQL"). */
export async function searchQueries(db: Db, actor: ActingUser, kind: SearchKind, req: SearchRequest, fuzzy: boolean) {
  const spec = KINDS[kind];
  const after = decodeCursor(req.cursor, isSearchCursor);
  const terms = req.blocks.flatMap(blockTerms);
  const ctx = await resolveContext(db, actor, spec, req.blocks, await visibleTargets(db, actor, req.blocks));
  const where = conditionOf(ctx, req.blocks, fuzzy);
  const estimateSql = sql`explain (format json) select 1 from ${sql.identifier(spec.table)} where ${where}`;
  let estimated: number | null = null;
  let ranked = terms.length > 0;
  let broad = after?.b === 1;
  if (ranked && after) ranked = after.r !== undefined;
  if (!after && req.blocks.length) {
    // The planner's estimate decides the order (rank only a few thousand matches) and the plan shape.
    estimated = await estimate(db, estimateSql);
    ranked = ranked && estimated <= RANK_LIMIT;
    broad = !ranked && estimated >= BROAD_MIN_ROWS && estimated >= BROAD_SHARE * (await tableRows(db, spec));
  }
  const pageWhere = broad ? conditionOf({ ...ctx, spec: { ...spec, probe: true } }, req.blocks, fuzzy) : where;
  const id = col(spec, 'id');
  const rank = ranked ? rankExpression(spec, terms, fuzzy) : sql`0::real`;
  let keyset = sql`true`;
  if (after)
    keyset =
      ranked && after.r !== undefined
        ? sql`(${rank}, ${id}) < (${after.r}::real, ${after.id})`
        : sql`${id} < ${after.id}`;
  const order = ranked ? sql`${rank} desc, ${id} desc` : sql`${id} desc`;
  return {
    where,
    ranked,
    broad,
    estimated,
    page: sql`select ${id} as id, ${rank} as rank from ${sql.identifier(spec.table)} where ${pageWhere} and ${keyset} order by ${order} limit ${req.limit + 1}`,
    count: sql`select count(*)::int as n from ${sql.identifier(spec.table)} where ${where}`,
    estimate: estimateSql,
  };
}

/**
 * Runs an advanced search and returns one page of ids. Ordered by relevance (ts_rank) when the
 * request has text, else newest first; keyset cursors carry (rank, id) or id. Restricted
 * records never match: the kind's visibility predicate is part of the single WHERE clause.
 */
export async function searchIds(
  db: Db,
  actor: ActingUser,
  kind: SearchKind,
  req: SearchRequest,
  opts: { timeoutMs?: number } = {},
): Promise<SearchPage> {
  const after = decodeCursor(req.cursor, isSearchCursor);
  if (req.cursor && !after) throw new Invalid({ cursor: 'not a cursor this server issued' });
  const hasText = req.blocks.flatMap(blockTerms).length > 0;
  if (opts.timeoutMs === -1) throw new SearchTimedOut();

  const run = async (tx: Db, fuzzy: boolean): Promise<SearchPage> => {
    const q = await searchQueries(tx, actor, kind, req, fuzzy);
    const found = await rows<{ id: number; rank: number }>(tx, q.page);
    const page = found.slice(0, req.limit);
    const last = page[page.length - 1];
    const nextCursor =
      found.length > req.limit && last
        ? encodeCursor({
            id: Number(last.id),
            ...(q.ranked ? { r: Number(last.rank) } : {}),
            ...(fuzzy ? { f: 1 } : {}),
            ...(q.broad ? { b: 1 } : {}),
          })
        : null;
    let total: number | null = null;
    let totalIsEstimate: boolean | undefined;
    if (!after && found.length <= req.limit && req.count !== 'none') total = found.length;
    // Partial-word matches are approximate by nature, and counting them exactly means testing
    // trigram similarity on every row (seconds on a large table): their total is an estimate.
    else if (req.count === 'exact' && !fuzzy) {
      const [c] = await rows<{ n: number }>(tx, q.count);
      total = Number(c?.n ?? 0);
    } else if (req.count !== 'none') {
      total = Math.max(q.estimated ?? (await estimate(tx, q.estimate)), found.length);
      totalIsEstimate = true;
    }
    return {
      ids: page.map((r) => Number(r.id)),
      nextCursor,
      total,
      ...(totalIsEstimate ? { totalIsEstimate } : {}),
      ...(fuzzy ? { fuzzy } : {}),
      ...(hasText ? { order: q.ranked ? ('relevance' as const) : ('newest' as const) } : {}),
    };
  };

  const attempt = async (tx: Db): Promise<SearchPage> => {
    if (after) return run(tx, after.f === 1);
    const exact = await run(tx, false);
    // Nothing matched exactly: retry with partial words and misspellings (trigram).
    if (hasText && exact.ids.length === 0) return run(tx, true);
    return exact;
  };

  const timeout = opts.timeoutMs ?? 0;
  try {
    // A Db from withStatementTimeout cancels statements by itself; its timeout surfaces here too.
    if (timeout <= 0) return await attempt(db);
    return await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local statement_timeout = ${Math.floor(timeout)}`));
      return attempt(tx as unknown as Db);
    });
  } catch (e) {
    if (isTimeout(e)) throw new SearchTimedOut();
    throw e;
  }
}

/** Ids (in the given order) that are still visible to the actor and not deleted. */
export async function stillVisible(db: Db, actor: ActingUser, kind: SearchKind, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const spec = KINDS[kind];
  const set = new Set<number>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const found = await rows<{ id: number }>(
      db,
      sql`select ${col(spec, 'id')} as id from ${sql.identifier(spec.table)}
        where ${col(spec, 'id')} in (${sql.join(
          chunk.map((x) => sql`${x}`),
          sql`, `,
        )}) and not ${col(spec, 'deleted')} and ${spec.visible(actor)}`,
    );
    for (const r of found) set.add(Number(r.id));
  }
  return ids.filter((x) => set.has(x));
}
