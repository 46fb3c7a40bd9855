import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { settings } from '../../db/schema/index.js';

/** Instance-wide security mode (beyond Bayanat): everything, read-only, or administrators only. */
export const securityModes = ['normal', 'readOnly', 'adminsOnly'] as const;
export type SecurityMode = (typeof securityModes)[number];

/** Admin-editable security settings, stored in `settings` under one key and validated on write (D9). */
export const securitySettingsSchema = z.strictObject({
  mode: z.enum(securityModes),
  /** A6: every user must have a second factor. */
  mfaRequired: z.boolean(),
  /** S3: a new sign-in ends the user's other sessions. */
  singleSession: z.boolean(),
  /** A5: ask for a CAPTCHA after this many failures (0 = never; needs RECAPTCHA_* configured). */
  captchaAfterFailures: z.number().int().min(0).max(100),
});
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;

export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = {
  mode: 'normal',
  mfaRequired: false,
  singleSession: false,
  captchaAfterFailures: 0,
};

const KEY = 'security';
// Read on every request; a short cache keeps that off the database. Another process sees a
// change within this delay, which is acceptable for a mode switch.
const CACHE_MS = 2000;
const cache = new WeakMap<Db, { value: SecuritySettings; at: number }>();

export async function getSecuritySettings(db: Db): Promise<SecuritySettings> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY)).limit(1);
  const parsed = securitySettingsSchema.partial().safeParse(row?.value ?? {});
  const value = { ...DEFAULT_SECURITY_SETTINGS, ...(parsed.success ? parsed.data : {}) };
  cache.set(db, { value, at: Date.now() });
  return value;
}

/** Writes the settings inside the caller's transaction; call `forgetCachedSecuritySettings` after commit. */
export async function saveSecuritySettings(tx: Db, value: SecuritySettings, userId: number | null): Promise<void> {
  await tx
    .insert(settings)
    .values({ key: KEY, value, updatedById: userId })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedById: userId, updatedAt: sql`now()` } });
}

export function forgetCachedSecuritySettings(db: Db): void {
  cache.delete(db);
}
