import { sql, type SQL } from 'drizzle-orm';
import type { Ctx, Filter } from './search.context.js';
import { actorFilters } from './search.filters.actor.js';
import { eventFilters } from './search.filters.dates.js';
import { geoFilters } from './search.filters.geo.js';
import { documentFilters, relationFilters, workflowFilters } from './search.filters.record.js';
import { labelFilters, locationFilters, termFilters } from './search.filters.vocab.js';
import type { Block } from './search.schemas.js';
import { excludeTextCondition, phraseTerm, textCondition, textTerms, type Term } from './search.text.js';

const FILTERS: Filter[] = [
  workflowFilters,
  documentFilters,
  labelFilters,
  locationFilters,
  termFilters,
  eventFilters,
  geoFilters,
  relationFilters,
  actorFilters,
];

/** Positive text terms of a block (words and phrases), used for matching and ranking. */
export function blockTerms(b: Block): Term[] {
  return [...textTerms(b.text), ...phraseTerm(b.phrase)];
}

/** One block → one SQL boolean: every given filter must hold. */
export function compileBlock(b: Block, ctx: Ctx, fuzzy: boolean): SQL {
  const parts: SQL[] = [];
  const terms = blockTerms(b);
  if (terms.length) parts.push(textCondition(ctx.spec, terms, fuzzy));
  if (b.excludeText) parts.push(excludeTextCondition(ctx.spec, b.excludeText));
  for (const f of FILTERS) parts.push(...f(b, ctx));
  return parts.length ? sql`(${sql.join(parts, sql` and `)})` : sql`true`;
}

/**
 * Blocks fold left to right by each later block's `op` (default `and`):
 * [B1, {op:"or",…B2}, {op:"and",…B3}] → ((B1 or B2) and B3). Every block is kept.
 */
export function compileBlocks(blocks: Block[], ctx: Ctx, fuzzy: boolean): SQL {
  let acc: SQL | null = null;
  for (const b of blocks) {
    const c = compileBlock(b, ctx, fuzzy);
    acc = acc === null ? c : b.op === 'or' ? sql`(${acc} or ${c})` : sql`(${acc} and ${c})`;
  }
  return acc ?? sql`true`;
}
