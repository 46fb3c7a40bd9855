/** Conversions between an Incident record, the editable form model and the API input. */
import type { Label, Location, TitledRef } from '../api/types';
import type { Incident, IncidentInput, IncidentUpdateBody } from '../api/records';
import type { EventModel, Picked } from './bulletinInput';
import { diffFields, eventInputs, eventModels } from './recordEvents';

export interface IncidentModel {
  title: string;
  titleAr: string;
  description: string;
  potentialViolations: TitledRef[];
  claimedViolations: TitledRef[];
  labels: Picked<Label>[];
  locations: Picked<Location>[];
  events: EventModel[];
  status: string | null;
}

export function emptyIncidentModel(): IncidentModel {
  return {
    title: '',
    titleAr: '',
    description: '',
    potentialViolations: [],
    claimedViolations: [],
    labels: [],
    locations: [],
    events: [],
    status: null,
  };
}

const titled = (r: TitledRef): TitledRef => ({ id: r.id, title: r.title, titleAr: r.titleAr });

export function modelFromIncident(i: Incident): IncidentModel {
  return {
    title: i.title ?? '',
    titleAr: i.titleAr ?? '',
    description: i.description ?? '',
    potentialViolations: (i.potentialViolations ?? []).map(titled),
    claimedViolations: (i.claimedViolations ?? []).map(titled),
    labels: (i.labels ?? []).map(titled),
    locations: (i.locations ?? []).map((l) => ({ ...titled(l), fullName: l.fullName, fullNameAr: l.fullNameAr })),
    events: eventModels(i.events),
    status: i.status ?? null,
  };
}

export function incidentInputFromModel(m: IncidentModel): IncidentInput {
  const input: IncidentInput = {
    title: m.title.trim(),
    titleAr: m.titleAr.trim(),
    description: m.description,
    potentialViolations: m.potentialViolations.map((x) => x.id),
    claimedViolations: m.claimedViolations.map((x) => x.id),
    labels: m.labels.map((x) => x.id),
    locations: m.locations.map((x) => x.id),
    events: eventInputs(m.events),
  };
  if (m.status) input.status = m.status;
  return input;
}

const INCIDENT_SETS = new Set(['potentialViolations', 'claimedViolations', 'labels', 'locations']);

export function diffIncidentInput(prev: IncidentInput, next: IncidentInput, comment: string): IncidentUpdateBody {
  return { ...diffFields(prev, next, INCIDENT_SETS), comment };
}

export function validateIncident(input: IncidentInput, comment: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!input.title) errors.title = 'errors.required';
  input.events.forEach((e, i) => {
    if (e.fromDate && e.toDate && e.toDate < e.fromDate) errors[`events.${i}.toDate`] = 'errors.dateOrder';
  });
  if (!comment.trim()) errors.comment = 'errors.required';
  return errors;
}
