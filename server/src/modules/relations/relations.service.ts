import type { Db } from '../../db/client.js';
import type { ActingUser } from '../../http/actingUser.js';
import { Forbidden, Invalid, NotFound } from '../../http/errors.js';
import { decodeCursor, encodeCursor, isIdCursor } from '../../lib/cursor.js';
import { RECORD_KIND_MODULES } from '../recordKinds.js';
import { mayUpdateRecord, updateRefusal } from '../records/records.policy.js';
import type { RecordKind } from '../records/records.types.js';
import { reverseSeenFrom, storedReversed, typeLabel } from './relations.direction.js';
import { pairTableFor, storedEnds, type PairTable } from './relations.pairs.js';
import {
  countEdges,
  deleteRelation,
  findRelation,
  pageOfEdges,
  relationTypeTitles,
  upsertRelation,
  type RelationEdge,
} from './relations.repo.js';
import type { RelationBody, RelationListQuery, RelationRemoveBody } from './relations.schemas.js';

type Ref = { kind: RecordKind; id: number };

const PROBABILITY = ['Maybe', 'Likely', 'Certain'] as const;

/** A related record as one page shows it; type titles are those read from this page. */
export interface RelatedItem {
  kind: RecordKind;
  id: number;
  title: string;
  titleAr: string;
  types: { id: number; title: string; titleAr: string }[];
  probability: number;
  comment: string;
  /** Same-kind relations: true when the types read with their reverse titles from this page. */
  reverse: boolean;
  /** The related record is limited to access groups (the caller is in one of them, or Admin). */
  restricted: boolean;
  updatedAt: string;
}

export interface RelationPage {
  items: RelatedItem[];
  nextCursor: string | null;
  total: number | null;
}

async function presentEdges(db: Db, otherKind: RecordKind, edges: RelationEdge[]): Promise<RelatedItem[]> {
  const titles = await relationTypeTitles(
    db,
    edges.flatMap((e) => e.types),
  );
  return edges.map((e) => {
    const reverse = reverseSeenFrom(e.reversed, e.otherIsRight);
    return {
      kind: otherKind,
      id: e.otherId,
      title: e.title,
      titleAr: e.titleAr,
      types: e.types.flatMap((t) => {
        const found = titles.get(t);
        return found ? [typeLabel(found, reverse)] : [];
      }),
      probability: e.probability,
      comment: e.comment,
      reverse,
      restricted: e.restricted,
      updatedAt: e.updatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
  });
}

async function pageOfKind(
  db: Db,
  actor: ActingUser,
  from: Ref,
  otherKind: RecordKind,
  q: { limit: number; cursor?: string | undefined; count: string },
): Promise<RelationPage> {
  const after = decodeCursor(q.cursor, isIdCursor);
  if (q.cursor && !after) throw new Invalid({ cursor: 'not a cursor this server issued' });
  const p = pairTableFor(from.kind, otherKind);
  const other = RECORD_KIND_MODULES[otherKind];
  const [edges, total] = await Promise.all([
    pageOfEdges(db, p, from, other, actor, { limit: q.limit + 1, beforeOtherId: after?.id ?? null }),
    q.count === 'none' ? null : countEdges(db, p, from, other, actor),
  ]);
  const page = edges.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: await presentEdges(db, otherKind, page),
    nextCursor: edges.length > q.limit && last ? encodeCursor({ id: last.otherId }) : null,
    total,
  };
}

/** `GET /api/K/:id/relations`: one kind paged, or the first page of every kind grouped. */
export async function listRelations(db: Db, actor: ActingUser, from: Ref, q: RelationListQuery) {
  await RECORD_KIND_MODULES[from.kind].loadState(db, actor, from.id);
  if (q.kind) return pageOfKind(db, actor, from, q.kind, q);
  const [bulletins, actors, incidents] = await Promise.all(
    (['bulletin', 'actor', 'incident'] as const).map((k) =>
      pageOfKind(db, actor, from, k, { ...q, cursor: undefined }),
    ),
  );
  return { bulletins, actors, incidents };
}

/**
 * The page's record must be visible (404) and editable by the caller (403). The other record
 * is a field of the request: one that does not exist, is deleted or is hidden from the caller
 * is refused alike as 400 on `id`, so the answer never reveals a hidden record.
 */
async function authorise(db: Db, actor: ActingUser, from: Ref, other: Ref): Promise<void> {
  const fromMod = RECORD_KIND_MODULES[from.kind];
  const state = await fromMod.loadState(db, actor, from.id);
  if (!mayUpdateRecord(actor, state)) throw new Forbidden(updateRefusal(actor, state, fromMod.noun));
  if (from.kind === other.kind && from.id === other.id)
    throw new Invalid({ id: 'a record cannot be related to itself' });
  try {
    await RECORD_KIND_MODULES[other.kind].loadState(db, actor, other.id);
  } catch (err) {
    if (err instanceof NotFound) throw new Invalid({ id: `no ${other.kind} ${other.id}` });
    throw err;
  }
}

