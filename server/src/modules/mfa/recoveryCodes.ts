import { createHmac, hkdfSync, randomInt } from 'node:crypto';

/** A6: ten single-use recovery codes of 50 random bits each, e.g. `k7m2p-9xq4t`. */
export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: codes are read off paper.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function newRecoveryCodes(): string[] {
  const code = () => Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const c = code();
    return `${c.slice(0, 5)}-${c.slice(5)}`;
  });
}

export function normaliseRecoveryCode(input: string): string {
  const bare = input.toLowerCase().replace(/[^a-z0-9]/g, '');
  return bare.length === 10 ? `${bare.slice(0, 5)}-${bare.slice(5)}` : bare;
}

/**
 * Codes are random and long, so a keyed hash is enough (a slow password hash would make
 * checking ten codes cost a second): HMAC-SHA-256 under a key derived from the server's
 * encryption key, so a database dump alone cannot test guesses offline.
 */
export function hashRecoveryCode(masterKey: string, userId: number, code: string): string {
  const key = Buffer.from(hkdfSync('sha256', masterKey, 'dalil-recovery', 'recovery-codes/v1', 32));
  return createHmac('sha256', key)
    .update(`${userId}:${normaliseRecoveryCode(code)}`)
    .digest('hex');
}
