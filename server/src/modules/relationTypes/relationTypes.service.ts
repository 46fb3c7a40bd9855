import { reverseTitleArOf } from '../relations/relations.direction.js';
import { assertUnused } from '../../lib/usage.js';
import { recordVocabularyUsage } from '../records/records.usage.js';
import type { Db } from '../../db/client.js';
import { Conflict, NotFound } from '../../http/errors.js';
import { changedFields, withPatch } from '../../lib/changes.js';
import { searchTextOf } from '../../lib/normalize.js';
import { pageOf } from '../../lib/vocabList.js';
import { appendActivity } from '../activity/activity.repo.js';
import { performerFields, type Performer } from '../users/users.service.js';
import {
  countRelationTypes,
  deleteRelationTypeRow,
  findRelationType,
  findRelationTypeByTitle,
  insertRelationType,
  listRelationTypeRows,
  updateRelationTypeRow,
  type RelationTypeRow,
} from './relationTypes.repo.js';
import type {
  RelationTypeInput,
  RelationTypeJson,
  RelationTypeListQuery,
  RelationTypePatch,
} from './relationTypes.schemas.js';

export function presentRelationType(r: RelationTypeRow): RelationTypeJson {
  return {
    id: r.id,
    pair: r.pair,
    title: r.title,
    reverseTitle: r.reverseTitle || r.title,
    titleAr: r.titleAr,
    reverseTitleAr: reverseTitleArOf(r),
  };
}

const searchTextFor = (v: {
  title: string;
  reverseTitle?: string | undefined;
  titleAr?: string | undefined;
  reverseTitleAr?: string | undefined;
}) => searchTextOf([v.title, v.reverseTitle, v.titleAr, v.reverseTitleAr]);

export async function listRelationTypes(
  db: Db,
  q: RelationTypeListQuery,
): Promise<{ items: RelationTypeJson[]; nextCursor: string | null; total: number | null }> {
  const [fetched, total] = await Promise.all([
    listRelationTypeRows(db, q),
    q.count === 'none' ? null : countRelationTypes(db, q),
  ]);
  const page = pageOf(fetched, q.limit);
  return { items: page.rows.map(presentRelationType), nextCursor: page.nextCursor, total };
}

async function mustFind(db: Db, id: number): Promise<RelationTypeRow> {
  const row = await findRelationType(db, id);
  if (!row) throw new NotFound('Relation type not found.');
  return row;
}

export async function getRelationType(db: Db, id: number): Promise<RelationTypeJson> {
  return presentRelationType(await mustFind(db, id));
}

async function assertTitleFree(db: Db, pair: string, title: string, selfId: number | null): Promise<void> {
  const twin = await findRelationTypeByTitle(db, pair, title);
  if (twin && twin.id !== selfId)
    throw new Conflict('This pair already has a relation type with this title.', { title: 'already exists' });
}

export async function createRelationType(db: Db, by: Performer, input: RelationTypeInput): Promise<RelationTypeJson> {
  return db.transaction(async (tx) => {
    await assertTitleFree(tx, input.pair, input.title, null);
    const row = await insertRelationType(tx, { ...input, searchText: searchTextFor(input) });
    await appendActivity(tx, {
      ...performerFields(by),
      action: 'CREATE',
      kind: 'relation-type',
      recordId: row.id,
      details: { pair: row.pair, title: row.title, reverseTitle: row.reverseTitle },
    });
    return presentRelationType(row);
  });
}

export async function updateRelationType(
  db: Db,
  by: Performer,
  id: number,
  patch: RelationTypePatch,
): Promise<RelationTypeJson> {
  await db.transaction(async (tx) => {
    const before = await mustFind(tx, id);
    const next = withPatch(before, patch);
    if (patch.title !== undefined) await assertTitleFree(tx, before.pair, patch.title, id);
    const changes = changedFields(before, patch);
    if (Object.keys(changes).length === 0) return;
    await updateRelationTypeRow(tx, id, { ...patch, searchText: searchTextFor(next) });
    await appendActivity(tx, {
      ...performerFields(by),
      action: 'UPDATE',
      kind: 'relation-type',
      recordId: id,
      details: { changes },
    });
  });
  return getRelationType(db, id);
}

/**
 * Relation links are not stored yet (the relations module will add its tables); when they
 * are, add their usage check here so a type in use cannot be removed.
 */
export async function deleteRelationType(db: Db, by: Performer, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await mustFind(tx, id);
    // Relations store their types as an id array, so no foreign key guards them: check here.
    await assertUnused(tx, 'relation type', recordVocabularyUsage.relationType(id));
    await deleteRelationTypeRow(tx, id);
    await appendActivity(tx, {
      ...performerFields(by),
      action: 'DELETE',
      kind: 'relation-type',
      recordId: id,
      details: { pair: before.pair, title: before.title },
    });
  });
}
