import type { Db } from '../../db/client.js';
import { Invalid, NotFound } from '../../http/errors.js';
import { changedFields, withPatch } from '../../lib/changes.js';
import { searchTextOf } from '../../lib/normalize.js';
import { assertValidParent } from '../../lib/tree.js';
import { assertUnused } from '../../lib/usage.js';
import { recordVocabularyUsage } from '../records/records.usage.js';
import { pageOf } from '../../lib/vocabList.js';
import { appendActivity } from '../activity/activity.repo.js';
import { performerFields, type Performer } from '../users/users.service.js';
import { rebuildLocationSubtree } from './locations.names.js';
import { presentLocations } from './locations.presenter.js';
import {
  countLocations,
  deleteLocationRow,
  existingTermIds,
  findLocation,
  findLocationWithTerms,
  insertLocation,
  listLocationRows,
  locationUsage,
  updateLocationRow,
  type LocationRow,
} from './locations.repo.js';
import type { LocationInput, LocationJson, LocationListQuery, LocationPatch } from './locations.schemas.js';

export async function listLocations(
  db: Db,
  q: LocationListQuery,
): Promise<{ items: LocationJson[]; nextCursor: string | null; total: number | null }> {
  const [fetched, total] = await Promise.all([
    listLocationRows(db, q),
    q.count === 'none' ? null : countLocations(db, q),
  ]);
  const page = pageOf(
    fetched.map((r) => ({ ...r, id: r.location.id })),
    q.limit,
  );
  return { items: await presentLocations(db, page.rows), nextCursor: page.nextCursor, total };
}

export async function getLocation(db: Db, id: number): Promise<LocationJson> {
  const row = await findLocationWithTerms(db, id);
  if (!row) throw new NotFound('Location not found.');
  const [json] = await presentLocations(db, [row]);
  return json!;
}

async function mustFind(db: Db, id: number): Promise<LocationRow> {
  const row = await findLocation(db, id);
  if (!row) throw new NotFound('Location not found.');
  return row;
}

/** Coordinates come as a pair; admin level, type and country must be terms of their lists. */
async function assertValidFields(
  db: Db,
  v: {
    lat: number | null;
    lng: number | null;
    adminLevelId: number | null;
    locationTypeId: number | null;
    countryId: number | null;
  },
): Promise<void> {
  const fields: Record<string, string> = {};
  if ((v.lat === null) !== (v.lng === null))
    fields[v.lat === null ? 'lat' : 'lng'] = 'give both latitude and longitude, or neither';
  const refs: [keyof typeof v, string, number | null][] = [
    ['adminLevelId', 'location-admin-levels', v.adminLevelId],
    ['locationTypeId', 'location-types', v.locationTypeId],
    ['countryId', 'countries', v.countryId],
  ];
  for (const [field, kind, id] of refs) {
    if (id !== null && !(await existingTermIds(db, kind, [id])).has(id)) fields[field] = `no such term in ${kind}`;
  }
  if (Object.keys(fields).length) throw new Invalid(fields);
}

export async function createLocation(db: Db, by: Performer, input: LocationInput): Promise<LocationJson> {
  const id = await db.transaction(async (tx) => {
    const values = {
      ...input,
      parentId: input.parentId ?? null,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      adminLevelId: input.adminLevelId ?? null,
      locationTypeId: input.locationTypeId ?? null,
      countryId: input.countryId ?? null,
    };
    await assertValidParent(tx, 'locations', null, values.parentId);
    await assertValidFields(tx, values);
    const row = await insertLocation(tx, { ...values, searchText: searchTextOf([input.title, input.titleAr]) });
    await rebuildLocationSubtree(tx, row.id);
    await appendActivity(tx, {
      ...performerFields(by),
      action: 'CREATE',
      kind: 'location',
      recordId: row.id,
      details: { title: row.title, parentId: row.parentId },
    });
    return row.id;
  });
  return getLocation(db, id);
}

export async function updateLocation(db: Db, by: Performer, id: number, patch: LocationPatch): Promise<LocationJson> {
  await db.transaction(async (tx) => {
    const before = await mustFind(tx, id);
    const next = withPatch(before, patch);
    if (patch.parentId !== undefined) await assertValidParent(tx, 'locations', id, patch.parentId);
    await assertValidFields(tx, next);
    const changes = changedFields(before, patch);
    if (Object.keys(changes).length === 0) return;
    await updateLocationRow(tx, id, { ...patch, searchText: searchTextOf([next.title, next.titleAr]) });
    if (changes.title || changes.titleAr || changes.parentId) await rebuildLocationSubtree(tx, id);
    await appendActivity(tx, {
      ...performerFields(by),
      action: 'UPDATE',
      kind: 'location',
      recordId: id,
      details: { changes },
    });
  });
  return getLocation(db, id);
}

export async function deleteLocation(db: Db, by: Performer, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await mustFind(tx, id);
    await assertUnused(tx, 'location', [...locationUsage(id), ...recordVocabularyUsage.location(id)]);
    await deleteLocationRow(tx, id);
    await appendActivity(tx, {
      ...performerFields(by),
      action: 'DELETE',
      kind: 'location',
      recordId: id,
      details: { title: before.title, fullName: before.fullName },
    });
  });
}
