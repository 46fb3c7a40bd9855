import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, loadSecrets } from './config.js';

describe('secrets (O1)', () => {
  it('generates secrets into DATA_DIR/secrets.json with mode 0600 and reuses them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dalil-secrets-'));
    const first = loadSecrets({}, dir);
    const file = join(dir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.sessionKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.sessionKey).not.toBe(first.encryptionKey);
    expect(loadSecrets({}, dir)).toEqual(first);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first);
  });

  it('refuses to start when the secrets file is readable by group or others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dalil-secrets-'));
    loadSecrets({}, dir);
    chmodSync(join(dir, 'secrets.json'), 0o644);
    expect(() => loadSecrets({}, dir)).toThrow(/readable by group or others/);
  });

  it('takes secrets from the environment or from *_FILE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dalil-secrets-'));
    const keyFile = join(dir, 'key');
    writeFileSync(keyFile, 'from-file-secret\n');
    expect(loadSecrets({ SESSION_KEY: 'env-secret', ENCRYPTION_KEY_FILE: keyFile }, dir)).toEqual({
      sessionKey: 'env-secret',
      encryptionKey: 'from-file-secret',
    });
  });
});

describe('loadConfig', () => {
  it('applies documented defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dalil-cfg-'));
    const c = loadConfig({ DATA_DIR: dir });
    expect(c).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: dir,
      databaseUrl: undefined,
      adminUsername: 'admin',
      cookieSecure: false,
    });
  });
  it('names the bad setting', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
  it('keeps lockout and rate-limit counters in the database unless REDIS_URL is set (A5, S6)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dalil-cfg-'));
    expect(loadConfig({ DATA_DIR: dir }).redis).toBeNull();
    expect(loadConfig({ DATA_DIR: dir, REDIS_URL: '' }).redis).toBeNull();
    expect(loadConfig({ DATA_DIR: dir, REDIS_URL: 'redis://127.0.0.1:6379/2' }).redis).toEqual({
      url: 'redis://127.0.0.1:6379/2',
      keyPrefix: 'dalil:',
    });
    const file = join(dir, 'redis-url');
    writeFileSync(file, 'rediss://:secret@cache.example:6380\n');
    expect(loadConfig({ DATA_DIR: dir, REDIS_URL_FILE: file, REDIS_KEY_PREFIX: 'tenant1:' }).redis).toEqual({
      url: 'rediss://:secret@cache.example:6380',
      keyPrefix: 'tenant1:',
    });
    expect(() => loadConfig({ DATA_DIR: dir, REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL/);
  });
});
