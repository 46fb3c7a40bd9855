import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import {
  actorBulletinRelations,
  actorRelations,
  bulletinRelations,
  incidentActorRelations,
  incidentBulletinRelations,
  incidentRelations,
} from '../../db/schema/index.js';
import type { RecordKind } from '../records/records.types.js';
import type { RelationPair } from '../relationTypes/relationPairs.js';

type RelationTable = typeof bulletinRelations;

/** Where the relations between two kinds live: the pair name of their types and the table's two ends. */
export interface PairTable {
  pair: RelationPair;
  table: RelationTable & PgTable;
  left: { kind: RecordKind; column: PgColumn; sqlName: string };
  right: { kind: RecordKind; column: PgColumn; sqlName: string };
  /** Same-kind pairs are stored once, lower id on the left. */
  self: boolean;
}

function entry(pair: RelationPair, table: RelationTable, leftName: string, rightName: string): PairTable {
  const [leftKind, rightKind] = pair.split('-') as [RecordKind, RecordKind];
  return {
    pair,
    table,
    left: { kind: leftKind, column: table.leftId, sqlName: leftName },
    right: { kind: rightKind, column: table.rightId, sqlName: rightName },
    self: leftKind === rightKind,
  };
}

const PAIR_TABLES: PairTable[] = [
  entry('bulletin-bulletin', bulletinRelations, 'bulletin_id', 'related_bulletin_id'),
  entry('actor-bulletin', actorBulletinRelations, 'actor_id', 'bulletin_id'),
  entry('incident-bulletin', incidentBulletinRelations, 'incident_id', 'bulletin_id'),
  entry('actor-actor', actorRelations, 'actor_id', 'related_actor_id'),
  entry('incident-actor', incidentActorRelations, 'incident_id', 'actor_id'),
  entry('incident-incident', incidentRelations, 'incident_id', 'related_incident_id'),
];

/** The table relating records of kinds `a` and `b` (in either order). */
export function pairTableFor(a: RecordKind, b: RecordKind): PairTable {
  const found = PAIR_TABLES.find(
    (p) => (p.left.kind === a && p.right.kind === b) || (p.left.kind === b && p.right.kind === a),
  );
  if (!found) throw new Error(`no relation table for ${a}-${b}`);
  return found;
}

/**
 * The stored (left id, right id) of a relation between record `from` and record `other`,
 * and whether `other` sits on the right.
 */
export function storedEnds(
  p: PairTable,
  from: { kind: RecordKind; id: number },
  other: { kind: RecordKind; id: number },
): { leftId: number; rightId: number; otherIsRight: boolean } {
  const otherIsRight = p.self ? other.id > from.id : p.right.kind === other.kind;
  return otherIsRight
    ? { leftId: from.id, rightId: other.id, otherIsRight }
    : { leftId: other.id, rightId: from.id, otherIsRight };
}

/** Every relation table, for usage checks ("is this relation type still used?"). */
export const ALL_PAIR_TABLES: readonly PairTable[] = PAIR_TABLES;
