import { sql, type SQL } from 'drizzle-orm';
import { likeEscape } from '../../lib/normalize.js';
import type { Filter } from './search.context.js';
import { dayRange } from './search.filters.dates.js';
import { col, idList, inIds, linkExists } from './search.kinds.js';

/** Workflow fields, ids, access groups. */
export const workflowFilters: Filter = (b, { spec }) => {
  const out: SQL[] = [];
  if (b.ids) out.push(inIds(col(spec, 'id'), b.ids));
  if (b.statuses?.length)
    out.push(
      sql`${col(spec, 'status')} in (${sql.join(
        b.statuses.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (b.assignedTo?.length) out.push(inIds(col(spec, 'assigned_to_id'), b.assignedTo));
  if (b.unassigned) out.push(sql`${col(spec, 'assigned_to_id')} is null`);
  if (b.reviewer?.length) out.push(inIds(col(spec, 'first_peer_reviewer_id'), b.reviewer));
  if (b.reviewAction) out.push(sql`${col(spec, 'review_action')} = ${b.reviewAction}`);
  if (b.accessGroups?.length) out.push(linkExists(spec, 'groups', (t) => inIds(t, b.accessGroups ?? [])));
  if (b.unrestricted) out.push(sql`not ${linkExists(spec, 'groups', () => sql`true`)}`);
  return out;
};

function tagCondition(column: SQL, tags: string[], exact: boolean, mode: 'any' | 'all'): SQL {
  const arr = sql`array[${sql.join(
    tags.map((t) => sql`${t}`),
    sql`, `,
  )}]::text[]`;
  if (exact) return mode === 'all' ? sql`${column} @> ${arr}` : sql`${column} && ${arr}`;
  const one = (t: string) => sql`exists (select 1 from unnest(${column}) tg where tg ilike ${`%${likeEscape(t)}%`})`;
  return sql`(${sql.join(tags.map(one), mode === 'all' ? sql` and ` : sql` or `)})`;
}

/** Tags (exact or contains, any/all), origin id, record dates; actors read origin ids and dates from profiles. */
export const documentFilters: Filter = (b, { spec }) => {
  const out: SQL[] = [];
  if (b.tags?.length) out.push(tagCondition(col(spec, 'tags'), b.tags, b.tagsExact ?? true, b.tagsMode ?? 'any'));
  if (b.excludeTags?.length)
    out.push(sql`not ${tagCondition(col(spec, 'tags'), b.excludeTags, b.excludeTagsExact ?? true, 'any')}`);
  const profile = (cond: SQL) =>
    sql`exists (select 1 from actor_profiles p where p.actor_id = ${col(spec, 'id')} and ${cond})`;
  if (b.originId) {
    const like = `%${likeEscape(b.originId)}%`;
    out.push(
      spec.kind === 'actor' ? profile(sql`p.origin_id ilike ${like}`) : sql`${col(spec, 'origin_id')} ilike ${like}`,
    );
  }
  for (const [key, column] of [
    ['publishDate', 'publish_date'],
    ['documentationDate', 'documentation_date'],
  ] as const) {
    const range = b[key];
    if (!range) continue;
    out.push(
      spec.kind === 'actor'
        ? profile(dayRange(sql`p.${sql.identifier(column)}`, range))
        : dayRange(col(spec, column), range),
    );
  }
  if (b.created) out.push(dayRange(col(spec, 'created_at'), b.created));
  if (b.updated) out.push(dayRange(col(spec, 'updated_at'), b.updated));
  return out;
};

const RELATION_TABLES: Record<string, { table: string; mine: string; theirs: string; self?: boolean }> = {
  'bulletin:bulletin': { table: 'bulletin_relations', mine: 'bulletin_id', theirs: 'related_bulletin_id', self: true },
  'actor:actor': { table: 'actor_relations', mine: 'actor_id', theirs: 'related_actor_id', self: true },
  'incident:incident': { table: 'incident_relations', mine: 'incident_id', theirs: 'related_incident_id', self: true },
  'actor:bulletin': { table: 'actor_bulletin_relations', mine: 'actor_id', theirs: 'bulletin_id' },
  'bulletin:actor': { table: 'actor_bulletin_relations', mine: 'bulletin_id', theirs: 'actor_id' },
  'incident:bulletin': { table: 'incident_bulletin_relations', mine: 'incident_id', theirs: 'bulletin_id' },
  'bulletin:incident': { table: 'incident_bulletin_relations', mine: 'bulletin_id', theirs: 'incident_id' },
  'incident:actor': { table: 'incident_actor_relations', mine: 'incident_id', theirs: 'actor_id' },
  'actor:incident': { table: 'incident_actor_relations', mine: 'actor_id', theirs: 'incident_id' },
};

/** Records related to record X; X itself must be visible to the viewer, or nothing matches. */
export const relationFilters: Filter = (b, ctx) => {
  const rel = b.relatedTo;
  if (!rel) return [];
  if (!ctx.visibleTargets.has(`${rel.kind}:${rel.id}`)) return [sql`false`];
  const r = RELATION_TABLES[`${ctx.spec.kind}:${rel.kind}`];
  if (!r) return [sql`false`];
  const id = col(ctx.spec, 'id');
  const t = sql.identifier(r.table);
  const one = (mine: string, theirs: string) =>
    sql`exists (select 1 from ${t} x where x.${sql.identifier(mine)} = ${id} and x.${sql.identifier(theirs)} = ${rel.id})`;
  return [r.self ? sql`(${one(r.mine, r.theirs)} or ${one(r.theirs, r.mine)})` : one(r.mine, r.theirs)];
};

export { idList };
