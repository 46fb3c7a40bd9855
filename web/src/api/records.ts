/** Actors, incidents, relations and revisions (issue 3): shapes and calls. */
import { api } from './client';
import type {
  BulletinEvent,
  EventInput,
  HistoryEntry,
  LocationRef,
  Page,
  PageQuery,
  TitledRef,
  UserRef,
} from './types';

export type RecordKind = 'bulletin' | 'actor' | 'incident';
export const RECORD_KINDS: RecordKind[] = ['bulletin', 'actor', 'incident'];
export const PLURAL: Record<RecordKind, 'bulletins' | 'actors' | 'incidents'> = {
  bulletin: 'bulletins',
  actor: 'actors',
  incident: 'incidents',
};

/** What the caller may do with a record, workflow actions included (server-computed). */
export type { RecordPermissions } from './workflow';
import type { RecordPermissions } from './workflow';

export interface OptsDetails {
  opts: string | null;
  details: string;
}

/** Every missing-person field of reference §2.4 (the server's `missingPersonInput`). */
export interface MissingPerson {
  lastAddress: string;
  socialNetworks: { platform: string; handle: string }[];
  marriageHistory: string;
  pregnantAtDisappearance: string | null;
  monthsPregnant: number | null;
  missingRelatives: boolean | null;
  sawName: string;
  sawAddress: string;
  sawEmail: string;
  sawPhone: string;
  detainedBefore: string | null;
  seenInDetention: OptsDetails | null;
  injured: OptsDetails | null;
  knownDead: OptsDetails | null;
  deathDetails: string;
  personalItems: string;
  height: number | null;
  weight: number | null;
  physique: string | null;
  hairLoss: string | null;
  hairType: string | null;
  hairLength: string | null;
  hairColor: string | null;
  facialHair: string | null;
  posture: string;
  skinMarkings: { opts: string[]; details: string } | null;
  handedness: string | null;
  glasses: string;
  eyeColor: string | null;
  distinguishingCongenital: string;
  distinguishingAcquired: string;
  physicalHabits: string;
  other: string;
  physicianNameContact: string;
  injuries: string;
  implants: string;
  malformations: string;
  pain: string;
  otherConditions: string;
  accidents: string;
  prescribedDrugs: string;
  smoker: string | null;
  dentalRecord: boolean | null;
  dentistInfo: string;
  teethFeatures: string;
  dentalProblems: string;
  dentalTreatments: string;
  dentalHabits: string;
  caseStatus: string | null;
  reporters: { name: string; contact: string; relationship: string }[];
  identifiedBy: string;
  familyNotified: boolean | null;
  hypothesisBased: string;
  hypothesisStatus: string;
  reburialLocation: string;
}

export type ProfileMode = 'normal' | 'main' | 'missing';

export interface ActorProfile {
  id: number;
  mode: ProfileMode;
  originId: string | null;
  description: string | null;
  sourceLink: string | null;
  publishDate: string | null;
  documentationDate: string | null;
  sources: TitledRef[];
  labels: TitledRef[];
  verifiedLabels: TitledRef[];
  missingPerson: Partial<MissingPerson> | null;
}

export const ACTOR_NAME_FIELDS = [
  'name',
  'firstName',
  'middleName',
  'lastName',
  'fatherName',
  'motherName',
  'nickname',
] as const;
export type ActorNameField = (typeof ACTOR_NAME_FIELDS)[number];
type NameFields = { [K in ActorNameField]: string | null } & { [K in `${ActorNameField}Ar`]: string | null };

interface RecordCommon {
  id: number;
  status: string;
  review: string | null;
  reviewAction: string | null;
  comments: string | null;
  createdBy: UserRef | null;
  assignedTo: UserRef | null;
  firstPeerReviewer: UserRef | null;
  secondPeerReviewer: UserRef | null;
  accessGroups: number[];
  createdAt: string;
  updatedAt: string;
  permissions: RecordPermissions;
}

export interface Actor extends RecordCommon, NameFields {
  type: 'Person' | 'Entity';
  /** Never blank: English name, else Arabic, else nickname. */
  displayName: string;
  sex: string | null;
  age: string | null;
  civilian: string | null;
  originPlace: LocationRef | null;
  occupation: string | null;
  occupationAr: string | null;
  position: string | null;
  positionAr: string | null;
  familyStatus: string | null;
  numberOfChildren: number | null;
  ethnographies: TitledRef[];
  nationalities: TitledRef[];
  dialects: TitledRef[];
  idNumbers: { type: TitledRef; number: string }[];
  profiles: ActorProfile[];
  events: BulletinEvent[];
  tags: string[];
}

export interface ProfileInput {
  id?: number;
  mode: ProfileMode;
  originId: string;
  description: string;
  sourceLink: string;
  publishDate: string | null;
  documentationDate: string | null;
  sources: number[];
  labels: number[];
  verifiedLabels: number[];
  missingPerson?: MissingPerson;
}

export type ActorInput = { [K in ActorNameField]: string } & { [K in `${ActorNameField}Ar`]: string } & {
  type: 'Person' | 'Entity';
  sex: string | null;
  age: string | null;
  civilian: string | null;
  originPlace: number | null;
  occupation: string;
  occupationAr: string;
  position: string;
  positionAr: string;
  familyStatus: string | null;
  numberOfChildren: number | null;
  ethnographies: number[];
  nationalities: number[];
  dialects: number[];
  idNumbers: { type: number; number: string }[];
  profiles: ProfileInput[];
  events: EventInput[];
  tags: string[];
  status?: string;
};
export type ActorUpdateBody = Partial<ActorInput> & { comment: string };

