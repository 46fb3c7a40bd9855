import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

// argon2id (algorithm 2) with OWASP's m=19 MiB, t=2, p=1 (A1).
const ARGON = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

// The common-language dictionary carries a list of the most used (breached) passwords.
const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
  translations: en.translations,
});

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
export const MIN_STRENGTH_SCORE = 3;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A fixed hash so an unknown username costs the same time as a wrong password (A2).
let dummyHash: Promise<string> | undefined;
export async function burnPasswordTime(password: string): Promise<void> {
  dummyHash ??= hashPassword('dalil-timing-equaliser-not-a-password');
  await verifyPassword(await dummyHash, password);
}

/** Returns a reason the password is refused, or null when it is acceptable (A1). */
export function passwordProblem(password: string, userInputs: string[] = []): string | null {
  if (password.trim().length === 0) return 'must not be empty';
  if (password.length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `must be at most ${PASSWORD_MAX} characters`;
  const result = estimator.check(password, userInputs.filter(Boolean));
  if (result.score < MIN_STRENGTH_SCORE) {
    const hint = result.feedback.warning || result.feedback.suggestions[0] || 'add more unrelated words';
    return `is too easy to guess (${hint})`;
  }
  return null;
}
