import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../../db/client.js';
import { relationTypes } from '../../db/schema/index.js';
import type { ActingUser } from '../../http/actingUser.js';
import type { RecordKindModule } from '../recordKinds.js';
import type { RecordKind } from '../records/records.types.js';
import type { TypeTitles } from './relations.direction.js';
import type { PairTable } from './relations.pairs.js';

/** One relation of a record as seen from it, with the other record's title. */
export interface RelationEdge {
  otherId: number;
  otherIsRight: boolean;
  types: number[];
  reversed: boolean;
  probability: number;
  comment: string;
  updatedAt: Date;
  title: string;
  titleAr: string;
  restricted: boolean;
}

/**
 * The relation rows touching record `id`, each with the other record's id and side. A
 * same-kind pair is stored once, so both columns are searched (each half uses an index).
 */
function edgesOf(p: PairTable, kind: RecordKind, id: number): SQL {
  const t = p.table;
  const l = sql.identifier(p.left.sqlName);
  const r = sql.identifier(p.right.sqlName);
  const cols = sql`types, reversed, probability, comment, updated_at`;
  const asLeft = sql`select ${r} as other_id, true as other_is_right, ${cols} from ${t} where ${l} = ${id}`;
  const asRight = sql`select ${l} as other_id, false as other_is_right, ${cols} from ${t} where ${r} = ${id}`;
  if (p.self) return sql`(${asLeft} union all ${asRight})`;
  return p.left.kind === kind ? sql`(${asLeft})` : sql`(${asRight})`;
}

/**
 * The other records joined and filtered by the other kind's visibility predicate, so a record
 * the caller may not see is never fetched nor counted.
 */
function visibleEdges(p: PairTable, kind: RecordKind, id: number, other: RecordKindModule, actor: ActingUser): SQL {
  return sql`${edgesOf(p, kind, id)} e
    join ${other.table} on ${other.idColumn} = e.other_id
    where not ${other.deletedColumn} and ${other.visible(actor)}`;
}

export async function pageOfEdges(
  db: Db,
  p: PairTable,
  from: { kind: RecordKind; id: number },
  other: RecordKindModule,
  actor: ActingUser,
  opts: { limit: number; beforeOtherId: number | null },
): Promise<RelationEdge[]> {
  const before = opts.beforeOtherId === null ? sql`` : sql`and e.other_id < ${opts.beforeOtherId}`;
  const restricted = sql`exists (select 1 from ${sql.identifier(other.groupsTable)} g where g.${sql.identifier(other.groupsRecordColumn)} = ${other.idColumn})`;
  const found = await rows<{
    other_id: number;
    other_is_right: boolean;
    types: number[];
    reversed: boolean;
    probability: number;
    comment: string;
    updated_at: Date;
    title: string;
    title_ar: string;
    restricted: boolean;
  }>(
    db,
    sql`select e.other_id, e.other_is_right, e.types, e.reversed, e.probability, e.comment, e.updated_at,
          ${other.title} as title, ${other.titleAr} as title_ar, ${restricted} as restricted
        from ${visibleEdges(p, from.kind, from.id, other, actor)} ${before}
        order by e.other_id desc
        limit ${opts.limit}`,
  );
  return found.map((r) => ({
    otherId: Number(r.other_id),
    otherIsRight: r.other_is_right,
    types: (r.types ?? []).map(Number),
    reversed: r.reversed,
    probability: Number(r.probability),
    comment: r.comment,
    updatedAt: new Date(r.updated_at),
    title: r.title,
    titleAr: r.title_ar,
    restricted: r.restricted,
  }));
}

export async function countEdges(
  db: Db,
  p: PairTable,
  from: { kind: RecordKind; id: number },
  other: RecordKindModule,
  actor: ActingUser,
): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${visibleEdges(p, from.kind, from.id, other, actor)}`,
  );
  return Number(row?.n ?? 0);
}

export async function relationTypeTitles(db: Db, ids: number[]): Promise<Map<number, TypeTitles & { pair: string }>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const found = await db
    .select({
      id: relationTypes.id,
      pair: relationTypes.pair,
      title: relationTypes.title,
      reverseTitle: relationTypes.reverseTitle,
      titleAr: relationTypes.titleAr,
      reverseTitleAr: relationTypes.reverseTitleAr,
    })
    .from(relationTypes)
    .where(inArray(relationTypes.id, unique));
  return new Map(found.map((t) => [t.id, t]));
}

export type StoredRelation = PairTable['table']['$inferSelect'];

export async function findRelation(
  db: Db,
  p: PairTable,
  leftId: number,
  rightId: number,
): Promise<StoredRelation | undefined> {
  const [row] = await db
    .select()
    .from(p.table)
    .where(and(eq(p.table.leftId, leftId), eq(p.table.rightId, rightId)))
    .limit(1);
  return row;
}

export async function upsertRelation(
  tx: Db,
  p: PairTable,
  values: {
    leftId: number;
    rightId: number;
    types: number[];
    reversed: boolean;
    probability: number;
    comment: string;
    userId: number;
  },
): Promise<void> {
  const { leftId: _l, rightId: _r, ...changes } = values;
  await tx
    .insert(p.table)
    .values(values)
    .onConflictDoUpdate({ target: [p.table.leftId, p.table.rightId], set: { ...changes, updatedAt: new Date() } });
}

export async function deleteRelation(tx: Db, p: PairTable, leftId: number, rightId: number): Promise<void> {
  await tx.delete(p.table).where(and(eq(p.table.leftId, leftId), eq(p.table.rightId, rightId)));
}
