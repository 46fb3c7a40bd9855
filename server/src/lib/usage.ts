import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../db/client.js';
import { Conflict } from '../http/errors.js';

/** One place a vocabulary term may be referenced from, as a `select count(*)` query. */
export interface UsageCheck {
  /** Plural noun for the message, e.g. "bulletins (labels)". */
  what: string;
  count: SQL;
}

/**
 * Refuses (409) to remove a term that is still referenced, naming every place it is used.
 * All counts run in one statement.
 */
export async function assertUnused(db: Db, noun: string, checks: readonly UsageCheck[]): Promise<void> {
  if (checks.length === 0) return;
  const columns = sql.join(
    checks.map((c, i) => sql`(${c.count})::int as ${sql.identifier(`c${i}`)}`),
    sql`, `,
  );
  const [counts] = await rows<Record<string, number>>(db, sql`select ${columns}`);
  const used = checks.map((c, i) => ({ what: c.what, n: Number(counts?.[`c${i}`] ?? 0) })).filter((u) => u.n > 0);
  if (used.length === 0) return;
  const where = used.map((u) => `${u.n} ${u.what}`).join(', ');
  throw new Conflict(`This ${noun} is still in use: ${where}. Remove those references first.`);
}