async function validateTypes(db: Db, p: PairTable, types: number[]): Promise<void> {
  const found = await relationTypeTitles(db, types);
  for (const t of types) {
    const type = found.get(t);
    if (!type) throw new Invalid({ types: `unknown relation type ${t}` });
    if (type.pair !== p.pair)
      throw new Invalid({ types: `relation type ${t} is for ${type.pair} relations, not ${p.pair}` });
  }
}

/** "Related to actor #7 (Parent, Likely): comment" — the history line of each end. */
function historyLine(verb: string, other: Ref, labels: string[], probability: number | null, comment: string): string {
  const detail = [labels.join(', '), probability === null ? '' : PROBABILITY[probability]].filter(Boolean).join(', ');
  return `${verb} ${other.kind} #${other.id}${detail ? ` (${detail})` : ''}${comment ? `: ${comment}` : ''}`;
}

/**
 * Writes the revision and activity row of both records in the caller's transaction, each
 * describing the change as seen from that record.
 */
async function recordOnBothEnds(
  tx: Db,
  actor: ActingUser,
  from: Ref,
  other: Ref,
  change: {
    verb: string;
    types: number[];
    reversed: boolean;
    otherIsRight: boolean;
    probability: number | null;
    comment: string;
  },
): Promise<void> {
  const titles = await relationTypeTitles(tx, change.types);
  const labelsFrom = (otherIsRight: boolean) =>
    change.types.flatMap((t) => {
      const found = titles.get(t);
      return found ? [typeLabel(found, reverseSeenFrom(change.reversed, otherIsRight)).title] : [];
    });
  const details = {
    relation: { action: change.verb, types: change.types, probability: change.probability, comment: change.comment },
  };
  for (const [self, peer, otherIsRight] of [
    [from, other, change.otherIsRight],
    [other, from, !change.otherIsRight],
  ] as const) {
    const line = historyLine(change.verb, peer, labelsFrom(otherIsRight), change.probability, change.comment);
    await RECORD_KIND_MODULES[self.kind].recordChange(tx, actor, self.id, 'UPDATE', line, { ...details, with: peer });
  }
}

export async function relate(db: Db, actor: ActingUser, from: Ref, body: RelationBody): Promise<RelatedItem> {
  const other: Ref = { kind: body.kind, id: body.id };
  await authorise(db, actor, from, other);
  const p = pairTableFor(from.kind, other.kind);
  const types = [...new Set(body.types)];
  await validateTypes(db, p, types);
  const ends = storedEnds(p, from, other);
  const reversed = p.self ? storedReversed(body.reverse, ends.otherIsRight) : false;
  await db.transaction(async (tx) => {
    const existing = await findRelation(tx, p, ends.leftId, ends.rightId);
    await upsertRelation(tx, p, {
      ...ends,
      types,
      reversed,
      probability: body.probability,
      comment: body.comment,
      userId: actor.id,
    });
    const verb = existing ? 'Updated relation with' : 'Related to';
    await recordOnBothEnds(tx, actor, from, other, {
      verb,
      types,
      reversed,
      otherIsRight: ends.otherIsRight,
      probability: body.probability,
      comment: body.comment,
    });
  });
  const page = await pageOfEdges(db, p, from, RECORD_KIND_MODULES[other.kind], actor, {
    limit: 1,
    beforeOtherId: other.id + 1,
  });
  const [item] = await presentEdges(db, other.kind, page);
  if (!item || item.id !== other.id) throw new Error('relation vanished after saving');
  return item;
}

export async function unrelate(
  db: Db,
  actor: ActingUser,
  from: Ref,
  body: RelationRemoveBody,
): Promise<{ removed: boolean }> {
  const other: Ref = { kind: body.kind, id: body.id };
  await authorise(db, actor, from, other);
  const p = pairTableFor(from.kind, other.kind);
  const ends = storedEnds(p, from, other);
  return db.transaction(async (tx) => {
    const existing = await findRelation(tx, p, ends.leftId, ends.rightId);
    if (!existing) return { removed: false };
    await deleteRelation(tx, p, ends.leftId, ends.rightId);
    await recordOnBothEnds(tx, actor, from, other, {
      verb: 'Removed relation with',
      types: existing.types,
      reversed: existing.reversed,
      otherIsRight: ends.otherIsRight,
      probability: null,
      comment: body.comment ?? '',
    });
    return { removed: true };
  });
}
