/** Conversions between an Actor record, the editable form model and the API input. */
import type { Label, Location, Source, TitledRef } from '../api/types';
import {
  ACTOR_NAME_FIELDS,
  type Actor,
  type ActorInput,
  type ActorProfile,
  type ActorUpdateBody,
  type MissingPerson,
  type ProfileInput,
  type ProfileMode,
} from '../api/records';
import { nextKey, type EventModel, type Picked } from './bulletinInput';
import { toDateInput } from './dates';
import { diffFields, eventInputs, eventModels } from './recordEvents';

export type NumberField = number | string | null;

/** Missing-person fields as edited: numbers may be text while typed. */
export type MissingPersonModel = Omit<
  MissingPerson,
  'height' | 'weight' | 'monthsPregnant' | 'seenInDetention' | 'injured' | 'knownDead' | 'skinMarkings'
> & {
  height: NumberField;
  weight: NumberField;
  monthsPregnant: NumberField;
  seenInDetention: { opts: string | null; details: string };
  injured: { opts: string | null; details: string };
  knownDead: { opts: string | null; details: string };
  skinMarkings: { opts: string[]; details: string };
};

export interface ProfileModel {
  key: number;
  id?: number;
  mode: ProfileMode;
  originId: string;
  description: string;
  sourceLink: string;
  publishDate: string | null;
  documentationDate: string | null;
  sources: Picked<Source>[];
  labels: Picked<Label>[];
  verifiedLabels: Picked<Label>[];
  missingPerson: MissingPersonModel;
}

export interface IdNumberModel {
  key: number;
  type: TitledRef | null;
  number: string;
}

type Names = { [K in (typeof ACTOR_NAME_FIELDS)[number]]: string } & {
  [K in `${(typeof ACTOR_NAME_FIELDS)[number]}Ar`]: string;
};

export type ActorModel = Names & {
  type: 'Person' | 'Entity';
  sex: string | null;
  age: string | null;
  civilian: string | null;
  originPlace: Picked<Location> | null;
  occupation: string;
  occupationAr: string;
  position: string;
  positionAr: string;
  familyStatus: string | null;
  numberOfChildren: NumberField;
  ethnographies: TitledRef[];
  nationalities: TitledRef[];
  dialects: TitledRef[];
  idNumbers: IdNumberModel[];
  profiles: ProfileModel[];
  events: EventModel[];
  tags: string[];
  status: string | null;
};

export function emptyMissingPerson(): MissingPersonModel {
  return {
    lastAddress: '',
    socialNetworks: [],
    marriageHistory: '',
    pregnantAtDisappearance: null,
    monthsPregnant: null,
    missingRelatives: null,
    sawName: '',
    sawAddress: '',
    sawEmail: '',
    sawPhone: '',
    detainedBefore: null,
    seenInDetention: { opts: null, details: '' },
    injured: { opts: null, details: '' },
    knownDead: { opts: null, details: '' },
    deathDetails: '',
    personalItems: '',
    height: null,
    weight: null,
    physique: null,
    hairLoss: null,
    hairType: null,
    hairLength: null,
    hairColor: null,
    facialHair: null,
    posture: '',
    skinMarkings: { opts: [], details: '' },
    handedness: null,
    glasses: '',
    eyeColor: null,
    distinguishingCongenital: '',
    distinguishingAcquired: '',
    physicalHabits: '',
    other: '',
    physicianNameContact: '',
    injuries: '',
    implants: '',
    malformations: '',
    pain: '',
    otherConditions: '',
    accidents: '',
    prescribedDrugs: '',
    smoker: null,
    dentalRecord: null,
    dentistInfo: '',
    teethFeatures: '',
    dentalProblems: '',
    dentalTreatments: '',
    dentalHabits: '',
    caseStatus: null,
    reporters: [],
    identifiedBy: '',
    familyNotified: null,
    hypothesisBased: '',
    hypothesisStatus: '',
    reburialLocation: '',
  };
}

export function emptyProfile(mode: ProfileMode = 'normal'): ProfileModel {
  return {
    key: nextKey(),
    mode,
    originId: '',
    description: '',
    sourceLink: '',
    publishDate: null,
    documentationDate: null,
    sources: [],
    labels: [],
    verifiedLabels: [],
    missingPerson: emptyMissingPerson(),
  };
}

export function emptyIdNumber(): IdNumberModel {
  return { key: nextKey(), type: null, number: '' };
}

