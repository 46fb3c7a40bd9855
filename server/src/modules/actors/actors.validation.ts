import type { Db } from '../../db/client.js';
import { Invalid } from '../../http/errors.js';
import { eventReferenceProblems } from '../records/records.events.js';
import {
  labelProblems,
  missingIdsProblem,
  vocabProblem,
  vocabTermIds,
  workflowProblems,
} from '../records/records.refs.js';
import { actorNames, type ActorNameParts } from './actors.names.js';
import type { ActorPatch } from './actors.schemas.js';

const NAME_KEYS = [
  'name',
  'nameAr',
  'firstName',
  'firstNameAr',
  'middleName',
  'middleNameAr',
  'lastName',
  'lastNameAr',
] as const;

/** The name parts an actor will have after `patch` is applied to `current` (empty for a new actor). */
export function mergedNameParts(current: ActorNameParts | null, patch: ActorPatch & { type?: string }): ActorNameParts {
  const base: ActorNameParts = current ?? {
    type: 'Person',
    name: '',
    nameAr: '',
    firstName: '',
    firstNameAr: '',
    middleName: '',
    middleNameAr: '',
    lastName: '',
    lastNameAr: '',
  };
  const out: ActorNameParts = { ...base, type: patch.type ?? base.type };
  for (const key of NAME_KEYS) {
    const v = patch[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** An entity needs a name; a person needs at least one name part (or a full name) in either language. */
function nameProblem(parts: ActorNameParts): string | null {
  const { name, nameAr } = actorNames(parts);
  if (name || nameAr) return null;
  return parts.type === 'Entity'
    ? 'an entity needs a name in English or Arabic'
    : 'a person needs a first, middle or last name (English or Arabic)';
}

/**
 * Checks names and every referenced id (right kind, still existing) before anything is
 * written. `ownProfileIds` are the actor's current profile ids (empty on create).
 */
export async function validateActor(
  db: Db,
  input: ActorPatch & { type?: string },
  names: ActorNameParts,
  ownProfileIds: Set<number>,
): Promise<void> {
  const fields: Record<string, string> = {};
  const touchesNames = input.type !== undefined || NAME_KEYS.some((k) => input[k] !== undefined);
  const problem = touchesNames ? nameProblem(names) : null;
  if (problem) fields.name = problem;

  if (input.originPlace) await missingIdsProblem(db, fields, 'originPlace', 'locations', [input.originPlace]);
  await vocabProblem(db, fields, 'ethnographies', 'ethnographies', input.ethnographies);
  await vocabProblem(db, fields, 'nationalities', 'countries', input.nationalities);
  await vocabProblem(db, fields, 'dialects', 'dialects', input.dialects);
  await missingIdsProblem(db, fields, 'accessGroups', 'groups', input.accessGroups);
  const numberTypes = await vocabTermIds(
    db,
    'id-number-types',
    (input.idNumbers ?? []).map((n) => n.type),
  );
  input.idNumbers?.forEach((n, i) => {
    if (!numberTypes.has(n.type)) fields[`idNumbers.${i}.type`] = `unknown id-number type ${n.type}`;
  });
  for (const [i, p] of (input.profiles ?? []).entries()) {
    if (p.id !== undefined && !ownProfileIds.has(p.id))
      fields[`profiles.${i}.id`] = `profile ${p.id} is not a profile of this actor`;
    await missingIdsProblem(db, fields, `profiles.${i}.sources`, 'sources', p.sources);
    await labelProblems(db, fields, 'actor', [
      { field: `profiles.${i}.labels`, ids: p.labels, verified: false },
      { field: `profiles.${i}.verifiedLabels`, ids: p.verifiedLabels, verified: true },
    ]);
  }
  const seen = new Set<number>();
  for (const [i, p] of (input.profiles ?? []).entries()) {
    if (p.id === undefined) continue;
    if (seen.has(p.id)) fields[`profiles.${i}.id`] = `profile ${p.id} is listed twice`;
    seen.add(p.id);
  }
  Object.assign(fields, await eventReferenceProblems(db, input.events));
  await workflowProblems(db, fields, input);
  if (Object.keys(fields).length) throw new Invalid(fields);
}
