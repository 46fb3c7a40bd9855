import { sql, type SQL } from 'drizzle-orm';
import { likeEscape } from '../../lib/normalize.js';
import { expand, type Filter } from './search.context.js';
import { col, inIds } from './search.kinds.js';

const NAME_FIELDS = [
  ['nickname', 'nickname'],
  ['firstName', 'first_name'],
  ['middleName', 'middle_name'],
  ['lastName', 'last_name'],
  ['fatherName', 'father_name'],
  ['motherName', 'mother_name'],
  ['occupation', 'occupation'],
  ['position', 'position'],
] as const;

const VALUE_FIELDS = [
  ['sex', 'sex'],
  ['age', 'age'],
  ['civilian', 'civilian'],
  ['type', 'type'],
  ['familyStatus', 'family_status'],
] as const;

/** Actor-only: name parts and occupation/position (EN or AR substring), ID numbers, origin place, enumerations. */
export const actorFilters: Filter = (b, ctx) => {
  const spec = ctx.spec;
  if (spec.kind !== 'actor') return [];
  const out: SQL[] = [];
  for (const [key, column] of NAME_FIELDS) {
    const v = b[key];
    if (!v) continue;
    const like = `%${likeEscape(v)}%`;
    out.push(sql`(${col(spec, column)} ilike ${like} or ${col(spec, `${column}_ar`)} ilike ${like})`);
  }
  for (const [key, column] of VALUE_FIELDS) {
    const v = b[key];
    if (v?.length)
      out.push(
        sql`${col(spec, column)} in (${sql.join(
          v.map((x) => sql`${x}`),
          sql`, `,
        )})`,
      );
  }
  if (b.idNumber && (b.idNumber.type || b.idNumber.number)) {
    const c: SQL[] = [sql`n.actor_id = ${col(spec, 'id')}`];
    if (b.idNumber.type) c.push(sql`n.type_id = ${b.idNumber.type}`);
    if (b.idNumber.number) c.push(sql`n.number = ${b.idNumber.number}`);
    out.push(sql`exists (select 1 from actor_id_numbers n where ${sql.join(c, sql` and `)})`);
  }
  if (b.originLocations?.length)
    out.push(inIds(col(spec, 'origin_place_id'), expand(ctx.locations, b.originLocations, true)));
  if (b.excludeOriginLocations?.length) {
    const ids = expand(ctx.locations, b.excludeOriginLocations, true);
    out.push(sql`(${col(spec, 'origin_place_id')} is null or not ${inIds(col(spec, 'origin_place_id'), ids)})`);
  }
  return out;
};
