import { and, asc, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { mfaRecoveryCodes, mfaTotp, users, webauthnCredentials } from '../../db/schema/index.js';

export type TotpRow = typeof mfaTotp.$inferSelect;
export type CredentialRow = typeof webauthnCredentials.$inferSelect;

export async function findTotp(db: Db, userId: number): Promise<TotpRow | undefined> {
  const [row] = await db.select().from(mfaTotp).where(eq(mfaTotp.userId, userId)).limit(1);
  return row;
}

export async function savePendingTotp(db: Db, userId: number, secretEnc: string): Promise<void> {
  await db
    .insert(mfaTotp)
    .values({ userId, secretEnc })
    .onConflictDoUpdate({
      target: mfaTotp.userId,
      set: { secretEnc, confirmedAt: null, lastStep: null, createdAt: sql`now()` },
    });
}

/** Records the accepted step atomically; false when that step (or a later one) was already used. */
export async function useTotpStep(db: Db, userId: number, step: number, confirm: boolean): Promise<boolean> {
  const updated = await db
    .update(mfaTotp)
    .set({ lastStep: step, ...(confirm ? { confirmedAt: sql`now()` } : {}) })
    .where(and(eq(mfaTotp.userId, userId), sql`(${mfaTotp.lastStep} is null or ${mfaTotp.lastStep} < ${step})`))
    .returning({ userId: mfaTotp.userId });
  return updated.length > 0;
}

export async function deleteTotp(db: Db, userId: number): Promise<boolean> {
  const gone = await db.delete(mfaTotp).where(eq(mfaTotp.userId, userId)).returning({ userId: mfaTotp.userId });
  return gone.length > 0;
}

export async function replaceRecoveryCodes(db: Db, userId: number, hashes: string[]): Promise<void> {
  await db.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  if (hashes.length) await db.insert(mfaRecoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
}

/** Marks a code used, atomically: two concurrent uses of one code cannot both succeed. */
export async function consumeRecoveryCode(db: Db, userId: number, codeHash: string): Promise<boolean> {
  const used = await db
    .update(mfaRecoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(mfaRecoveryCodes.userId, userId),
        eq(mfaRecoveryCodes.codeHash, codeHash),
        isNull(mfaRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: mfaRecoveryCodes.id });
  return used.length > 0;
}

export async function unusedRecoveryCodes(db: Db, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}

export async function credentialsOf(db: Db, userId: number): Promise<CredentialRow[]> {
  return db
    .select()
    .from(webauthnCredentials)
    .where(eq(webauthnCredentials.userId, userId))
    .orderBy(asc(webauthnCredentials.id));
}

export async function findCredential(db: Db, userId: number, credentialId: string): Promise<CredentialRow | undefined> {
  const [row] = await db
    .select()
    .from(webauthnCredentials)
    .where(and(eq(webauthnCredentials.userId, userId), eq(webauthnCredentials.credentialId, credentialId)))
    .limit(1);
  return row;
}

export async function insertCredential(
  db: Db,
  values: typeof webauthnCredentials.$inferInsert,
): Promise<CredentialRow> {
  const [row] = await db.insert(webauthnCredentials).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function markCredentialUsed(db: Db, id: number, counter: number): Promise<void> {
  await db
    .update(webauthnCredentials)
    .set({ counter, lastUsedAt: sql`now()` })
    .where(eq(webauthnCredentials.id, id));
}

export async function renameCredential(db: Db, userId: number, id: number, name: string): Promise<boolean> {
  const done = await db
    .update(webauthnCredentials)
    .set({ name })
    .where(and(eq(webauthnCredentials.id, id), eq(webauthnCredentials.userId, userId)))
    .returning({ id: webauthnCredentials.id });
  return done.length > 0;
}

export async function deleteCredential(db: Db, userId: number, id: number): Promise<CredentialRow | undefined> {
  const [row] = await db
    .delete(webauthnCredentials)
    .where(and(eq(webauthnCredentials.id, id), eq(webauthnCredentials.userId, userId)))
    .returning();
  return row;
}

export interface FactorSummary {
  totp: boolean;
  webauthn: number;
  recoveryCodes: number;
}

export async function factorsOf(db: Db, userId: number): Promise<FactorSummary> {
  const [totp] = await db
    .select({ n: count() })
    .from(mfaTotp)
    .where(and(eq(mfaTotp.userId, userId), isNotNull(mfaTotp.confirmedAt)));
  const [keys] = await db
    .select({ n: count() })
    .from(webauthnCredentials)
    .where(eq(webauthnCredentials.userId, userId));
  return { totp: (totp?.n ?? 0) > 0, webauthn: keys?.n ?? 0, recoveryCodes: await unusedRecoveryCodes(db, userId) };
}

/** Keeps `users.mfa_enabled` in step with the factors; without a factor the recovery codes go too. */
export async function refreshMfaEnabled(db: Db, userId: number): Promise<boolean> {
  const f = await factorsOf(db, userId);
  const enabled = f.totp || f.webauthn > 0;
  if (!enabled) await replaceRecoveryCodes(db, userId, []);
  await db
    .update(users)
    .set({ mfaEnabled: enabled, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
  return enabled;
}
