import { asc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { accessGroups } from '../../db/schema/index.js';
import type { ActingUser } from '../../http/actingUser.js';
import { Conflict } from '../../http/errors.js';
import { appendActivity } from '../activity/activity.repo.js';

export interface GroupJson {
  id: number;
  name: string;
  description: string;
}

export async function listGroups(db: Db): Promise<GroupJson[]> {
  return db
    .select({ id: accessGroups.id, name: accessGroups.name, description: accessGroups.description })
    .from(accessGroups)
    .orderBy(asc(accessGroups.name));
}

export async function createGroup(
  db: Db,
  actor: ActingUser,
  input: { name: string; description?: string | undefined },
): Promise<GroupJson> {
  return db.transaction(async (tx) => {
    const [dupe] = await tx
      .select({ id: accessGroups.id })
      .from(accessGroups)
      .where(sql`lower(${accessGroups.name}) = lower(${input.name})`)
      .limit(1);
    if (dupe) throw new Conflict('A group with that name exists.', { name: 'already exists' });
    const [row] = await tx
      .insert(accessGroups)
      .values({ name: input.name, description: input.description ?? '' })
      .returning({ id: accessGroups.id, name: accessGroups.name, description: accessGroups.description });
    if (!row) throw new Error('insert returned no row');
    await appendActivity(tx, {
      userId: actor.id,
      username: actor.username,
      ip: actor.ip,
      action: 'CREATE',
      kind: 'group',
      recordId: row.id,
      details: { name: row.name },
    });
    return row;
  });
}
