import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { settings } from '../../db/schema/index.js';

/**
 * Access-control settings (reference §8: ACCESS_CONTROL_RESTRICTIVE, AC_USERS_CAN_RESTRICT_NEW),
 * one row of `settings` under the key `access`. `restrictiveAccess` is read by the visibility
 * predicate in SQL (records.visibility.ts), so a change applies to the very next query.
 */
export const accessSettingsSchema = z.strictObject({
  /** Records with no access group are visible to Admins only. */
  restrictiveAccess: z.boolean(),
  /** Creators may restrict NEW records to groups they belong to. */
  usersCanRestrictNew: z.boolean(),
});
export type AccessSettings = z.infer<typeof accessSettingsSchema>;

export const DEFAULT_ACCESS_SETTINGS: AccessSettings = { restrictiveAccess: false, usersCanRestrictNew: false };
export const ACCESS_SETTINGS_KEY = 'access';

export async function getAccessSettings(db: Db): Promise<AccessSettings> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, ACCESS_SETTINGS_KEY))
    .limit(1);
  const parsed = accessSettingsSchema.partial().safeParse(row?.value ?? {});
  return { ...DEFAULT_ACCESS_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}

export async function saveAccessSettings(tx: Db, value: AccessSettings, userId: number | null): Promise<void> {
  await tx
    .insert(settings)
    .values({ key: ACCESS_SETTINGS_KEY, value, updatedById: userId })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedById: userId, updatedAt: sql`now()` } });
}
