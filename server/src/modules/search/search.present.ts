import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../../db/client.js';
import type { ActingUser } from '../../http/actingUser.js';
import { actorDisplayName } from '../actors/actors.names.js';
import { recordPermissions } from '../records/records.policy.js';
import type { UserNames } from '../records/records.types.js';
import { presentUserRef } from '../users/users.presenter.js';
import { idList } from './search.kinds.js';
import type { SearchKind } from './search.schemas.js';

/**
 * Search results in the list shape: what a result row, the list pages and the results map show,
 * loaded for the whole page in ONE query (links as JSON sub-selects, user names by join) instead of
 * the ~10 queries of the full record aggregates. Every kind carries `id`, `status`, `createdAt`,
 * `updatedAt`, `assignedTo`, `firstPeerReviewer`, `accessGroups` and `permissions` (API.md);
 * bulletins add `title`, `titleAr`, `publishDate`, `originId`, `tags`, `locations`, `geoMarkers`;
 * actors `type`, `displayName`, `name`, `nameAr`, `tags`, `originPlace`; incidents
 * `title`, `titleAr`, `locations`. The full record stays at `GET /api/K/:id`.
 */
type Row = Record<string, unknown> & {
  id: number;
  status: string;
  created_at: string | null;
  updated_at: string | null;
  assigned_to_id: number | null;
  first_peer_reviewer_id: number | null;
  assigned_name: string | null;
  assigned_username: string | null;
  reviewer_name: string | null;
  reviewer_username: string | null;
  groups: number[] | string | null;
};

