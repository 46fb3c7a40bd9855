import { sql, type SQL } from 'drizzle-orm';
import type { Filter } from './search.context.js';
import { expand } from './search.context.js';
import { col, inIds, probe } from './search.kinds.js';
import type { DateRange } from './search.schemas.js';

/** Start of a calendar day in UTC, as an ISO timestamp; works for any year, before 1970 too. */
export function dayStart(day: string, plusDays = 0): string {
  const m = /^(-?\d{4,6})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new Error(`not a day: ${day}`);
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays);
  d.setUTCHours(0, 0, 0, 0);
  return d.toISOString();
}

/** from ≤ column < day after `to`: whole days, inclusive. */
export function dayRange(column: SQL, range: DateRange): SQL {
  const parts: SQL[] = [];
  if (range.from) parts.push(sql`${column} >= ${dayStart(range.from)}::timestamptz`);
  if (range.to) parts.push(sql`${column} < ${dayStart(range.to, 1)}::timestamptz`);
  return parts.length ? sql`(${sql.join(parts, sql` and `)})` : sql`true`;
}

/**
 * Events: type, place (with descendants) and dates by overlap ([from, to] of the event meets the
 * asked days; an event with one date is a single day). With `sameEvent` every criterion must hold on
 * one event; otherwise each may be met by a different event of the record.
 */
export const eventFilters: Filter = (b, ctx) => {
  const ev = b.event;
  if (!ev) return [];
  const conds: SQL[] = [];
  if (ev.types?.length) conds.push(inIds(sql`e.event_type_id`, ev.types));
  if (ev.locations?.length) conds.push(inIds(sql`e.location_id`, expand(ctx.locations, ev.locations, true)));
  const dates: SQL[] = [];
  if (ev.from) dates.push(sql`coalesce(e.to_date, e.from_date) >= ${dayStart(ev.from)}::timestamptz`);
  if (ev.to) dates.push(sql`coalesce(e.from_date, e.to_date) < ${dayStart(ev.to, 1)}::timestamptz`);
  if (dates.length) conds.push(sql`(${sql.join(dates, sql` and `)})`);
  if (!conds.length) return [];
  const exists = (c: SQL[]) =>
    sql`exists (select 1 from events e where e.${sql.identifier(ctx.spec.owner)} = ${col(ctx.spec, 'id')} and ${sql.join(c, sql` and `)}${probe(ctx.spec)})`;
  return ev.sameEvent ? [exists(conds)] : conds.map((c) => exists([c]));
};
