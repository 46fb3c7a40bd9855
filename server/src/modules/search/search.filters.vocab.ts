import { sql, type SQL } from 'drizzle-orm';
import { expand, type Ctx, type Filter } from './search.context.js';
import { col, inIds, linkExists, probe, type Link } from './search.kinds.js';

/** any: linked to one of them; all: linked to each (each with its subtree when asked). */
export function linkMode(ctx: Ctx, link: Link, groups: number[][], mode: 'any' | 'all' | undefined): SQL {
  if (mode === 'all')
    return sql.join(
      groups.map((g) => linkExists(ctx.spec, link, (t) => inIds(t, g))),
      sql` and `,
    );
  const flat = [...new Set(groups.flat())];
  return linkExists(ctx.spec, link, (t) => inIds(t, flat));
}

function treeFilter(
  ctx: Ctx,
  link: Link,
  tree: Map<number, number[]>,
  ids: number[] | undefined,
  mode: 'any' | 'all' | undefined,
  children: boolean,
  exclude: number[] | undefined,
): SQL[] {
  const out: SQL[] = [];
  if (ids?.length)
    out.push(
      linkMode(
        ctx,
        link,
        ids.map((r) => expand(tree, [r], children)),
        mode,
      ),
    );
  if (exclude?.length)
    out.push(sql`not ${linkExists(ctx.spec, link, (t) => inIds(t, expand(tree, exclude, children)))}`);
  return out;
}

export const labelFilters: Filter = (b, ctx) => [
  ...treeFilter(ctx, 'labels', ctx.labels, b.labels, b.labelsMode, b.includeChildLabels ?? false, b.excludeLabels),
  ...treeFilter(
    ctx,
    'verifiedLabels',
    ctx.labels,
    b.verifiedLabels,
    b.verifiedLabelsMode,
    b.includeChildVerifiedLabels ?? false,
    b.excludeVerifiedLabels,
  ),
  ...treeFilter(
    ctx,
    'sources',
    ctx.sources,
    b.sources,
    b.sourcesMode,
    b.includeChildSources ?? false,
    b.excludeSources,
  ),
];

/**
 * Places of a record, descendants always included: bulletins and incidents by their location
 * links, actors by origin place; events' places count for every kind.
 */
export function placeCondition(ctx: Ctx, ids: number[]): SQL {
  const spec = ctx.spec;
  const own =
    spec.kind === 'actor'
      ? ids.length
        ? sql`${col(spec, 'origin_place_id')} in (${sql.join(
            ids.map((i) => sql`${i}`),
            sql`, `,
          )})`
        : sql`false`
      : linkExists(spec, 'locations', (t) => inIds(t, ids));
  const events = sql`exists (select 1 from events e where e.${sql.identifier(spec.owner)} = ${col(spec, 'id')} and ${inIds(sql`e.location_id`, ids)}${probe(spec)})`;
  return sql`(${own} or ${events})`;
}

export const locationFilters: Filter = (b, ctx) => {
  const out: SQL[] = [];
  if (b.locations?.length) {
    const groups = b.locations.map((r) => expand(ctx.locations, [r], true));
    out.push(
      b.locationsMode === 'all'
        ? sql.join(
            groups.map((g) => placeCondition(ctx, g)),
            sql` and `,
          )
        : placeCondition(ctx, [...new Set(groups.flat())]),
    );
  }
  if (b.excludeLocations?.length)
    out.push(sql`not ${placeCondition(ctx, expand(ctx.locations, b.excludeLocations, true))}`);
  return out;
};

/** Small vocabularies: actor ethnographies/nationalities/dialects (any/all), incident violations (any). */
export const termFilters: Filter = (b, ctx) => {
  const out: SQL[] = [];
  const each = (link: Link, ids: number[] | undefined, mode: 'any' | 'all' | undefined) => {
    if (ids?.length)
      out.push(
        linkMode(
          ctx,
          link,
          ids.map((i) => [i]),
          mode,
        ),
      );
  };
  each('ethnographies', b.ethnographies, b.ethnographiesMode);
  each('nationalities', b.nationalities, b.nationalitiesMode);
  each('dialects', b.dialects, b.dialectsMode);
  each('potentialViolations', b.potentialViolations, 'any');
  each('claimedViolations', b.claimedViolations, 'any');
  return out;
};
