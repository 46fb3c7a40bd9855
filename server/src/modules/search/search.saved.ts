import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { savedSearches } from '../../db/schema/index.js';
import type { ActingUser } from '../../http/actingUser.js';
import { Conflict, Invalid, NotFound } from '../../http/errors.js';
import { searchBodies, type SearchKind } from './search.schemas.js';

type Row = typeof savedSearches.$inferSelect;

function present(r: Row) {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    query: r.query,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A saved query must be a valid search of its kind (unknown filters are refused when saving, not when running). */
function checkQuery(kind: SearchKind, query: { blocks: unknown[] }): void {
  const parsed = searchBodies[kind].safeParse({ blocks: query.blocks });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Invalid({ [`query.${issue?.path.join('.') ?? 'blocks'}`]: issue?.message ?? 'not a valid search' });
  }
}

function isUniqueViolation(e: unknown): boolean {
  for (let x: unknown = e; x; x = (x as { cause?: unknown }).cause)
    if ((x as { code?: unknown }).code === '23505') return true;
  return false;
}

export async function listSavedSearches(db: Db, actor: ActingUser, kind: SearchKind | undefined) {
  const found = await db
    .select()
    .from(savedSearches)
    .where(and(eq(savedSearches.userId, actor.id), kind ? eq(savedSearches.kind, kind) : undefined))
    .orderBy(asc(savedSearches.name));
  return { items: found.map(present) };
}

export async function createSavedSearch(
  db: Db,
  actor: ActingUser,
  input: { name: string; kind: SearchKind; query: { blocks: unknown[] } },
) {
  checkQuery(input.kind, input.query);
  try {
    const [row] = await db
      .insert(savedSearches)
      .values({ userId: actor.id, name: input.name, kind: input.kind, query: input.query })
      .returning();
    return present(row as Row);
  } catch (e) {
    if (isUniqueViolation(e))
      throw new Conflict('You already have a saved search with this name.', { name: 'already used' });
    throw e;
  }
}

/** Only the owner may change or delete a saved search; to anyone else it does not exist. */
async function own(db: Db, actor: ActingUser, id: number): Promise<Row> {
  const [row] = await db
    .select()
    .from(savedSearches)
    .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, actor.id)));
  if (!row) throw new NotFound('No such saved search.');
  return row;
}

export async function updateSavedSearch(
  db: Db,
  actor: ActingUser,
  id: number,
  patch: { name?: string | undefined; query?: { blocks: unknown[] } | undefined },
) {
  const row = await own(db, actor, id);
  if (patch.query) checkQuery(row.kind as SearchKind, patch.query);
  try {
    const [updated] = await db
      .update(savedSearches)
      .set({
        ...(patch.name ? { name: patch.name } : {}),
        ...(patch.query ? { query: patch.query } : {}),
        updatedAt: new Date(),
      })
      .where(eq(savedSearches.id, id))
      .returning();
    return present(updated as Row);
  } catch (e) {
    if (isUniqueViolation(e))
      throw new Conflict('You already have a saved search with this name.', { name: 'already used' });
    throw e;
  }
}

export async function deleteSavedSearch(db: Db, actor: ActingUser, id: number) {
  await own(db, actor, id);
  await db.delete(savedSearches).where(eq(savedSearches.id, id));
  return { id, deleted: true };
}
