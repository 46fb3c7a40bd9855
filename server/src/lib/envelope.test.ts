import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret } from './envelope.js';

describe('O2 envelope encryption of secrets at rest', () => {
  const key = 'master-key-for-tests-0123456789abcdef';

  it('O2 round-trips, uses a fresh data key each time, and never contains the plaintext', () => {
    const a = encryptSecret(key, 'JBSWY3DPEHPK3PXP', 'totp:1');
    const b = encryptSecret(key, 'JBSWY3DPEHPK3PXP', 'totp:1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(decryptSecret(key, a, 'totp:1')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('O2 refuses the wrong master key, another row context, or a modified ciphertext', () => {
    const sealed = encryptSecret(key, 'secret', 'totp:1');
    expect(() => decryptSecret('another-master-key-0123456789abcdef', sealed, 'totp:1')).toThrow();
    expect(() => decryptSecret(key, sealed, 'totp:2')).toThrow();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[2] ?? '', 'base64url');
    body[body.length - 1] = (body[body.length - 1] ?? 0) ^ 1;
    expect(() => decryptSecret(key, [parts[0], parts[1], body.toString('base64url')].join('.'), 'totp:1')).toThrow();
  });
});