// ISO 8601 in SQL, as isoOrNull writes it: the drivers disagree on how a raw timestamptz comes back.
const iso = (c: string) => sql.raw(`to_char(${c} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

const locationJson = (alias: string) =>
  sql.raw(
    `json_build_object('id', ${alias}.id, 'title', ${alias}.title, 'titleAr', ${alias}.title_ar, 'fullName', ${alias}.full_name, 'fullNameAr', ${alias}.full_name_ar, 'lat', ${alias}.lat, 'lng', ${alias}.lng)`,
  );

const linkedLocations = (table: string, owner: string) =>
  sql`coalesce((select json_agg(${locationJson('l')} order by l.full_name) from ${sql.identifier(table)} x
    join locations l on l.id = x.location_id where x.${sql.identifier(owner)} = r.id), '[]'::json)`;

const groupsOf = (table: string, owner: string) =>
  sql`coalesce((select json_agg(x.group_id order by x.group_id) from ${sql.identifier(table)} x
    where x.${sql.identifier(owner)} = r.id), '[]'::json)`;

const SELECTS: Record<SearchKind, { table: string; columns: SQL; joins: SQL }> = {
  bulletin: {
    table: 'bulletins',
    columns: sql`r.title, r.title_ar, ${iso('r.publish_date')} as publish_date, r.origin_id, r.tags,
      ${linkedLocations('bulletin_locations', 'bulletin_id')} as locations,
      coalesce((select json_agg(json_build_object('id', g.id, 'title', g.title, 'lat', g.lat, 'lng', g.lng, 'main', g.main)
        order by g.sort_order, g.id) from geo_markers g where g.bulletin_id = r.id), '[]'::json) as geo_markers,
      ${groupsOf('bulletin_groups', 'bulletin_id')} as groups`,
    joins: sql``,
  },
  actor: {
    table: 'actors',
    columns: sql`r.type, r.name, r.name_ar, r.first_name, r.first_name_ar, r.middle_name, r.middle_name_ar,
      r.last_name, r.last_name_ar, r.nickname, r.nickname_ar, r.tags,
      case when op.id is null then null else ${locationJson('op')} end as origin_place,
      ${groupsOf('actor_groups', 'actor_id')} as groups`,
    joins: sql`left join locations op on op.id = r.origin_place_id`,
  },
  incident: {
    table: 'incidents',
    columns: sql`r.title, r.title_ar,
      ${linkedLocations('incident_locations', 'incident_id')} as locations,
      ${groupsOf('incident_groups', 'incident_id')} as groups`,
    joins: sql``,
  },
};

// PGlite returns json columns parsed; a driver that does not, returns text.
const json = <T>(v: unknown, fallback: T): T => (typeof v === 'string' ? (JSON.parse(v) as T) : ((v as T) ?? fallback));

function presentRow(kind: SearchKind, viewer: ActingUser, r: Row) {
  const names: UserNames = new Map();
  if (r.assigned_to_id !== null)
    names.set(r.assigned_to_id, { name: r.assigned_name ?? '', username: r.assigned_username ?? '' });
  if (r.first_peer_reviewer_id !== null)
    names.set(r.first_peer_reviewer_id, { name: r.reviewer_name ?? '', username: r.reviewer_username ?? '' });
  const state = { status: r.status, assignedToId: r.assigned_to_id, firstPeerReviewerId: r.first_peer_reviewer_id };
  const common = {
    id: Number(r.id),
    status: r.status,
    assignedTo: presentUserRef(viewer, r.assigned_to_id, names),
    firstPeerReviewer: presentUserRef(viewer, r.first_peer_reviewer_id, names),
    accessGroups: json<number[]>(r.groups, []).map(Number),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    permissions: recordPermissions(viewer, state),
  };
  const s = (k: string) => String(r[k] ?? '');
  if (kind === 'actor') {
    const parts = {
      id: Number(r.id),
      type: s('type'),
      name: s('name'),
      nameAr: s('name_ar'),
      firstName: s('first_name'),
      firstNameAr: s('first_name_ar'),
      middleName: s('middle_name'),
      middleNameAr: s('middle_name_ar'),
      lastName: s('last_name'),
      lastNameAr: s('last_name_ar'),
      nickname: s('nickname'),
      nicknameAr: s('nickname_ar'),
    };
    return {
      ...common,
      type: parts.type,
      displayName: actorDisplayName(parts),
      name: parts.name,
      nameAr: parts.nameAr,
      tags: (r.tags as string[] | null) ?? [],
      originPlace: json<Record<string, unknown> | null>(r.origin_place, null),
    };
  }
  const base = {
    ...common,
    title: s('title'),
    titleAr: s('title_ar'),
    locations: json<Record<string, unknown>[]>(r.locations, []),
  };
  if (kind === 'incident') return base;
  return {
    ...base,
    publishDate: (r.publish_date as string | null) ?? null,
    originId: s('origin_id'),
    tags: (r.tags as string[] | null) ?? [],
    geoMarkers: json<Record<string, unknown>[]>(r.geo_markers, []),
  };
}

export type SearchListItem = ReturnType<typeof presentRow>;

/** The page's records in the given order; ids the caller may see were decided by the search. */
export async function presentSearchPage(
  db: Db,
  viewer: ActingUser,
  kind: SearchKind,
  ids: number[],
): Promise<SearchListItem[]> {
  if (!ids.length) return [];
  const found = await rows<Row>(db, presentSql(kind, ids));
  const byId = new Map(found.map((r) => [Number(r.id), r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [presentRow(kind, viewer, r)] : [];
  });
}

/** The one statement that reads a result page (the benchmark times it as part of "raw SQL"). */
export function presentSql(kind: SearchKind, ids: number[]): SQL {
  const q = SELECTS[kind];
  return sql`select r.id, r.status, ${iso('r.created_at')} as created_at, ${iso('r.updated_at')} as updated_at, r.assigned_to_id, r.first_peer_reviewer_id,
      ua.name as assigned_name, ua.username as assigned_username, ur.name as reviewer_name, ur.username as reviewer_username,
      ${q.columns}
    from ${sql.identifier(q.table)} r ${q.joins}
      left join users ua on ua.id = r.assigned_to_id
      left join users ur on ur.id = r.first_peer_reviewer_id
    where r.id in (${idList(ids)})`;
}
