import type { FastifyInstance } from 'fastify';
import type { RecordKind } from '../../src/modules/records/records.types.js';
import type { Client } from '../helpers.js';

export const PLURAL: Record<RecordKind, string> = { bulletin: 'bulletins', actor: 'actors', incident: 'incidents' };

/** The smallest valid create body of each kind. */
export function createBody(
  kind: RecordKind,
  title: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  if (kind === 'actor')
    return { type: 'Entity', name: title, profiles: [{ mode: 'normal' }], comment: 'created', ...extra };
  return { title, comment: 'created', ...extra };
}

export async function create(client: Client, kind: RecordKind, title: string, extra: Record<string, unknown> = {}) {
  const res = await client.post(`/api/${PLURAL[kind]}`, createBody(kind, title, extra));
  if (res.statusCode !== 201) throw new Error(`create ${kind}: ${res.statusCode} ${res.body}`);
  return res.json<{ id: number; status: string; permissions: Record<string, boolean> }>();
}

/** Runs queued jobs now. */
export async function drainJobs(app: FastifyInstance): Promise<void> {
  await (app as unknown as { jobWorker: { drain(): Promise<number> } }).jobWorker.drain();
}