export function emptyActorModel(): ActorModel {
  const names = Object.fromEntries(
    ACTOR_NAME_FIELDS.flatMap((f) => [
      [f, ''],
      [`${f}Ar`, ''],
    ]),
  ) as Names;
  return {
    ...names,
    type: 'Person',
    sex: null,
    age: null,
    civilian: null,
    originPlace: null,
    occupation: '',
    occupationAr: '',
    position: '',
    positionAr: '',
    familyStatus: null,
    numberOfChildren: null,
    ethnographies: [],
    nationalities: [],
    dialects: [],
    idNumbers: [],
    profiles: [emptyProfile()],
    events: [],
    tags: [],
    status: null,
  };
}

const titled = (r: TitledRef): TitledRef => ({ id: r.id, title: r.title, titleAr: r.titleAr });

/** Copies only the known missing-person keys over the empty model (server rows may carry more). */
export function missingPersonModel(m: Partial<MissingPerson> | null | undefined): MissingPersonModel {
  const out = emptyMissingPerson();
  if (!m) return out;
  const target = out as unknown as Record<string, unknown>;
  for (const key of Object.keys(out)) {
    const v = (m as Record<string, unknown>)[key];
    if (v === undefined || v === null) continue;
    target[key] = typeof v === 'object' ? JSON.parse(JSON.stringify(v)) : v;
  }
  if (!Array.isArray(out.skinMarkings.opts)) out.skinMarkings.opts = [];
  return out;
}

function profileModel(p: ActorProfile): ProfileModel {
  return {
    key: nextKey(),
    id: p.id,
    mode: p.mode,
    originId: p.originId ?? '',
    description: p.description ?? '',
    sourceLink: p.sourceLink ?? '',
    publishDate: toDateInput(p.publishDate),
    documentationDate: toDateInput(p.documentationDate),
    sources: (p.sources ?? []).map(titled),
    labels: (p.labels ?? []).map(titled),
    verifiedLabels: (p.verifiedLabels ?? []).map(titled),
    missingPerson: missingPersonModel(p.missingPerson),
  };
}

export function modelFromActor(a: Actor): ActorModel {
  const names = Object.fromEntries(
    ACTOR_NAME_FIELDS.flatMap((f) => [
      [f, a[f] ?? ''],
      [`${f}Ar`, a[`${f}Ar`] ?? ''],
    ]),
  ) as Names;
  return {
    ...names,
    type: a.type,
    sex: a.sex ?? null,
    age: a.age ?? null,
    civilian: a.civilian ?? null,
    originPlace: a.originPlace
      ? { ...titled(a.originPlace), fullName: a.originPlace.fullName, fullNameAr: a.originPlace.fullNameAr }
      : null,
    occupation: a.occupation ?? '',
    occupationAr: a.occupationAr ?? '',
    position: a.position ?? '',
    positionAr: a.positionAr ?? '',
    familyStatus: a.familyStatus ?? null,
    numberOfChildren: a.numberOfChildren ?? null,
    ethnographies: (a.ethnographies ?? []).map(titled),
    nationalities: (a.nationalities ?? []).map(titled),
    dialects: (a.dialects ?? []).map(titled),
    idNumbers: (a.idNumbers ?? []).map((n) => ({
      key: nextKey(),
      type: n.type ? titled(n.type) : null,
      number: n.number,
    })),
    profiles: a.profiles.length ? a.profiles.map(profileModel) : [emptyProfile()],
    events: eventModels(a.events),
    tags: [...(a.tags ?? [])],
    status: a.status ?? null,
  };
}

/** A typed number: '' → null, otherwise a Number (NaN stays NaN so the server names the field). */
export function toOptionalNumber(v: NumberField): number | null {
  if (v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const s = v.trim();
  return s === '' ? null : Number(s);
}

const optsOrNull = (o: { opts: string | null; details: string }) =>
  o.opts === null && o.details.trim() === '' ? null : { opts: o.opts, details: o.details.trim() };

export function missingPersonInput(m: MissingPersonModel): MissingPerson {
  const trimmedStrings = Object.fromEntries(
    Object.entries(m).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]),
  ) as unknown as MissingPersonModel;
  return {
    ...trimmedStrings,
    height: toOptionalNumber(m.height),
    weight: toOptionalNumber(m.weight),
    monthsPregnant: toOptionalNumber(m.monthsPregnant),
    seenInDetention: optsOrNull(m.seenInDetention),
    injured: optsOrNull(m.injured),
    knownDead: optsOrNull(m.knownDead),
    skinMarkings:
      m.skinMarkings.opts.length === 0 && m.skinMarkings.details.trim() === ''
        ? null
        : { opts: [...m.skinMarkings.opts], details: m.skinMarkings.details.trim() },
    socialNetworks: m.socialNetworks
      .map((s) => ({ platform: s.platform.trim(), handle: s.handle.trim() }))
      .filter((s) => s.platform || s.handle),
    reporters: m.reporters
      .map((r) => ({ name: r.name.trim(), contact: r.contact.trim(), relationship: r.relationship.trim() }))
      .filter((r) => r.name || r.contact || r.relationship),
  };
}

