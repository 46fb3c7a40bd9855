import { z } from 'zod';
import {
  changeComment,
  dateInput,
  eventInput,
  idList,
  idSchema,
  sourceLink,
  tagList,
  trimmed,
} from '../records/records.schemas.js';
import {
  ACTOR_TYPES,
  AGES,
  CASE_STATUSES,
  CIVILIAN_STATUSES,
  COLORS,
  FACIAL_HAIR,
  familyStatus,
  HAIR_LENGTHS,
  HAIR_LOSS,
  HAIR_TYPES,
  HANDEDNESS,
  PHYSIQUES,
  PREGNANCY,
  PROFILE_MODES,
  SEXES,
  SKIN_MARKINGS,
  SMOKER,
  YES_NO_UNKNOWN,
} from './actors.options.js';

const line = trimmed(255);
const note = trimmed(5000);
const optsDetails = z.strictObject({ opts: z.enum(YES_NO_UNKNOWN).nullable(), details: note.default('') });

/** Every missing-person field of reference §2.4 (each optional; omitted = empty). */
export const missingPersonInput = z
  .strictObject({
    lastAddress: note,
    socialNetworks: z.array(z.strictObject({ platform: line, handle: line })).max(50),
    marriageHistory: note,
    pregnantAtDisappearance: z.enum(PREGNANCY).nullable(),
    monthsPregnant: z.number().int().min(0).max(10).nullable(),
    missingRelatives: z.boolean().nullable(),
    sawName: line,
    sawAddress: note,
    sawEmail: line,
    sawPhone: line,
    detainedBefore: z.enum(YES_NO_UNKNOWN).nullable(),
    seenInDetention: optsDetails.nullable(),
    injured: optsDetails.nullable(),
    knownDead: optsDetails.nullable(),
    deathDetails: note,
    personalItems: note,
    height: z.number().int().min(0).max(300).nullable(),
    weight: z.number().int().min(0).max(500).nullable(),
    physique: z.enum(PHYSIQUES).nullable(),
    hairLoss: z.enum(HAIR_LOSS).nullable(),
    hairType: z.enum(HAIR_TYPES).nullable(),
    hairLength: z.enum(HAIR_LENGTHS).nullable(),
    hairColor: z.enum(COLORS).nullable(),
    facialHair: z.enum(FACIAL_HAIR).nullable(),
    posture: note,
    skinMarkings: z
      .strictObject({ opts: z.array(z.enum(SKIN_MARKINGS)).max(SKIN_MARKINGS.length), details: note.default('') })
      .nullable(),
    handedness: z.enum(HANDEDNESS).nullable(),
    glasses: line,
    eyeColor: z.enum(COLORS).nullable(),
    distinguishingCongenital: note,
    distinguishingAcquired: note,
    physicalHabits: note,
    other: note,
    physicianNameContact: note,
    injuries: note,
    implants: note,
    malformations: note,
    pain: note,
    otherConditions: note,
    accidents: note,
    prescribedDrugs: note,
    smoker: z.enum(SMOKER).nullable(),
    dentalRecord: z.boolean().nullable(),
    dentistInfo: note,
    teethFeatures: note,
    dentalProblems: note,
    dentalTreatments: note,
    dentalHabits: note,
    caseStatus: z.enum(CASE_STATUSES).nullable(),
    reporters: z.array(z.strictObject({ name: line, contact: line, relationship: line })).max(50),
    identifiedBy: line,
    familyNotified: z.boolean().nullable(),
    hypothesisBased: note,
    hypothesisStatus: line,
    reburialLocation: note,
  })
  .partial();
export type MissingPersonInput = z.infer<typeof missingPersonInput>;

/** One profile; a given `id` keeps that profile (update replaces the whole list). */
export const profileInput = z
  .strictObject({
    id: idSchema.optional(),
    mode: z.enum(PROFILE_MODES),
    originId: line.optional(),
    description: z.string().max(200_000).optional(),
    sourceLink: sourceLink.optional(),
    publishDate: dateInput.optional(),
    documentationDate: dateInput.optional(),
    sources: idList.optional(),
    labels: idList.optional(),
    verifiedLabels: idList.optional(),
    missingPerson: missingPersonInput.nullable().optional(),
  })
  .superRefine((p, ctx) => {
    if (p.missingPerson && p.mode !== 'missing') {
      ctx.addIssue({
        code: 'custom',
        path: ['missingPerson'],
        message: 'only a missing-person profile (mode "missing") has these fields',
      });
    }
  });
export type ProfileInput = z.infer<typeof profileInput>;

export const idNumberInput = z.strictObject({
  /** vocab_terms id of kind id-number-types. */
  type: idSchema,
  /** A string, so leading zeros and 30-digit numbers are kept exactly. */
  number: trimmed(100).min(1, 'must not be empty'),
});

const fields = {
  type: z.enum(ACTOR_TYPES),
  name: line,
  nameAr: line,
  firstName: line,
  firstNameAr: line,
  middleName: line,
  middleNameAr: line,
  lastName: line,
  lastNameAr: line,
  fatherName: line,
  fatherNameAr: line,
  motherName: line,
  motherNameAr: line,
  nickname: line,
  nicknameAr: line,
  sex: z.enum(SEXES).nullable(),
  age: z.enum(AGES).nullable(),
  civilian: z.enum(CIVILIAN_STATUSES).nullable(),
  originPlace: idSchema.nullable(),
  occupation: line,
  occupationAr: line,
  position: line,
  positionAr: line,
  familyStatus: familyStatus.nullable(),
  numberOfChildren: z.number().int().min(0).max(1000).nullable(),
  ethnographies: idList,
  nationalities: idList,
  dialects: idList,
  idNumbers: z.array(idNumberInput).max(50),
  profiles: z.array(profileInput).min(1, 'an actor needs at least one profile').max(100),
  events: z.array(eventInput).max(200),
  tags: tagList,
  status: trimmed(100).min(1),
  accessGroups: idList,
  assignedTo: idSchema.nullable(),
};

const actorFields = z.strictObject(fields).partial();

export const actorCreateBody = actorFields.extend({
  type: fields.type,
  profiles: fields.profiles,
  comment: changeComment,
});

export const actorUpdateBody = actorFields.extend({ comment: changeComment });

export type ActorInput = z.infer<typeof actorCreateBody>;
export type ActorPatch = z.infer<typeof actorUpdateBody>;
