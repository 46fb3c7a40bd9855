import { and, eq, inArray, sql } from 'drizzle-orm';
import { rows, type Db } from '../../db/client.js';
import { labels, vocabTerms } from '../../db/schema/index.js';
import { findUserById } from '../users/users.repo.js';
import type { RecordKind } from './records.types.js';

/**
 * Lookups used to validate every id a record write refers to, before its transaction starts,
 * so a refused write leaves nothing behind.
 */
const TABLES = {
  labels: 'labels',
  sources: 'sources',
  locations: 'locations',
  eventTypes: 'event_types',
  groups: 'access_groups',
  bulletins: 'bulletins',
  actors: 'actors',
  incidents: 'incidents',
} as const;
export type RefTable = keyof typeof TABLES;

/** Ids among `wanted` that exist in a table (for "unknown id" validation). */
export async function existingIds(db: Db, table: RefTable, wanted: number[]): Promise<Set<number>> {
  const unique = [...new Set(wanted)];
  if (!unique.length) return new Set();
  const found = await rows<{ id: number }>(
    db,
    sql`select id from ${sql.identifier(TABLES[table])} where id in (${sql.join(
      unique.map((v) => sql`${v}`),
      sql`, `,
    )})`,
  );
  return new Set(found.map((r) => Number(r.id)));
}

/** Writes "unknown id …" into `fields[field]` for ids of `wanted` missing from `table`. */
export async function missingIdsProblem(
  db: Db,
  fields: Record<string, string>,
  field: string,
  table: RefTable,
  wanted: number[] | undefined,
): Promise<void> {
  if (!wanted?.length) return;
  const found = await existingIds(db, table, wanted);
  const absent = [...new Set(wanted.filter((v) => !found.has(v)))];
  if (absent.length) fields[field] = `unknown id ${absent.join(', ')}`;
}

export interface LabelScope {
  verified: boolean;
  forBulletin: boolean;
  forActor: boolean;
  forIncident: boolean;
}

export async function labelScopes(db: Db, wanted: number[]): Promise<Map<number, LabelScope>> {
  const unique = [...new Set(wanted)];
  if (!unique.length) return new Map();
  const found = await db
    .select({
      id: labels.id,
      verified: labels.verified,
      forBulletin: labels.forBulletin,
      forActor: labels.forActor,
      forIncident: labels.forIncident,
    })
    .from(labels)
    .where(inArray(labels.id, unique));
  return new Map(found.map(({ id, ...scope }) => [id, scope]));
}

const scopeKey = { bulletin: 'forBulletin', actor: 'forActor', incident: 'forIncident' } as const;
const plural = { bulletin: 'bulletins', actor: 'actors', incident: 'incidents' } as const;

/** Checks labels exist, are of the right tree (verified or not) and are scoped to `kind`. */
export async function labelProblems(
  db: Db,
  fields: Record<string, string>,
  kind: RecordKind,
  lists: { field: string; ids: number[] | undefined; verified: boolean }[],
): Promise<void> {
  const all = lists.flatMap((l) => l.ids ?? []);
  if (!all.length) return;
  const scopes = await labelScopes(db, all);
  for (const { field, ids, verified } of lists) {
    for (const v of ids ?? []) {
      const s = scopes.get(v);
      if (!s) fields[field] = `unknown label ${v}`;
      else if (s.verified !== verified)
        fields[field] = `label ${v} is ${s.verified ? 'a verified' : 'an unverified'} label`;
      else if (!s[scopeKey[kind]]) fields[field] = `label ${v} is not for ${plural[kind]}`;
    }
  }
}

export async function vocabTermIds(db: Db, kind: string, wanted: number[]): Promise<Set<number>> {
  const unique = [...new Set(wanted)];
  if (!unique.length) return new Set();
  const found = await db
    .select({ id: vocabTerms.id })
    .from(vocabTerms)
    .where(and(eq(vocabTerms.kind, kind), inArray(vocabTerms.id, unique)));
  return new Set(found.map((r) => r.id));
}

/** Writes a field error when an id of `wanted` is not a term of the vocabulary `kind`. */
export async function vocabProblem(
  db: Db,
  fields: Record<string, string>,
  field: string,
  kind: string,
  wanted: number[] | undefined,
): Promise<void> {
  if (!wanted?.length) return;
  const found = await vocabTermIds(db, kind, wanted);
  const absent = [...new Set(wanted.filter((v) => !found.has(v)))];
  if (absent.length) fields[field] = `unknown ${kind} term ${absent.join(', ')}`;
}

export async function workflowStatusExists(db: Db, status: string): Promise<boolean> {
  const [row] = await db
    .select({ id: vocabTerms.id })
    .from(vocabTerms)
    .where(and(eq(vocabTerms.kind, 'workflow-statuses'), eq(vocabTerms.title, status)))
    .limit(1);
  return Boolean(row);
}

/** Status and assignee checks shared by every record kind. */
export async function workflowProblems(
  db: Db,
  fields: Record<string, string>,
  input: { status?: string | undefined; assignedTo?: number | null | undefined },
): Promise<void> {
  if (input.status !== undefined && !(await workflowStatusExists(db, input.status))) {
    fields.status = `unknown workflow status "${input.status}"`;
  }
  if (input.assignedTo) {
    const user = await findUserById(db, input.assignedTo);
    if (!user || !user.active) fields.assignedTo = 'unknown or inactive user';
  }
}
