/** Layout of the missing-person fields (reference §2.4), shared by the editor and the view. */
import type { ActorOptions } from '../api/records';

export type MpOptionList = keyof ActorOptions['missingPerson'];

export type MpField =
  | { name: string; kind: 'text' | 'note' | 'number' | 'bool' }
  | { name: string; kind: 'select' | 'opts'; options: MpOptionList }
  | { name: string; kind: 'multi'; options: MpOptionList }
  | { name: 'socialNetworks'; kind: 'social' }
  | { name: 'reporters'; kind: 'reporters' };

export interface MpSection {
  key: string;
  fields: MpField[];
}

export const MISSING_PERSON_SECTIONS: MpSection[] = [
  {
    key: 'disappearance',
    fields: [
      { name: 'lastAddress', kind: 'note' },
      { name: 'marriageHistory', kind: 'note' },
      { name: 'pregnantAtDisappearance', kind: 'select', options: 'pregnancy' },
      { name: 'monthsPregnant', kind: 'number' },
      { name: 'missingRelatives', kind: 'bool' },
      { name: 'socialNetworks', kind: 'social' },
    ],
  },
  {
    key: 'lastSeen',
    fields: [
      { name: 'sawName', kind: 'text' },
      { name: 'sawAddress', kind: 'note' },
      { name: 'sawEmail', kind: 'text' },
      { name: 'sawPhone', kind: 'text' },
    ],
  },
  {
    key: 'detention',
    fields: [
      { name: 'detainedBefore', kind: 'select', options: 'yesNoUnknown' },
      { name: 'seenInDetention', kind: 'opts', options: 'yesNoUnknown' },
      { name: 'injured', kind: 'opts', options: 'yesNoUnknown' },
      { name: 'knownDead', kind: 'opts', options: 'yesNoUnknown' },
      { name: 'deathDetails', kind: 'note' },
      { name: 'personalItems', kind: 'note' },
    ],
  },
  {
    key: 'physical',
    fields: [
      { name: 'height', kind: 'number' },
      { name: 'weight', kind: 'number' },
      { name: 'physique', kind: 'select', options: 'physiques' },
      { name: 'hairLoss', kind: 'select', options: 'hairLoss' },
      { name: 'hairType', kind: 'select', options: 'hairTypes' },
      { name: 'hairLength', kind: 'select', options: 'hairLengths' },
      { name: 'hairColor', kind: 'select', options: 'hairColors' },
      { name: 'facialHair', kind: 'select', options: 'facialHair' },
      { name: 'eyeColor', kind: 'select', options: 'eyeColors' },
      { name: 'handedness', kind: 'select', options: 'handedness' },
      { name: 'glasses', kind: 'text' },
      { name: 'posture', kind: 'note' },
      { name: 'skinMarkings', kind: 'multi', options: 'skinMarkings' },
      { name: 'distinguishingCongenital', kind: 'note' },
      { name: 'distinguishingAcquired', kind: 'note' },
      { name: 'physicalHabits', kind: 'note' },
      { name: 'other', kind: 'note' },
    ],
  },
  {
    key: 'medical',
    fields: [
      { name: 'physicianNameContact', kind: 'note' },
      { name: 'injuries', kind: 'note' },
      { name: 'implants', kind: 'note' },
      { name: 'malformations', kind: 'note' },
      { name: 'pain', kind: 'note' },
      { name: 'otherConditions', kind: 'note' },
      { name: 'accidents', kind: 'note' },
      { name: 'prescribedDrugs', kind: 'note' },
      { name: 'smoker', kind: 'select', options: 'smoker' },
    ],
  },
  {
    key: 'dental',
    fields: [
      { name: 'dentalRecord', kind: 'bool' },
      { name: 'dentistInfo', kind: 'note' },
      { name: 'teethFeatures', kind: 'note' },
      { name: 'dentalProblems', kind: 'note' },
      { name: 'dentalTreatments', kind: 'note' },
      { name: 'dentalHabits', kind: 'note' },
    ],
  },
  {
    key: 'case',
    fields: [
      { name: 'caseStatus', kind: 'select', options: 'caseStatuses' },
      { name: 'reporters', kind: 'reporters' },
      { name: 'identifiedBy', kind: 'text' },
      { name: 'familyNotified', kind: 'bool' },
      { name: 'hypothesisBased', kind: 'note' },
      { name: 'hypothesisStatus', kind: 'text' },
      { name: 'reburialLocation', kind: 'note' },
    ],
  },
];

/** `lastAddress` → `last-address` (test ids). */
export const kebab = (s: string): string => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** i18n key of a fixed option value ("Non-Civilian" → "opt.NonCivilian"). */
export const optionKey = (value: string): string => `opt.${value.replace(/[^A-Za-z0-9]/g, '')}`;
