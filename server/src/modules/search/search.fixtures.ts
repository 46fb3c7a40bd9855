import { rows, sql } from '../../db/client.js';
import type { TestContext } from '../../../test/helpers.js';

/** Test helpers for search tests: a small location tree with coordinates, label and source trees. */
async function one(ctx: TestContext, q: ReturnType<typeof sql>): Promise<number> {
  const [r] = await rows<{ id: number }>(ctx.database.db, q);
  if (!r) throw new Error('no row');
  return Number(r.id);
}

export async function insertLocation(
  ctx: TestContext,
  title: string,
  titleAr: string,
  parent: number | null,
  lat: number | null,
  lng: number | null,
): Promise<number> {
  const id = await one(
    ctx,
    sql`insert into locations (title, title_ar, parent_id, lat, lng, full_name, full_name_ar) values (${title}, ${titleAr}, ${parent}, ${lat}, ${lng}, ${title}, ${titleAr}) returning id`,
  );
  await ctx.database.db.execute(
    sql`update locations set path = coalesce((select p.path from locations p where p.id = ${parent}), '/') || id || '/' where id = ${id}`,
  );
  return id;
}

export function insertLabel(ctx: TestContext, title: string, parent: number | null, verified = false): Promise<number> {
  return one(
    ctx,
    sql`insert into labels (title, parent_id, verified) values (${title}, ${parent}, ${verified}) returning id`,
  );
}

export function insertSource(ctx: TestContext, title: string, parent: number | null): Promise<number> {
  return one(ctx, sql`insert into sources (title, parent_id) values (${title}, ${parent}) returning id`);
}

export async function eventTypeIds(ctx: TestContext): Promise<[number, number]> {
  const found = await rows<{ id: number }>(ctx.database.db, sql`select id from event_types order by id limit 2`);
  return [Number(found[0]?.id), Number(found[1]?.id)];
}
