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
import { presentLabels } from './labels.presenter.js';
import {
  countLabels,
  deleteLabelRow,
  findLabel,
  findLabelTwin,
  insertLabel,
  labelUsage,
  listLabelRows,
  updateLabelRow,
  type LabelRow,
  type LabelValues,
} from './labels.repo.js';
import type { LabelInput, LabelJson, LabelListQuery, LabelPatch } from './labels.schemas.js';

export async function listLabels(
  db: Db,
  q: LabelListQuery,
): Promise<{ items: LabelJson[]; nextCursor: string | null; total: number | null }> {
  const [fetched, total] = await Promise.all([listLabelRows(db, q), q.count === 'none' ? null : countLabels(db, q)]);
  const page = pageOf(fetched, q.limit);
  return { items: await presentLabels(db, page.rows), nextCursor: page.nextCursor, total };
}

async function mustFind(db: Db, id: number): Promise<LabelRow> {
  const row = await findLabel(db, id);
  if (!row) throw new NotFound('Label not found.');
  return row;
}

export async function getLabel(db: Db, id: number): Promise<LabelJson> {
  const [json] = await presentLabels(db, [await mustFind(db, id)]);
  return json!;
}

async function assertTitleFree(
  db: Db,
  v: { title: string; parentId: number | null; verified: boolean },
  selfId: number | null,
): Promise<void> {
  const twin = await findLabelTwin(db, v);
  if (twin !== undefined && twin !== selfId) {
    throw new Conflict('A label with this title already exists at this place in the tree.', {
      title: 'already exists here',
    });
  }
}

export async function createLabel(db: Db, by: Performer, input: LabelInput): Promise<LabelJson> {
  const row = await db.transaction(async (tx) => {
    const parentId = input.parentId ?? null;
    const verified = input.verified ?? false;
    await assertValidParent(tx, 'labels', null, parentId);
    await assertTitleFree(tx, { title: input.title, parentId, verified }, null);
    const values: LabelValues = {
      ...input,
      parentId,
      verified,
      searchText: searchTextOf([input.title, input.titleAr]),
    };
    const created = await insertLabel(tx, values);
    await appendActivity(tx, {
      ...performerFields(by),
      action: 'CREATE',
      kind: 'label',
      recordId: created.id,
      details: { title: created.title, parentId },
    });
    return created;
  });
  return getLabel(db, row.id);
}

export async function updateLabel(db: Db, by: Performer, id: number, patch: LabelPatch): Promise<LabelJson> {
  await db.transaction(async (tx) => {
    const before = await mustFind(tx, id);
    const next = withPatch(before, patch);
    if (patch.parentId !== undefined) await assertValidParent(tx, 'labels', id, patch.parentId);
    if (patch.title !== undefined || patch.parentId !== undefined || patch.verified !== undefined) {
      await assertTitleFree(tx, { title: next.title, parentId: next.parentId, verified: next.verified }, id);
    }
    const changes = changedFields(before, patch);
    if (Object.keys(changes).length === 0) return;
    await updateLabelRow(tx, id, { ...patch, searchText: searchTextOf([next.title, next.titleAr]) });
    await appendActivity(tx, {
      ...performerFields(by),
      action: 'UPDATE',
      kind: 'label',
      recordId: id,
      details: { changes },
    });
  });
  return getLabel(db, id);
}

export async function deleteLabel(db: Db, by: Performer, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await mustFind(tx, id);
    await assertUnused(tx, 'label', [...labelUsage(id), ...recordVocabularyUsage.label(id)]);
    await deleteLabelRow(tx, id);
    await appendActivity(tx, {
      ...performerFields(by),
      action: 'DELETE',
      kind: 'label',
      recordId: id,
      details: { title: before.title },
    });
  });
}
