import type { Db } from '../../db/client.js';
import { Conflict, NotFound } from '../../http/errors.js';
import { changedFields, withPatch } from '../../lib/changes.js';
import { searchTextOf } from '../../lib/normalize.js';
import { assertUnused } from '../../lib/usage.js';
import { pageOf } from '../../lib/vocabList.js';
import { appendActivity } from '../activity/activity.repo.js';
import { performerFields, type Performer } from '../users/users.service.js';
import {
  countEventTypes,
  deleteEventTypeRow,
  eventTypeUsage,
  findEventType,
  findEventTypeByTitle,
  insertEventType,
  listEventTypeRows,
  updateEventTypeRow,
  type EventTypeRow,
} from './eventTypes.repo.js';
import type { EventTypeInput, EventTypeJson, EventTypeListQuery, EventTypePatch } from './eventTypes.schemas.js';

function present(r: EventTypeRow): EventTypeJson {
  return {
    id: r.id,
    title: r.title,
    titleAr: r.titleAr,
    comments: r.comments,
    forActor: r.forActor,
    forBulletin: r.forBulletin,
    forIncident: r.forIncident,
  };
}

export async function listEventTypes(
  db: Db,
  q: EventTypeListQuery,
): Promise<{ items: EventTypeJson[]; nextCursor: string | null; total: number | null }> {
  const [fetched, total] = await Promise.all([
    listEventTypeRows(db, q),
    q.count === 'none' ? null : countEventTypes(db, q),
  ]);
  const page = pageOf(fetched, q.limit);
  return { items: page.rows.map(present), nextCursor: page.nextCursor, total };
}

async function mustFind(db: Db, id: number): Promise<EventTypeRow> {
  const row = await findEventType(db, id);
  if (!row) throw new NotFound('Event type not found.');
  return row;
}

export async function getEventType(db: Db, id: number): Promise<EventTypeJson> {
  return present(await mustFind(db, id));
}

async function assertTitleFree(db: Db, title: string, selfId: number | null): Promise<void> {
  const twin = await findEventTypeByTitle(db, title);
  if (twin && twin.id !== selfId)
    throw new Conflict('An event type with this title already exists.', { title: 'already exists' });
}

export async function createEventType(db: Db, by: Performer, input: EventTypeInput): Promise<EventTypeJson> {
  return db.transaction(async (tx) => {
    await assertTitleFree(tx, input.title, null);
    const row = await insertEventType(tx, { ...input, searchText: searchTextOf([input.title, input.titleAr]) });
    await appendActivity(tx, {
      ...performerFields(by),
      action: 'CREATE',
      kind: 'event-type',
      recordId: row.id,
      details: { title: row.title },
    });
    return present(row);
  });
}

export async function updateEventType(
  db: Db,
  by: Performer,
  id: number,
  patch: EventTypePatch,
): Promise<EventTypeJson> {
  await db.transaction(async (tx) => {
    const before = await mustFind(tx, id);
    const next = withPatch(before, patch);
    if (patch.title !== undefined) await assertTitleFree(tx, patch.title, id);
    const changes = changedFields(before, patch);
    if (Object.keys(changes).length === 0) return;
    await updateEventTypeRow(tx, id, { ...patch, searchText: searchTextOf([next.title, next.titleAr]) });
    await appendActivity(tx, {
      ...performerFields(by),
      action: 'UPDATE',
      kind: 'event-type',
      recordId: id,
      details: { changes },
    });
  });
  return getEventType(db, id);
}

export async function deleteEventType(db: Db, by: Performer, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await mustFind(tx, id);
    await assertUnused(tx, 'event type', eventTypeUsage(id));
    await deleteEventTypeRow(tx, id);
    await appendActivity(tx, {
      ...performerFields(by),
      action: 'DELETE',
      kind: 'event-type',
      recordId: id,
      details: { title: before.title },
    });
  });
}
