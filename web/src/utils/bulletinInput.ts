/** Conversions between a Bulletin record, the editable form model and the API input. */
import type {
  Bulletin,
  BulletinInput,
  BulletinUpdateBody,
  Label,
  Location,
  Source,
  TitledRef,
  LocationRef,
} from '../api/types';
import { toDateInput } from './dates';

export type Picked<T> = Pick<T & TitledRef, 'id' | 'title' | 'titleAr'> & Partial<T>;

export interface EventModel {
  key: number;
  title: string;
  titleAr: string;
  comments: string;
  type: TitledRef | null;
  location: Picked<Location> | null;
  fromDate: string | null;
  toDate: string | null;
  estimated: boolean;
}

export interface GeoMarkerModel {
  key: number;
  title: string;
  type: TitledRef | null;
  main: boolean;
  lat: number | string | null;
  lng: number | string | null;
  comment: string;
}

/** What the form edits: chosen vocabulary items are kept whole so chips can show their names. */
export interface BulletinModel {
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
  status: string | null;
  labels: Picked<Label>[];
  verifiedLabels: Picked<Label>[];
  sources: Picked<Source>[];
  locations: Picked<Location>[];
  events: EventModel[];
  geoMarkers: GeoMarkerModel[];
  accessGroups: number[];
}

let keySeq = 0;
export const nextKey = (): number => ++keySeq;

export function emptyModel(): BulletinModel {
  return {
    title: '',
    titleAr: '',
    analystTitle: '',
    analystTitleAr: '',
    description: '',
    sourceLink: '',
    publishDate: null,
    documentationDate: null,
    originId: '',
    tags: [],
    status: null,
    labels: [],
    verifiedLabels: [],
    sources: [],
    locations: [],
    events: [],
    geoMarkers: [],
    accessGroups: [],
  };
}

export function emptyEvent(): EventModel {
  return {
    key: nextKey(),
    title: '',
    titleAr: '',
    comments: '',
    type: null,
    location: null,
    fromDate: null,
    toDate: null,
    estimated: false,
  };
}

export function emptyGeoMarker(): GeoMarkerModel {
  return { key: nextKey(), title: '', type: null, main: false, lat: null, lng: null, comment: '' };
}

const ref = (r: TitledRef): Picked<Label> => ({ id: r.id, title: r.title, titleAr: r.titleAr });
const locRef = (r: LocationRef): Picked<Location> => ({
  id: r.id,
  title: r.title,
  titleAr: r.titleAr,
  fullName: r.fullName,
  fullNameAr: r.fullNameAr,
});

export function modelFromBulletin(b: Bulletin): BulletinModel {
  return {
    title: b.title ?? '',
    titleAr: b.titleAr ?? '',
    analystTitle: b.analystTitle ?? '',
    analystTitleAr: b.analystTitleAr ?? '',
    description: b.description ?? '',
    sourceLink: b.sourceLink ?? '',
    publishDate: toDateInput(b.publishDate),
    documentationDate: toDateInput(b.documentationDate),
    originId: b.originId ?? '',
    tags: [...(b.tags ?? [])],
    status: b.status ?? null,
    labels: (b.labels ?? []).map(ref),
    verifiedLabels: (b.verifiedLabels ?? []).map(ref),
    sources: (b.sources ?? []).map(ref),
    locations: (b.locations ?? []).map(locRef),
    events: (b.events ?? []).map((e) => ({
      key: nextKey(),
      title: e.title ?? '',
      titleAr: e.titleAr ?? '',
      comments: e.comments ?? '',
      type: e.type ? ref(e.type) : null,
      location: e.location ? locRef(e.location) : null,
      fromDate: toDateInput(e.fromDate),
      toDate: toDateInput(e.toDate),
      estimated: Boolean(e.estimated),
    })),
    geoMarkers: (b.geoMarkers ?? []).map((g) => ({
      key: nextKey(),
      title: g.title ?? '',
      type: g.type ? ref(g.type) : null,
      main: Boolean(g.main),
      lat: g.lat,
      lng: g.lng,
      comment: g.comment ?? '',
    })),
    accessGroups: [...(b.accessGroups ?? [])],
  };
}

function toNumber(v: number | string | null): number {
  if (typeof v === 'number') return v;
  if (v === null || v.trim() === '') return Number.NaN;
  return Number(v);
}

const emptyToNull = (v: string | null): string | null => (v ? v : null);

export function inputFromModel(m: BulletinModel): BulletinInput {
  const input: BulletinInput = {
    title: m.title.trim(),
    titleAr: m.titleAr.trim(),
    analystTitle: m.analystTitle.trim(),
    analystTitleAr: m.analystTitleAr.trim(),
    description: m.description,
    sourceLink: m.sourceLink.trim(),
    publishDate: emptyToNull(m.publishDate),
    documentationDate: emptyToNull(m.documentationDate),
    originId: m.originId.trim(),
    tags: m.tags.map((t) => t.trim()).filter((t) => t !== ''),
    labels: m.labels.map((x) => x.id),
    verifiedLabels: m.verifiedLabels.map((x) => x.id),
    sources: m.sources.map((x) => x.id),
    locations: m.locations.map((x) => x.id),
    events: m.events.map((e) => ({
      title: e.title.trim(),
      titleAr: e.titleAr.trim(),
      comments: e.comments.trim(),
      typeId: e.type?.id ?? null,
      locationId: e.location?.id ?? null,
      fromDate: emptyToNull(e.fromDate),
      toDate: emptyToNull(e.toDate),
      estimated: e.estimated,
    })),
    geoMarkers: m.geoMarkers.map((g) => ({
      title: g.title.trim(),
      typeId: g.type?.id ?? null,
      main: g.main,
      lat: toNumber(g.lat),
      lng: toNumber(g.lng),
      comment: g.comment.trim(),
    })),
    accessGroups: [...m.accessGroups],
  };
  if (m.status) input.status = m.status;
  return input;
}

/** Id lists are sets: order does not make a change. */
const SET_FIELDS = new Set<keyof BulletinInput>(['labels', 'verifiedLabels', 'sources', 'locations', 'accessGroups']);

function canonical(field: keyof BulletinInput, value: unknown): string {
  if (SET_FIELDS.has(field) && Array.isArray(value)) {
    return JSON.stringify([...(value as number[])].sort((a, b) => a - b));
  }
  return JSON.stringify(value ?? null);
}

/** The fields of `next` that differ from `prev`, plus the comment: the body of an update. */
export function diffInput(prev: BulletinInput, next: BulletinInput, comment: string): BulletinUpdateBody {
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof BulletinInput)[]) {
    if (canonical(key, prev[key]) !== canonical(key, next[key])) body[key] = next[key];
  }
  return { ...(body as Partial<BulletinInput>), comment };
}

/** Number of changed fields in an update body (excluding the comment). */
export function changeCount(body: BulletinUpdateBody): number {
  return Object.keys(body).filter((k) => k !== 'comment').length;
}
