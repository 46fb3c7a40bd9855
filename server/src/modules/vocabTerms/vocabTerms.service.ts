import type { Db } from '../../db/client.js';
import { Conflict, Invalid, NotFound } from '../../http/errors.js';
import { changedFields, withPatch } from '../../lib/changes.js';
import { searchTextOf } from '../../lib/normalize.js';
import { assertUnused } from '../../lib/usage.js';
import { recordVocabularyUsage } from '../records/records.usage.js';
import { pageOf } from '../../lib/vocabList.js';
import { appendActivity } from '../activity/activity.repo.js';
import { performerFields, type Performer } from '../users/users.service.js';
import { KINDS_WITH_CODE, type VocabKind } from './vocabKinds.js';
import {
  countVocabTerms,
  deleteVocabTermRow,
  findVocabTerm,
  findVocabTermByCode,
  findVocabTermByTitle,
  insertVocabTerm,
  listVocabTermRows,
  updateVocabTermRow,
  vocabTermUsage,
  type VocabTermRow,
} from './vocabTerms.repo.js';
import type { VocabTermInput, VocabTermJson, VocabTermListQuery, VocabTermPatch } from './vocabTerms.schemas.js';

export function presentVocabTerm(r: VocabTermRow): VocabTermJson {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    titleAr: r.titleAr,
    description: r.description,
    code: r.code,
    sortOrder: r.sortOrder,
  };
}

export async function listVocabTerms(
  db: Db,
  kind: VocabKind,
  q: VocabTermListQuery,
): Promise<{ items: VocabTermJson[]; nextCursor: string | null; total: number | null }> {
  const [fetched, total] = await Promise.all([
    listVocabTermRows(db, kind, q),
    q.count === 'none' ? null : countVocabTerms(db, kind, q),
  ]);
  const page = pageOf(fetched, q.limit);
  return { items: page.rows.map(presentVocabTerm), nextCursor: page.nextCursor, total };
}

async function mustFind(db: Db, kind: VocabKind, id: number): Promise<VocabTermRow> {
  const row = await findVocabTerm(db, kind, id);
  if (!row) throw new NotFound('Term not found.');
  return row;
}

export async function getVocabTerm(db: Db, kind: VocabKind, id: number): Promise<VocabTermJson> {
  return presentVocabTerm(await mustFind(db, kind, id));
}

async function assertFree(
  db: Db,
  kind: VocabKind,
  v: { title?: string | undefined; code?: number | null | undefined },
  selfId: number | null,
): Promise<void> {
  if (v.title !== undefined) {
    const twin = await findVocabTermByTitle(db, kind, v.title);
    if (twin && twin.id !== selfId)
      throw new Conflict('This list already has a term with this title.', { title: 'already exists' });
  }
  if (KINDS_WITH_CODE.has(kind) && v.code !== undefined && v.code !== null) {
    const twin = await findVocabTermByCode(db, kind, v.code);
    if (twin && twin.id !== selfId)
      throw new Conflict('This list already has a term with this code.', { code: 'already used' });
  }
}

export async function createVocabTerm(
  db: Db,
  by: Performer,
  kind: VocabKind,
  input: VocabTermInput,
): Promise<VocabTermJson> {
  if (KINDS_WITH_CODE.has(kind) && (input.code === undefined || input.code === null))
    throw new Invalid({ code: 'required for this list' });
  return db.transaction(async (tx) => {
    await assertFree(tx, kind, input, null);
    const row = await insertVocabTerm(tx, { ...input, kind, searchText: searchTextOf([input.title, input.titleAr]) });
    await appendActivity(tx, {
      ...performerFields(by),
      action: 'CREATE',
      kind: `vocab:${kind}`,
      recordId: row.id,
      details: { title: row.title, code: row.code },
    });
    return presentVocabTerm(row);
  });
}

export async function updateVocabTerm(
  db: Db,
  by: Performer,
  kind: VocabKind,
  id: number,
  patch: VocabTermPatch,
): Promise<VocabTermJson> {
  if (KINDS_WITH_CODE.has(kind) && patch.code === null) throw new Invalid({ code: 'required for this list' });
  await db.transaction(async (tx) => {
    const before = await mustFind(tx, kind, id);
    const next = withPatch(before, patch);
    await assertFree(tx, kind, patch, id);
    const changes = changedFields(before, patch);
    if (Object.keys(changes).length === 0) return;
    // Records store a workflow status by its title; renaming one in use would orphan them.
    if (changes.title && kind === 'workflow-statuses')
      await assertUnused(tx, 'status', [
        ...vocabTermUsage(kind, before),
        ...recordVocabularyUsage.vocabTerm(kind, before),
      ]);
    await updateVocabTermRow(tx, id, { ...patch, searchText: searchTextOf([next.title, next.titleAr]) });
    await appendActivity(tx, {
      ...performerFields(by),
      action: 'UPDATE',
      kind: `vocab:${kind}`,
      recordId: id,
      details: { changes },
    });
  });
  return getVocabTerm(db, kind, id);
}

export async function deleteVocabTerm(db: Db, by: Performer, kind: VocabKind, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await mustFind(tx, kind, id);
    await assertUnused(tx, 'term', [...vocabTermUsage(kind, before), ...recordVocabularyUsage.vocabTerm(kind, before)]);
    await deleteVocabTermRow(tx, id);
    await appendActivity(tx, {
      ...performerFields(by),
      action: 'DELETE',
      kind: `vocab:${kind}`,
      recordId: id,
      details: { title: before.title },
    });
  });
}
