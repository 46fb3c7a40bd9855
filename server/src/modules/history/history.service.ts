import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { ActingUser } from '../../http/actingUser.js';
import { Forbidden, Invalid, NotFound } from '../../http/errors.js';
import { RECORD_KIND_MODULES } from '../recordKinds.js';
import {
  mayAssign,
  mayUpdateRecord,
  mayViewFullHistory,
  mayViewHistory,
  maySetAccessGroups,
  updateRefusal,
} from '../records/records.policy.js';
import type { RecordKind } from '../records/records.types.js';
import { namesOfUsers } from '../users/users.repo.js';
import { diffSnapshots } from './history.diff.js';
import { presentRevision } from './history.presenter.js';
import { findRevision, listRevisions, type RevisionRow } from './history.repo.js';

/**
 * Revisions written for a relation change name the record at the other end. Those whose other
 * record the viewer may not see are shown without it (one query per kind, visibility in SQL).
 */
async function revisionsNamingHiddenRecords(db: Db, actor: ActingUser, revs: RevisionRow[]): Promise<Set<number>> {
  const hidden = new Set<number>();
  for (const kind of ['bulletin', 'actor', 'incident'] as const) {
    const wanted = revs.filter((r) => r.relatedKind === kind && r.relatedId !== null);
    if (!wanted.length) continue;
    const mod = RECORD_KIND_MODULES[kind];
    const ids = [...new Set(wanted.map((r) => r.relatedId as number))];
    const seen = await db
      .select({ id: mod.idColumn })
      .from(mod.table)
      .where(and(inArray(mod.idColumn, ids), eq(mod.deletedColumn, false), mod.visible(actor)));
    const visible = new Set(seen.map((r) => Number(r.id)));
    for (const r of wanted) if (!visible.has(r.relatedId as number)) hidden.add(r.id);
  }
  return hidden;
}

export const HIDDEN_RELATION_COMMENT = 'Relation changed with a record you cannot see.';

async function presentRevisions(db: Db, actor: ActingUser, revs: RevisionRow[], full: boolean) {
  const names = await namesOfUsers(
    db,
    revs.flatMap((r) => (r.userId ? [r.userId] : [])),
  );
  const hidden = await revisionsNamingHiddenRecords(db, actor, revs);
  return revs.map((r) =>
    presentRevision(actor, hidden.has(r.id) ? { ...r, comment: HIDDEN_RELATION_COMMENT } : r, names, full),
  );
}

/** Revisions of a record, newest first: full snapshots only for users with full history. */
export async function recordHistory(db: Db, actor: ActingUser, kind: RecordKind, id: number) {
  await RECORD_KIND_MODULES[kind].loadState(db, actor, id);
  if (!mayViewHistory(actor)) throw new Forbidden('You may not view history.');
  const revs = await listRevisions(db, kind, id);
  return { items: await presentRevisions(db, actor, revs, mayViewFullHistory(actor)) };
}

async function mustFindRevision(db: Db, kind: RecordKind, recordId: number, revisionId: number): Promise<RevisionRow> {
  const rev = await findRevision(db, kind, recordId, revisionId);
  if (!rev) throw new NotFound('Revision not found.');
  return rev;
}

/** The fields changed between two revisions of one record (users with full history only). */
export async function historyDiff(
  db: Db,
  actor: ActingUser,
  kind: RecordKind,
  id: number,
  fromId: number,
  toId: number,
) {
  await RECORD_KIND_MODULES[kind].loadState(db, actor, id);
  if (!mayViewFullHistory(actor)) throw new Forbidden('Comparing revisions needs the full-history permission.');
  const [from, to] = await Promise.all([mustFindRevision(db, kind, id, fromId), mustFindRevision(db, kind, id, toId)]);
  const [fromJson, toJson] = await presentRevisions(db, actor, [from, to], true);
  return {
    from: fromJson,
    to: toJson,
    changes: diffSnapshots(fromJson?.snapshot ?? {}, toJson?.snapshot ?? {}),
  };
}

/** Dotted field name of a zod issue path ("profiles.0.mode"). */
const fieldOf = (path: PropertyKey[]) => path.map(String).join('.') || 'snapshot';

/**
 * Restores a revision's editable fields as a new revision (history is never rewritten).
 * Relations are not part of a record's snapshot state and are never restored; access groups
 * and the assignee are restored only for users allowed to set them.
 */
export async function restoreRevision(
  db: Db,
  actor: ActingUser,
  kind: RecordKind,
  id: number,
  revisionId: number,
  comment: string,
) {
  const mod = RECORD_KIND_MODULES[kind];
  const state = await mod.loadState(db, actor, id);
  if (!mayUpdateRecord(actor, state)) throw new Forbidden(updateRefusal(actor, state, mod.noun));
  const rev = await mustFindRevision(db, kind, id, revisionId);
  const body = mod.bodyFromSnapshot(rev.snapshot, state);
  // Fields the caller may not set keep their current value; they are reported only when that differs from the revision.
  const current = (await mod.get(db, actor, id)) as { accessGroups: number[]; assignedTo: { id: number } | null };
  const notRestored = ['relations'];
  const keepCurrent = (field: 'accessGroups' | 'assignedTo', now: unknown) => {
    if (!(field in body)) return;
    if (JSON.stringify(body[field]) !== JSON.stringify(now)) notRestored.push(field);
    delete body[field];
  };
  if (!maySetAccessGroups(actor)) keepCurrent('accessGroups', current.accessGroups);
  if (!mayAssign(actor)) keepCurrent('assignedTo', current.assignedTo?.id ?? null);
  const parsed = mod.updateBody.safeParse({ ...body, comment });
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[fieldOf(issue.path)] ??= issue.message;
    throw new Invalid(fields, 'This revision cannot be restored as it is.');
  }
  const record = await mod.update(db, actor, id, parsed.data as never, {
    action: 'RESTORE',
    details: { restoredFrom: revisionId },
  });
  const [latest] = await listRevisions(db, kind, id, 1);
  const [revision] = latest ? await presentRevisions(db, actor, [latest], false) : [];
  return {
    record,
    restoredFrom: revisionId,
    revision: revision ?? null,
    notRestored,
    message: 'Relations are not restored: they are kept as they are now.',
  };
}