export interface ActorOptions {
  types: string[];
  sexes: string[];
  ages: string[];
  civilian: string[];
  familyStatuses: string[];
  profileModes: ProfileMode[];
  probabilities: { value: number; title: string }[];
  missingPerson: Record<
    | 'yesNoUnknown'
    | 'physiques'
    | 'hairLoss'
    | 'hairTypes'
    | 'hairLengths'
    | 'hairColors'
    | 'eyeColors'
    | 'facialHair'
    | 'handedness'
    | 'caseStatuses'
    | 'smoker'
    | 'skinMarkings'
    | 'pregnancy',
    string[]
  >;
}

export interface Incident extends RecordCommon {
  title: string;
  titleAr: string | null;
  description: string | null;
  potentialViolations: TitledRef[];
  claimedViolations: TitledRef[];
  labels: TitledRef[];
  locations: LocationRef[];
  events: BulletinEvent[];
}

export interface IncidentInput {
  title: string;
  titleAr: string;
  description: string;
  potentialViolations: number[];
  claimedViolations: number[];
  labels: number[];
  locations: number[];
  events: EventInput[];
  status?: string;
}
export type IncidentUpdateBody = Partial<IncidentInput> & { comment: string };

// --- relations ---

export type Probability = 0 | 1 | 2;

export interface RelatedItem {
  kind: RecordKind;
  id: number;
  title: string;
  titleAr: string | null;
  /** Type titles as read from the page the list was asked from. */
  types: TitledRef[];
  probability: Probability;
  comment: string;
  reverse: boolean;
  restricted: boolean;
  updatedAt: string;
}

export interface RelationBody {
  kind: RecordKind;
  id: number;
  types: number[];
  probability: Probability;
  comment: string;
  reverse?: boolean;
}

export interface RelationType {
  id: number;
  pair: string;
  title: string;
  reverseTitle: string;
  titleAr: string;
  reverseTitleAr: string;
}

export type RelationGroups = { bulletins: Page<RelatedItem>; actors: Page<RelatedItem>; incidents: Page<RelatedItem> };

// --- history ---

export interface FieldChange {
  path: string;
  old?: unknown;
  new?: unknown;
}

export interface RevisionDiff {
  from: HistoryEntry;
  to: HistoryEntry;
  changes: FieldChange[];
}

export interface RestoreResult<T = unknown> {
  record: T;
  restoredFrom: number;
  revision: HistoryEntry | null;
  notRestored: string[];
  message: string;
}

export const actorsApi = {
  list: (query: PageQuery & { q?: string }) => api.get<Page<Actor>>('/actors', { ...query }),
  options: () => api.get<ActorOptions>('/actors/options'),
  get: (id: number) => api.get<Actor>(`/actors/${id}`),
  create: (body: ActorInput & { comment: string }) => api.post<Actor>('/actors', body),
  update: (id: number, body: ActorUpdateBody) => api.post<Actor>(`/actors/${id}/update`, body),
  remove: (id: number, comment: string) => api.post<unknown>(`/actors/${id}/delete`, { comment }),
};

export const incidentsApi = {
  list: (query: PageQuery & { q?: string }) => api.get<Page<Incident>>('/incidents', { ...query }),
  get: (id: number) => api.get<Incident>(`/incidents/${id}`),
  create: (body: IncidentInput & { comment: string }) => api.post<Incident>('/incidents', body),
  update: (id: number, body: IncidentUpdateBody) => api.post<Incident>(`/incidents/${id}/update`, body),
  remove: (id: number, comment: string) => api.post<unknown>(`/incidents/${id}/delete`, { comment }),
};

export const relationsApi = {
  all: (kind: RecordKind, id: number, limit: number) =>
    api.get<RelationGroups>(`/${PLURAL[kind]}/${id}/relations`, { limit }),
  page: (kind: RecordKind, id: number, other: RecordKind, query: PageQuery) =>
    api.get<Page<RelatedItem>>(`/${PLURAL[kind]}/${id}/relations`, { kind: other, ...query }),
  save: (kind: RecordKind, id: number, body: RelationBody) =>
    api.post<RelatedItem>(`/${PLURAL[kind]}/${id}/relations`, body),
  remove: (kind: RecordKind, id: number, body: { kind: RecordKind; id: number; comment?: string }) =>
    api.post<{ removed: boolean }>(`/${PLURAL[kind]}/${id}/relations/remove`, body),
  types: (pair: string) => api.get<Page<RelationType>>('/relation-types', { pair, limit: 200 }),
};

export const historyApi = {
  list: (kind: RecordKind, id: number) => api.get<{ items: HistoryEntry[] }>(`/${PLURAL[kind]}/${id}/history`),
  diff: (kind: RecordKind, id: number, from: number, to: number) =>
    api.get<RevisionDiff>(`/${PLURAL[kind]}/${id}/history/diff`, { from, to }),
  restore: (kind: RecordKind, id: number, revisionId: number, comment: string) =>
    api.post<RestoreResult>(`/${PLURAL[kind]}/${id}/history/${revisionId}/restore`, { comment }),
};

/** A search result of another record kind, shaped for a picker. */
export interface RecordHit {
  id: number;
  title: string;
  titleAr: string | null;
}

export async function searchRecords(kind: RecordKind, q: string): Promise<RecordHit[]> {
  const page = await api.get<Page<Record<string, unknown>>>(`/${PLURAL[kind]}`, {
    q: q || undefined,
    limit: 20,
    count: 'none',
  });
  return page.items.map((r) => {
    const id = r.id as number;
    if (kind === 'actor') {
      const display = (r.displayName as string) || `#${id}`;
      return { id, title: display, titleAr: (r.nameAr as string | null) || null };
    }
    return {
      id,
      title: (r.title as string) || (r.titleAr as string) || `#${id}`,
      titleAr: (r.titleAr as string | null) || null,
    };
  });
}
