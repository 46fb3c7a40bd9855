import { z } from 'zod';

/** The hard-coded option lists of reference §2.6, as the API accepts them. */
export const ACTOR_TYPES = ['Person', 'Entity'] as const;
export const SEXES = ['Male', 'Female'] as const;
export const AGES = ['Minor', 'Adult', 'Unknown'] as const;
export const CIVILIAN_STATUSES = ['Unknown', 'Civilian', 'Non-Civilian', 'Police', 'Other Security Forces'] as const;
export const FAMILY_STATUSES = ['Single', 'Married', 'Separated', 'Divorced', 'Widowed'] as const;
export const PROFILE_MODES = ['normal', 'main', 'missing'] as const;

export const YES_NO_UNKNOWN = ['Yes', 'No', 'Unknown'] as const;
export const PHYSIQUES = ['Very Thin', 'Thin', 'Average', 'Muscular', 'Overweight', 'Obese'] as const;
export const HAIR_LOSS = ['Full', 'Bald', 'Partial hair loss'] as const;
export const HAIR_TYPES = ['Straight', 'Wavy', 'Curly', 'Very curly'] as const;
export const HAIR_LENGTHS = ['Very short', 'Short', 'Medium', 'Long', 'Very long'] as const;
/** Bayanat uses one list for hair and eye colour. */
export const COLORS = ['Black', 'Brown', 'Blonde', 'Red', 'Grey', 'Turning grey', 'Other'] as const;
export const FACIAL_HAIR = ['None', 'Beard', 'Moustache', 'Beard and moustache', 'Goatee', 'Whiskers'] as const;
export const HANDEDNESS = ['Right', 'Left', 'Both Hands', 'Unknown'] as const;
export const CASE_STATUSES = ['Missing', 'Identified'] as const;
export const SMOKER = ['Yes', 'No', 'Unknown', 'Question Not Asked'] as const;
export const SKIN_MARKINGS = ['Scar', 'Tattoo', 'Piercing', 'Mole', 'Birthmarks', 'Cuts'] as const;
export const PREGNANCY = [
  'Pregnant',
  'Not Pregnant',
  'Unknown',
  'Not Applicable',
  'The Question Was Not Asked',
] as const;

/** Bayanat spells one family status "Seperated"; imported data may carry it. */
export const familyStatus = z.preprocess((v) => (v === 'Seperated' ? 'Separated' : v), z.enum(FAMILY_STATUSES));

/** Every option list, for the UI (GET /api/actors/options). */
export const ACTOR_OPTIONS = {
  types: ACTOR_TYPES,
  sexes: SEXES,
  ages: AGES,
  civilian: CIVILIAN_STATUSES,
  familyStatuses: FAMILY_STATUSES,
  profileModes: PROFILE_MODES,
  probabilities: [
    { value: 0, title: 'Maybe' },
    { value: 1, title: 'Likely' },
    { value: 2, title: 'Certain' },
  ],
  missingPerson: {
    yesNoUnknown: YES_NO_UNKNOWN,
    physiques: PHYSIQUES,
    hairLoss: HAIR_LOSS,
    hairTypes: HAIR_TYPES,
    hairLengths: HAIR_LENGTHS,
    hairColors: COLORS,
    eyeColors: COLORS,
    facialHair: FACIAL_HAIR,
    handedness: HANDEDNESS,
    caseStatuses: CASE_STATUSES,
    smoker: SMOKER,
    skinMarkings: SKIN_MARKINGS,
    pregnancy: PREGNANCY,
  },
} as const;
