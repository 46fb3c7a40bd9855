/** Event list conversions shared by actors and incidents (same shape as a bulletin's events). */
import type { BulletinEvent, EventInput } from '../api/types';
import { emptyEvent, type EventModel, type Picked } from './bulletinInput';
import { toDateInput } from './dates';

const titled = (r: { id: number; title: string; titleAr: string | null }) => ({
  id: r.id,
  title: r.title,
  titleAr: r.titleAr,
});

export function eventModels(events: BulletinEvent[] | null | undefined): EventModel[] {
  return (events ?? []).map((e) => ({
    ...emptyEvent(),
    title: e.title ?? '',
    titleAr: e.titleAr ?? '',
    comments: e.comments ?? '',
    type: e.type ? titled(e.type) : null,
    location: e.location
      ? ({ ...titled(e.location), fullName: e.location.fullName, fullNameAr: e.location.fullNameAr } as Picked<never>)
      : null,
    fromDate: toDateInput(e.fromDate),
    toDate: toDateInput(e.toDate),
    estimated: Boolean(e.estimated),
  }));
}

const emptyToNull = (v: string | null): string | null => (v ? v : null);

export function eventInputs(events: EventModel[]): EventInput[] {
  return events.map((e) => ({
    title: e.title.trim(),
    titleAr: e.titleAr.trim(),
    comments: e.comments.trim(),
    typeId: e.type?.id ?? null,
    locationId: e.location?.id ?? null,
    fromDate: emptyToNull(e.fromDate),
    toDate: emptyToNull(e.toDate),
    estimated: e.estimated,
  }));
}

/** The fields of `next` that differ from `prev` (id lists named in `sets` compare as sets). */
export function diffFields<T extends object>(prev: T, next: T, sets: ReadonlySet<string>): Partial<T> {
  const canon = (k: string, v: unknown) =>
    sets.has(k) && Array.isArray(v)
      ? JSON.stringify([...(v as number[])].sort((a, b) => a - b))
      : JSON.stringify(v ?? null);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(next)) {
    const a = (prev as Record<string, unknown>)[key];
    const b = (next as Record<string, unknown>)[key];
    if (canon(key, a) !== canon(key, b)) out[key] = b;
  }
  return out as Partial<T>;
}
