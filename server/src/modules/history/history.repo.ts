import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { revisions } from '../../db/schema/index.js';

export type RevisionRow = typeof revisions.$inferSelect;
export type RecordKind = 'bulletin' | 'actor' | 'incident' | 'location';

export async function insertRevision(
  db: Db,
  values: {
    kind: RecordKind;
    recordId: number;
    userId: number | null;
    status: string;
    comment: string;
    snapshot: Record<string, unknown>;
  },
  details: Record<string, unknown> = {},
): Promise<number> {
  const related = relatedOf(details);
  const [row] = await db
    .insert(revisions)
    .values({ ...values, relatedKind: related?.kind ?? null, relatedId: related?.id ?? null })
    .returning({ id: revisions.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export async function listRevisions(db: Db, kind: RecordKind, recordId: number, limit = 500): Promise<RevisionRow[]> {
  return db
    .select()
    .from(revisions)
    .where(and(eq(revisions.kind, kind), eq(revisions.recordId, recordId)))
    .orderBy(desc(revisions.id))
    .limit(limit);
}

export async function findRevision(
  db: Db,
  kind: RecordKind,
  recordId: number,
  id: number,
): Promise<RevisionRow | undefined> {
  const [row] = await db
    .select()
    .from(revisions)
    .where(and(eq(revisions.kind, kind), eq(revisions.recordId, recordId), eq(revisions.id, id)))
    .limit(1);
  return row;
}

/** The other record of a relation change (`details.with`, set by the relations module). */
export function relatedOf(details: Record<string, unknown>): { kind: RecordKind; id: number } | null {
  const w = details.with as { kind?: unknown; id?: unknown } | undefined;
  if (!w || typeof w.id !== 'number' || !['bulletin', 'actor', 'incident'].includes(String(w.kind))) return null;
  return { kind: w.kind as RecordKind, id: w.id };
}
