import { rows, sql } from '../src/db/client.js';
import type { TestContext } from './helpers.js';

/** Vocabulary ids that actor, incident and relation tests refer to (seeded terms plus a few inserted ones). */
export interface RecordFixtures {
  labelId: number;
  verifiedLabelId: number;
  bulletinOnlyLabelId: number;
  sourceId: number;
  locationId: number;
  eventTypeId: number;
  idNumberTypeId: number;
  ethnographyId: number;
  countryId: number;
  dialectId: number;
  potentialViolationId: number;
  claimedViolationId: number;
}

async function one(ctx: TestContext, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await rows<{ id: number }>(ctx.database.db, query);
  if (!row) throw new Error('fixture query returned no row');
  return Number(row.id);
}

const term = (ctx: TestContext, kind: string) =>
  one(ctx, sql`select id from vocab_terms where kind = ${kind} order by id limit 1`);

export async function recordFixtures(ctx: TestContext): Promise<RecordFixtures> {
  return {
    labelId: await one(
      ctx,
      sql`insert into labels (title, title_ar) values ('Enforced disappearance', 'إخفاء قسري') returning id`,
    ),
    verifiedLabelId: await one(
      ctx,
      sql`insert into labels (title, verified) values ('Verified disappearance', true) returning id`,
    ),
    bulletinOnlyLabelId: await one(
      ctx,
      sql`insert into labels (title, for_actor, for_incident) values ('Bulletin-only label', false, false) returning id`,
    ),
    sourceId: await one(
      ctx,
      sql`insert into sources (title, title_ar) values ('Field team', 'الفريق الميداني') returning id`,
    ),
    locationId: await one(
      ctx,
      sql`insert into locations (title, title_ar, full_name, full_name_ar, path) values ('Douma', 'دوما', 'Douma, Rif Dimashq, Syria', 'دوما، ريف دمشق، سوريا', '/1/') returning id`,
    ),
    eventTypeId: await one(ctx, sql`select id from event_types order by id limit 1`),
    idNumberTypeId: await term(ctx, 'id-number-types'),
    ethnographyId: await term(ctx, 'ethnographies'),
    countryId: await term(ctx, 'countries'),
    dialectId: await term(ctx, 'dialects'),
    potentialViolationId: await term(ctx, 'potential-violations'),
    claimedViolationId: await term(ctx, 'claimed-violations'),
  };
}

/** Id of the seeded relation type of `pair` with this title. */
export function relationTypeId(ctx: TestContext, pair: string, title: string): Promise<number> {
  return one(ctx, sql`select id from relation_types where pair = ${pair} and title = ${title}`);
}

/**
 * Row count of a table, for "a refused write leaves nothing behind". In `activity` only
 * successful actions count: DENIED rows for hidden-record reads are written asynchronously
 * by design (access.denied.ts) and may land during the measured window.
 */
export async function countRows(ctx: TestContext, table: string): Promise<number> {
  const where = table === 'activity' ? sql` where outcome = 'SUCCESS'` : sql``;
  const [row] = await rows<{ n: number }>(
    ctx.database.db,
    sql`select count(*)::int as n from ${sql.identifier(table)}${where}`,
  );
  return Number(row?.n ?? 0);
}
