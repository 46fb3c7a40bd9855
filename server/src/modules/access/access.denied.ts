import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rows } from '../../db/client.js';
import type { ActingUser } from '../../http/actingUser.js';
import { NotFound } from '../../http/errors.js';
import { reportDeniedAccess } from '../notifications/deniedAccess.js';
import type { RecordKind } from '../records/records.types.js';

const TABLES: Record<RecordKind, string> = { bulletin: 'bulletins', actor: 'actors', incident: 'incidents' };

/** Denied-read reports still being written (tests await them; the response never does). */
const pending = new Set<Promise<void>>();

/** When a denied report runs: after the current I/O turn, so never before the response. Tests may hold them. */
let schedule: (run: () => void) => void = (run) => setImmediate(run);
export function setDeniedReportScheduler(fn: ((run: () => void) => void) | null): void {
  schedule = fn ?? ((run) => setImmediate(run));
}

/**
 * The error for a record the caller cannot read. Missing and hidden ids take exactly the same
 * path before the response (one existence query either way), so neither the answer nor its
 * timing tells them apart. When the record exists, the DENIED activity row and the admins'
 * notification are written afterwards, in their own transaction, off the response path.
 */
export async function notVisible(
  db: Db,
  actor: ActingUser,
  kind: RecordKind,
  id: number,
  message: string,
): Promise<NotFound> {
  const found = await rows<{ hidden: boolean }>(
    db,
    sql`select exists (select 1 from ${sql.identifier(TABLES[kind])} where id = ${id} and not deleted) as hidden`,
  );
  if (found[0]?.hidden) {
    const p: Promise<void> = new Promise<void>((resolve) => schedule(resolve))
      .then(() => reportDeniedAccess(db, actor, { kind, recordId: id }))
      .catch(() => undefined)
      .finally(() => pending.delete(p));
    pending.add(p);
  }
  return new NotFound(message);
}

/** Waits for denied-read reports in flight (tests). */
export async function flushDeniedReports(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}
