import type { Db } from '../../db/client.js';
import { Invalid } from '../../http/errors.js';
import { findUserById } from '../users/users.repo.js';
import { eventReferenceProblems } from '../records/records.events.js';
import { existingIds, labelFlags, vocabTermIds, workflowStatusExists } from './bulletins.repo.js';
import type { BulletinPatch } from './bulletins.schemas.js';

/** Checks every referenced id exists (and is the right kind) before anything is written. */
export async function validateReferences(db: Db, input: BulletinPatch): Promise<void> {
  const fields: Record<string, string> = {};
  const missing = async (field: string, table: Parameters<typeof existingIds>[1], ids: number[] | undefined) => {
    if (!ids?.length) return;
    const found = await existingIds(db, table, ids);
    const absent = ids.filter((v) => !found.has(v));
    if (absent.length) fields[field] = `unknown id ${absent.join(', ')}`;
  };

  const labelIds = [...(input.labels ?? []), ...(input.verifiedLabels ?? [])];
  if (labelIds.length) {
    const flags = await labelFlags(db, labelIds);
    const check = (field: 'labels' | 'verifiedLabels', wantVerified: boolean) => {
      for (const v of input[field] ?? []) {
        const f = flags.get(v);
        if (!f) fields[field] = `unknown label ${v}`;
        else if (f.verified !== wantVerified)
          fields[field] = `label ${v} is ${f.verified ? 'a verified' : 'an unverified'} label`;
        else if (!f.forBulletin) fields[field] = `label ${v} is not for bulletins`;
      }
    };
    check('labels', false);
    check('verifiedLabels', true);
  }
  await missing('sources', 'sources', input.sources);
  await missing('locations', 'locations', input.locations);
  await missing('accessGroups', 'groups', input.accessGroups);

  Object.assign(fields, await eventReferenceProblems(db, input.events));
  if (input.geoMarkers?.length) {
    const types = await vocabTermIds(
      db,
      'geo-location-types',
      input.geoMarkers.flatMap((g) => (g.typeId ? [g.typeId] : [])),
    );
    input.geoMarkers.forEach((g, i) => {
      if (g.typeId && !types.has(g.typeId)) fields[`geoMarkers.${i}.typeId`] = `unknown geo-location type ${g.typeId}`;
    });
  }
  if (input.status !== undefined && !(await workflowStatusExists(db, input.status))) {
    fields.status = `unknown workflow status "${input.status}"`;
  }
  if (input.assignedTo) {
    const user = await findUserById(db, input.assignedTo);
    if (!user || !user.active) fields.assignedTo = 'unknown or inactive user';
  }
  if (Object.keys(fields).length) throw new Invalid(fields);
}
