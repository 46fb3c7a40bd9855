import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { eventTypes, events, locations } from '../../db/schema/index.js';
import { isoOrNull, parseDateInput } from '../../lib/dates.js';
import { existingIds } from './records.refs.js';
import type { EventInput } from './records.schemas.js';
import type { EventRow, LocationRef, RecordKind } from './records.types.js';

/** Events belong to exactly one record; this is the column naming its owner. */
const ownerColumn = { bulletin: events.bulletinId, actor: events.actorId, incident: events.incidentId } as const;

export const locationRefColumns = {
  id: locations.id,
  title: locations.title,
  titleAr: locations.titleAr,
  fullName: locations.fullName,
  fullNameAr: locations.fullNameAr,
  lat: locations.lat,
  lng: locations.lng,
};

/** Events of many records in one query, grouped by owner id, in their saved order. */
export async function loadEvents(db: Db, owner: RecordKind, ids: number[]): Promise<Map<number, EventRow[]>> {
  const out = new Map<number, EventRow[]>();
  if (!ids.length) return out;
  const column = ownerColumn[owner];
  const found = await db
    .select({
      ownerId: column,
      event: events,
      type: { id: eventTypes.id, title: eventTypes.title, titleAr: eventTypes.titleAr },
      location: locationRefColumns,
    })
    .from(events)
    .leftJoin(eventTypes, eq(eventTypes.id, events.eventTypeId))
    .leftJoin(locations, eq(locations.id, events.locationId))
    .where(inArray(column, ids))
    .orderBy(asc(events.sortOrder), asc(events.id));
  for (const e of found) {
    if (e.ownerId === null) continue;
    const row: EventRow = {
      id: e.event.id,
      title: e.event.title,
      titleAr: e.event.titleAr,
      comments: e.event.comments,
      commentsAr: e.event.commentsAr,
      fromDate: e.event.fromDate,
      toDate: e.event.toDate,
      estimated: e.event.estimated,
      type: e.type?.id ? e.type : null,
      location: e.location?.id ? (e.location as LocationRef) : null,
    };
    const list = out.get(e.ownerId);
    if (list) list.push(row);
    else out.set(e.ownerId, [row]);
  }
  return out;
}

const dateOrNull = (v: string | null | undefined) => (v ? parseDateInput(v) : null);

/** Replaces a record's events with `list` (the request's order is kept). */
export async function replaceEvents(tx: Db, owner: RecordKind, ownerId: number, list: EventInput[]): Promise<void> {
  const column = ownerColumn[owner];
  await tx.delete(events).where(eq(column, ownerId));
  if (!list.length) return;
  const ownerKey = ({ bulletin: 'bulletinId', actor: 'actorId', incident: 'incidentId' } as const)[owner];
  await tx.insert(events).values(
    list.map((e, i) => ({
      [ownerKey]: ownerId,
      title: e.title ?? '',
      titleAr: e.titleAr ?? '',
      comments: e.comments ?? '',
      commentsAr: e.commentsAr ?? '',
      eventTypeId: e.typeId ?? null,
      locationId: e.locationId ?? null,
      fromDate: dateOrNull(e.fromDate),
      toDate: dateOrNull(e.toDate),
      estimated: e.estimated ?? false,
      sortOrder: i,
    })),
  );
}

/** Field errors for event types and places that do not exist (`events.<i>.typeId`…). */
export async function eventReferenceProblems(
  db: Db,
  list: EventInput[] | undefined,
  field = 'events',
): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  if (!list?.length) return fields;
  const types = await existingIds(
    db,
    'eventTypes',
    list.flatMap((e) => (e.typeId ? [e.typeId] : [])),
  );
  const places = await existingIds(
    db,
    'locations',
    list.flatMap((e) => (e.locationId ? [e.locationId] : [])),
  );
  list.forEach((e, i) => {
    if (e.typeId && !types.has(e.typeId)) fields[`${field}.${i}.typeId`] = `unknown event type ${e.typeId}`;
    if (e.locationId && !places.has(e.locationId))
      fields[`${field}.${i}.locationId`] = `unknown location ${e.locationId}`;
  });
  return fields;
}

export function presentEvent(e: EventRow) {
  return {
    id: e.id,
    title: e.title,
    titleAr: e.titleAr,
    comments: e.comments,
    commentsAr: e.commentsAr,
    type: e.type,
    location: e.location,
    fromDate: isoOrNull(e.fromDate),
    toDate: isoOrNull(e.toDate),
    estimated: e.estimated,
  };
}
export type EventJson = ReturnType<typeof presentEvent>;

/** An event as it appears in a snapshot, back into request form (for restore). */
export function eventInputFromJson(e: EventJson): EventInput {
  return {
    title: e.title,
    titleAr: e.titleAr,
    comments: e.comments,
    commentsAr: e.commentsAr,
    typeId: e.type?.id ?? null,
    locationId: e.location?.id ?? null,
    fromDate: e.fromDate,
    toDate: e.toDate,
    estimated: e.estimated,
  };
}

/** Search-text parts of events: titles, comments, type and place in both languages. */
export function eventSearchParts(list: EventRow[]): (string | undefined)[] {
  return list.flatMap((e) => [
    e.title,
    e.titleAr,
    e.comments,
    e.commentsAr,
    e.type?.title,
    e.type?.titleAr,
    e.location?.fullName,
    e.location?.fullNameAr,
  ]);
}
