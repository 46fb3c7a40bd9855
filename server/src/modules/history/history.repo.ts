import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { revisions } from '../../db/schema/index.js';

export type RevisionRow = typeof revisions.$inferSelect;
export type RecordKind = 'bulletin' | 'actor' | 'incident' | 'location';

export async function insertRevision(
  db: Db,
  values: { kind: RecordKind; recordId: number; userId: number | null; status: string; comment: string; snapshot: Record<string, unknown> },
): Promise<number> {
  const [row] = await db.insert(revisions).values(values).returning({ id: revisions.id });
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

export async function findRevision(db: Db, kind: RecordKind, recordId: number, id: number): Promise<RevisionRow | undefined> {
  const [row] = await db
    .select()
    .from(revisions)
    .where(and(eq(revisions.kind, kind), eq(revisions.recordId, recordId), eq(revisions.id, id)))
    .limit(1);
  return row;
}
