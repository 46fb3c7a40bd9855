import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { actors } from './actors.js';
import { incidents } from './incidents.js';
import { bulletins } from './records.js';
import { users } from './users.js';

/**
 * One table per pair of record kinds (relationPairs.ts), so both ends keep real foreign keys.
 * Every table has the same shape: `left_id`, `right_id` named after their kinds, relation
 * type ids (`types`, relation_types of the table's pair), probability 0 Maybe / 1 Likely /
 * 2 Certain, comment. Self pairs are stored once with the lower id on the left; `reversed`
 * says the types read from the higher id's side (see relations.direction.ts).
 */
function relationTable(
  name: string,
  left: { column: string; target: () => AnyPgColumn },
  right: { column: string; target: () => AnyPgColumn },
  selfPair: boolean,
) {
  return pgTable(
    name,
    {
      leftId: integer(left.column).notNull().references(left.target, { onDelete: 'cascade' }),
      rightId: integer(right.column).notNull().references(right.target, { onDelete: 'cascade' }),
      types: integer('types')
        .array()
        .notNull()
        .default(sql`'{}'::int[]`),
      reversed: boolean('reversed').notNull().default(false),
      probability: smallint('probability').notNull().default(0),
      comment: text('comment').notNull().default(''),
      userId: integer('user_id').references(() => users.id),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.leftId, t.rightId] }),
      index(`${name}_right_idx`).on(t.rightId, t.leftId),
      index(`${name}_types_idx`).using('gin', t.types),
      index(`${name}_user_idx`).on(t.userId),
      check(`${name}_probability`, sql`${t.probability} between 0 and 2`),
      ...(selfPair
        ? [check(`${name}_lower_first`, sql`${t.leftId} < ${t.rightId}`)]
        : [check(`${name}_not_reversed`, sql`not ${t.reversed}`)]),
    ],
  );
}

const bulletinId = () => bulletins.id;
const actorId = () => actors.id;
const incidentId = () => incidents.id;

export const bulletinRelations = relationTable(
  'bulletin_relations',
  { column: 'bulletin_id', target: bulletinId },
  { column: 'related_bulletin_id', target: bulletinId },
  true,
);
export const actorBulletinRelations = relationTable(
  'actor_bulletin_relations',
  { column: 'actor_id', target: actorId },
  { column: 'bulletin_id', target: bulletinId },
  false,
);
export const incidentBulletinRelations = relationTable(
  'incident_bulletin_relations',
  { column: 'incident_id', target: incidentId },
  { column: 'bulletin_id', target: bulletinId },
  false,
);
export const actorRelations = relationTable(
  'actor_relations',
  { column: 'actor_id', target: actorId },
  { column: 'related_actor_id', target: actorId },
  true,
);
export const incidentActorRelations = relationTable(
  'incident_actor_relations',
  { column: 'incident_id', target: incidentId },
  { column: 'actor_id', target: actorId },
  false,
);
export const incidentRelations = relationTable(
  'incident_relations',
  { column: 'incident_id', target: incidentId },
  { column: 'related_incident_id', target: incidentId },
  true,
);
