import type { Db } from '../../db/client.js';
import { Conflict, NotFound } from '../../http/errors.js';
import { changedFields, withPatch } from '../../lib/changes.js';
import { searchTextOf } from '../../lib/normalize.js';
import { assertValidParent } from '../../lib/tree.js';
import { assertUnused } from '../../lib/usage.js';
import { recordVocabularyUsage } from '../records/records.usage.js';
import { pageOf } from '../../lib/vocabList.js';
import { appendActivity } from '../activity/activity.repo.js';
import { performerFields, type Performer } from '../users/users.service.js';
import { presentSources } from './sources.presenter.js';
import {
  countSources,
  deleteSourceRow,
  findSource,
  findSourceTwin,
  insertSource,
  listSourceRows,
  sourceUsage,
  updateSourceRow,
  type SourceRow,
} from './sources.repo.js';
import type { SourceInput, SourceJson, SourceListQuery, SourcePatch } from './sources.schemas.js';

export async function listSources(
  db: Db,
  q: SourceListQuery,
): Promise<{ items: SourceJson[]; nextCursor: string | null; total: number | null }> {
  const [fetched, total] = await Promise.all([listSourceRows(db, q), q.count === 'none' ? null : countSources(db, q)]);
  const page = pageOf(fetched, q.limit);
  return { items: await presentSources(db, page.rows), nextCursor: page.nextCursor, total };
}

async function mustFind(db: Db, id: number): Promise<SourceRow> {
  const row = await findSource(db, id);
  if (!row) throw new NotFound('Source not found.');
  return row;
}

export async function getSource(db: Db, id: number): Promise<SourceJson> {
  const [json] = await presentSources(db, [await mustFind(db, id)]);
  return json!;
}

async function assertTitleFree(
  db: Db,
  v: { title: string; parentId: number | null },
  selfId: number | null,
): Promise<void> {
  const twin = await findSourceTwin(db, v);
  if (twin !== undefined && twin !== selfId) {
    throw new Conflict('A source with this title already exists at this place in the tree.', {
      title: 'already exists here',
    });
  }
}

/** Creates a source; the import engine calls this too, inside its own transaction. */
export async function insertSourceWithActivity(tx: Db, by: Performer, input: SourceInput): Promise<SourceRow> {
  const parentId = input.parentId ?? null;
  await assertValidParent(tx, 'sources', null, parentId);
  await assertTitleFree(tx, { title: input.title, parentId }, null);
  const created = await insertSource(tx, {
    ...input,
    parentId,
    searchText: searchTextOf([input.title, input.titleAr]),
  });
  await appendActivity(tx, {
    ...performerFields(by),
    action: 'CREATE',
    kind: 'source',
    recordId: created.id,
    details: { title: created.title, parentId },
  });
  return created;
}

export async function createSource(db: Db, by: Performer, input: SourceInput): Promise<SourceJson> {
  const row = await db.transaction((tx) => insertSourceWithActivity(tx, by, input));
  return getSource(db, row.id);
}

export async function updateSource(db: Db, by: Performer, id: number, patch: SourcePatch): Promise<SourceJson> {
  await db.transaction(async (tx) => {
    const before = await mustFind(tx, id);
    const next = withPatch(before, patch);
    if (patch.parentId !== undefined) await assertValidParent(tx, 'sources', id, patch.parentId);
    if (patch.title !== undefined || patch.parentId !== undefined)
      await assertTitleFree(tx, { title: next.title, parentId: next.parentId }, id);
    const changes = changedFields(before, patch);
    if (Object.keys(changes).length === 0) return;
    await updateSourceRow(tx, id, { ...patch, searchText: searchTextOf([next.title, next.titleAr]) });
    await appendActivity(tx, {
      ...performerFields(by),
      action: 'UPDATE',
      kind: 'source',
      recordId: id,
      details: { changes },
    });
  });
  return getSource(db, id);
}

export async function deleteSource(db: Db, by: Performer, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await mustFind(tx, id);
    await assertUnused(tx, 'source', [...sourceUsage(id), ...recordVocabularyUsage.source(id)]);
    await deleteSourceRow(tx, id);
    await appendActivity(tx, {
      ...performerFields(by),
      action: 'DELETE',
      kind: 'source',
      recordId: id,
      details: { title: before.title },
    });
  });
}
