/** Shapes of the public API (see /work/shared/design/API.md). */

export type Role = 'Admin' | 'Moderator' | 'DA';

export interface UserPermissions {
  viewUsernames: boolean;
  viewSimpleHistory: boolean;
  viewFullHistory: boolean;
  canSelfAssign: boolean;
  canEditLocations: boolean;
  canExport: boolean;
  canImportWeb: boolean;
  canAccessMedia: boolean;
}

export interface User {
  id: number;
  username: string;
  name: string;
  roles: Role[];
  groups: { id: number; name: string }[];
  permissions: UserPermissions;
  mustChangePassword: boolean;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number | null;
}

export interface PageQuery {
  limit?: number;
  cursor?: string | null;
}

export interface UserRef {
  id: number;
  name: string;
}

export interface TitledRef {
  id: number;
  title: string;
  titleAr: string | null;
}

export interface LocationRef extends TitledRef {
  fullName: string | null;
  fullNameAr: string | null;
  lat?: number | null;
  lng?: number | null;
}

export interface BulletinEvent {
  id: number;
  title: string | null;
  titleAr: string | null;
  comments: string | null;
  type: TitledRef | null;
  location: LocationRef | null;
  fromDate: string | null;
  toDate: string | null;
  estimated: boolean;
}

export interface GeoMarker {
  id: number;
  title: string | null;
  type: TitledRef | null;
  main: boolean;
  lat: number;
  lng: number;
  comment: string | null;
}

export interface Bulletin {
  id: number;
  title: string;
  titleAr: string | null;
  analystTitle: string | null;
  analystTitleAr: string | null;
  /** Sanitised HTML from the server. */
  description: string | null;
  sourceLink: string | null;
  publishDate: string | null;
  documentationDate: string | null;
  originId: string | null;
  tags: string[];
  status: string;
  review: string | null;
  reviewAction: string | null;
  comments: string | null;
  createdBy: UserRef | null;
  assignedTo: UserRef | null;
  firstPeerReviewer: UserRef | null;
  secondPeerReviewer: UserRef | null;
  labels: TitledRef[];
  verifiedLabels: TitledRef[];
  sources: TitledRef[];
  locations: LocationRef[];
  events: BulletinEvent[];
  geoMarkers: GeoMarker[];
  accessGroups: number[];
  createdAt: string;
  updatedAt: string;
  permissions: import('./workflow').RecordPermissions;
}

export interface EventInput {
  title?: string;
  titleAr?: string;
  comments?: string;
  typeId?: number | null;
  locationId?: number | null;
  fromDate?: string | null;
  toDate?: string | null;
  estimated?: boolean;
}

export interface GeoMarkerInput {
  title?: string;
  typeId?: number | null;
  main?: boolean;
  lat: number;
  lng: number;
  comment?: string;
}

export interface BulletinInput {
  title: string;
  titleAr: string;
  analystTitle: string;
  analystTitleAr: string;
  description: string;
  sourceLink: string;
  publishDate: string | null;
  documentationDate: string | null;
  originId: string;
  tags: string[];
  status?: string;
  labels: number[];
  verifiedLabels: number[];
  sources: number[];
  locations: number[];
  events: EventInput[];
  geoMarkers: GeoMarkerInput[];
  /** Access groups (Admins; creators of new records when the instance allows it). */
  accessGroups?: number[];
}

export type BulletinInputField = keyof BulletinInput;

export type BulletinCreateBody = BulletinInput & { comment: string };
export type BulletinUpdateBody = Partial<BulletinInput> & { comment: string };

export interface HistoryEntry {
  id: number;
  createdAt: string;
  user: UserRef | null;
  status: string | null;
  comment: string | null;
  snapshot?: Partial<Bulletin> & Record<string, unknown>;
}

export interface Label {
  id: number;
  title: string;
  titleAr: string | null;
  parentId: number | null;
  verified: boolean;
  forBulletin: boolean;
  forActor: boolean;
  forIncident: boolean;
  path: string | null;
  pathAr: string | null;
  childCount: number;
}

export interface Source {
  id: number;
  title: string;
  titleAr: string | null;
  parentId: number | null;
  path: string | null;
  pathAr: string | null;
  childCount: number;
}

export interface Location {
  id: number;
  title: string;
  titleAr: string | null;
  parentId: number | null;
  fullName: string | null;
  fullNameAr: string | null;
  lat: number | null;
  lng: number | null;
  adminLevel: { id: number; title: string; code: number | null } | null;
  locationType: { id: number; title: string } | null;
  childCount: number;
}

export interface EventType {
  id: number;
  title: string;
  titleAr: string | null;
  forActor: boolean;
  forBulletin: boolean;
  forIncident: boolean;
}

export interface VocabItem {
  id: number;
  title: string;
  titleAr: string | null;
  code: string | number | null;
  sortOrder: number | null;
}

export type LoginResult =
  { user: User; csrfToken: string } | { mfaRequired: true; methods: string[]; csrfToken: string };