const emptyToNull = (v: string | null): string | null => (v ? v : null);

function profileInput(p: ProfileModel): ProfileInput {
  const out: ProfileInput = {
    mode: p.mode,
    originId: p.originId.trim(),
    description: p.description,
    sourceLink: p.sourceLink.trim(),
    publishDate: emptyToNull(p.publishDate),
    documentationDate: emptyToNull(p.documentationDate),
    sources: p.sources.map((x) => x.id),
    labels: p.labels.map((x) => x.id),
    verifiedLabels: p.verifiedLabels.map((x) => x.id),
  };
  if (p.id !== undefined) out.id = p.id;
  if (p.mode === 'missing') out.missingPerson = missingPersonInput(p.missingPerson);
  return out;
}

/** Name fields a type shows: an entity has only its name; a person has the parts. */
export function nameFieldsFor(type: 'Person' | 'Entity'): readonly (typeof ACTOR_NAME_FIELDS)[number][] {
  return type === 'Entity'
    ? ['name', 'nickname']
    : ['firstName', 'middleName', 'lastName', 'fatherName', 'motherName', 'nickname'];
}

export function actorInputFromModel(m: ActorModel): ActorInput {
  const names = Object.fromEntries(
    ACTOR_NAME_FIELDS.flatMap((f) => [
      [f, m[f].trim()],
      [`${f}Ar`, m[`${f}Ar`].trim()],
    ]),
  ) as Names;
  const input: ActorInput = {
    ...names,
    type: m.type,
    sex: m.sex || null,
    age: m.age || null,
    civilian: m.civilian || null,
    originPlace: m.originPlace?.id ?? null,
    occupation: m.occupation.trim(),
    occupationAr: m.occupationAr.trim(),
    position: m.position.trim(),
    positionAr: m.positionAr.trim(),
    familyStatus: m.familyStatus || null,
    numberOfChildren: toOptionalNumber(m.numberOfChildren),
    ethnographies: m.ethnographies.map((x) => x.id),
    nationalities: m.nationalities.map((x) => x.id),
    dialects: m.dialects.map((x) => x.id),
    // Kept as text: leading zeros and long numbers stay exactly as typed (only trimmed).
    idNumbers: m.idNumbers
      .filter((n) => n.type !== null || n.number.trim() !== '')
      .map((n) => ({ type: n.type?.id ?? 0, number: n.number.trim() })),
    profiles: m.profiles.map(profileInput),
    events: eventInputs(m.events),
    tags: m.tags.map((t) => t.trim()).filter((t) => t !== ''),
  };
  if (m.status) input.status = m.status;
  return input;
}

const ACTOR_SETS = new Set(['ethnographies', 'nationalities', 'dialects']);

/** Update body: only changed fields (profiles, when changed, go whole — with their ids). */
export function diffActorInput(prev: ActorInput, next: ActorInput, comment: string): ActorUpdateBody {
  return { ...diffFields(prev, next, ACTOR_SETS), comment };
}

/** Client-side checks (message keys); the server has the last word. */
export function validateActor(input: ActorInput, comment: string): Record<string, string> {
  const errors: Record<string, string> = {};
  const anyName = ACTOR_NAME_FIELDS.filter((f) => f !== 'nickname' && f !== 'fatherName' && f !== 'motherName').some(
    (f) => input[f] || input[`${f}Ar`],
  );
  if (!anyName) errors.name = 'actor.errors.nameRequired';
  if (input.profiles.length === 0) errors.profiles = 'actor.errors.profileRequired';
  input.idNumbers.forEach((n, i) => {
    if (!n.type) errors[`idNumbers.${i}.type`] = 'errors.required';
    if (!n.number) errors[`idNumbers.${i}.number`] = 'errors.required';
  });
  input.events.forEach((e, i) => {
    if (e.fromDate && e.toDate && e.toDate < e.fromDate) errors[`events.${i}.toDate`] = 'errors.dateOrder';
  });
  if (!comment.trim()) errors.comment = 'errors.required';
  return errors;
}
