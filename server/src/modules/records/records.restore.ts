import { eventInputFromJson, type EventJson } from './records.events.js';

/**
 * Helpers to turn a stored snapshot (a presented record) back into an update body. Snapshots
 * are JSON, so every accessor is defensive: a field missing from an old snapshot is left out
 * of the body and keeps its current value.
 */
export type Snapshot = Record<string, unknown>;

export const idsOf = (v: unknown): number[] | undefined =>
  Array.isArray(v)
    ? v.flatMap((x) => (x && typeof (x as { id?: unknown }).id === 'number' ? [(x as { id: number }).id] : []))
    : undefined;

export const refId = (v: unknown): number | null =>
  v && typeof (v as { id?: unknown }).id === 'number' ? (v as { id: number }).id : null;

export const eventsOf = (v: unknown) => (Array.isArray(v) ? (v as EventJson[]).map(eventInputFromJson) : undefined);

/** Copies the listed keys of `snapshot` that are present. */
export function pick(snapshot: Snapshot, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (snapshot[k] !== undefined) out[k] = snapshot[k];
  return out;
}

/** Drops undefined values so absent snapshot fields stay absent from the body. */
export function defined(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}
