import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Envelope encryption for secrets kept in the database (O2): each value gets its own random
 * data key (AES-256-GCM); the data key is wrapped by a key-encryption key derived from the
 * master key in the server's secrets (never in the database). A database dump alone yields
 * nothing. `context` is bound as associated data, so a ciphertext copied to another row fails.
 */
const VERSION = 'v1';

function keyEncryptionKey(masterKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, 'dalil-envelope', 'key-encryption-key/v1', 32));
}

function seal(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

function open(key: Buffer, sealed: string, aad: string): Buffer {
  const raw = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
}

export function encryptSecret(masterKey: string, plaintext: string, context: string): string {
  const dataKey = randomBytes(32);
  const wrapped = seal(keyEncryptionKey(masterKey), dataKey, `dek:${context}`);
  const body = seal(dataKey, Buffer.from(plaintext, 'utf8'), `data:${context}`);
  return `${VERSION}.${wrapped}.${body}`;
}

export function decryptSecret(masterKey: string, envelope: string, context: string): string {
  const [version, wrapped, body] = envelope.split('.');
  if (version !== VERSION || !wrapped || !body) throw new Error('unknown secret envelope');
  const dataKey = open(keyEncryptionKey(masterKey), wrapped, `dek:${context}`);
  return open(dataKey, body, `data:${context}`).toString('utf8');
}
