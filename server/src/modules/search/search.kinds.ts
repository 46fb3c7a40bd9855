import { sql, type SQL } from 'drizzle-orm';
import type { ActingUser } from '../../http/actingUser.js';
import { visibleActors } from '../actors/actors.policy.js';
import { visibleBulletins } from '../bulletins/bulletins.policy.js';
import { visibleIncidents } from '../incidents/incidents.policy.js';
import type { SearchKind } from './search.schemas.js';

/**
 * How each record kind is laid out for search. Every condition is SQL over the kind's own
 * table (referenced by its name, e.g. "bulletins"."id"), so a block compiles to one boolean
 * expression that is AND-ed with the kind's visibility predicate.
 */
export type Link =
  | 'labels'
  | 'verifiedLabels'
  | 'sources'
  | 'locations'
  | 'groups'
  | 'ethnographies'
  | 'nationalities'
  | 'dialects'
  | 'potentialViolations'
  | 'claimedViolations';

export interface KindSpec {
  kind: SearchKind;
  table: string;
  /** Column naming the record in events and link tables (bulletin_id, actor_id, incident_id). */
  owner: string;
  visible(actor: ActingUser): SQL;
  /**
   * Compile EXISTS sub-queries as per-record probes (see `probe`). Set by the engine for a broad
   * search's page query only; the count and estimate keep the default form.
   */
  probe?: boolean;
  links: Partial<Record<Link, { table: string; target: string; viaProfile?: boolean }>>;
}

export const KINDS: Record<SearchKind, KindSpec> = {
  bulletin: {
    kind: 'bulletin',
    table: 'bulletins',
    owner: 'bulletin_id',
    visible: visibleBulletins,
    links: {
      labels: { table: 'bulletin_labels', target: 'label_id' },
      verifiedLabels: { table: 'bulletin_verified_labels', target: 'label_id' },
      sources: { table: 'bulletin_sources', target: 'source_id' },
      locations: { table: 'bulletin_locations', target: 'location_id' },
      groups: { table: 'bulletin_groups', target: 'group_id' },
    },
  },
  actor: {
    kind: 'actor',
    table: 'actors',
    owner: 'actor_id',
    visible: visibleActors,
    links: {
      labels: { table: 'actor_profile_labels', target: 'label_id', viaProfile: true },
      verifiedLabels: { table: 'actor_profile_verified_labels', target: 'label_id', viaProfile: true },
      sources: { table: 'actor_profile_sources', target: 'source_id', viaProfile: true },
      groups: { table: 'actor_groups', target: 'group_id' },
      ethnographies: { table: 'actor_ethnographies', target: 'term_id' },
      nationalities: { table: 'actor_nationalities', target: 'term_id' },
      dialects: { table: 'actor_dialects', target: 'term_id' },
    },
  },
  incident: {
    kind: 'incident',
    table: 'incidents',
    owner: 'incident_id',
    visible: visibleIncidents,
    links: {
      labels: { table: 'incident_labels', target: 'label_id' },
      locations: { table: 'incident_locations', target: 'location_id' },
      groups: { table: 'incident_groups', target: 'group_id' },
      potentialViolations: { table: 'incident_potential_violations', target: 'term_id' },
      claimedViolations: { table: 'incident_claimed_violations', target: 'term_id' },
    },
  },
};

/** A column of the record table, e.g. col(spec, 'status') → "bulletins"."status". */
export function col(spec: KindSpec, name: string): SQL {
  return sql`${sql.identifier(spec.table)}.${sql.identifier(name)}`;
}

export function idList(values: readonly number[]): SQL {
  return sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
}

/**
 * Ends an EXISTS sub-query. By default the planner may turn an EXISTS under OR into a hashed
 * sub-plan, which first collects EVERY matching id (266,000 for a radius around Aleppo at a
 * million bulletins) before the newest-first scan can stop after 30. For broad searches the engine
 * sets `spec.probe`: `offset 0` keeps the EXISTS as a per-record index probe, so the scan stops early.
 */
export function probe(spec: KindSpec): SQL {
  return spec.probe ? sql` offset 0` : sql``;
}

/** `exists (select 1 from <link> x where x.owner = record.id and <cond(x.target)>)`. */
export function linkExists(spec: KindSpec, link: Link, cond: (target: SQL) => SQL): SQL {
  const l = spec.links[link];
  if (!l) return sql`false`;
  const target = sql`x.${sql.identifier(l.target)}`;
  if (l.viaProfile) {
    return sql`exists (select 1 from actor_profiles p join ${sql.identifier(l.table)} x on x.profile_id = p.id
      where p.actor_id = ${col(spec, 'id')} and ${cond(target)}${probe(spec)})`;
  }
  return sql`exists (select 1 from ${sql.identifier(l.table)} x where x.${sql.identifier(spec.owner)} = ${col(spec, 'id')} and ${cond(target)}${probe(spec)})`;
}

export function inIds(target: SQL, values: readonly number[]): SQL {
  return values.length ? sql`${target} in (${idList(values)})` : sql`false`;
}
