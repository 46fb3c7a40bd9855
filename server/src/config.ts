import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Root of the repository (server/src/config.ts → ../../). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Secrets {
  /** Signs CSRF tokens; 256 bits. */
  sessionKey: string;
  /** Encrypts third-party secrets at rest (TOTP etc.); 256 bits. */
  encryptionKey: string;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL URL; when absent the embedded PGlite database under dataDir is used. */
  databaseUrl: string | undefined;
  adminUsername: string;
  adminPassword: string | undefined;
  cookieSecure: boolean;
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  webDist: string;
  logLevel: string;
  secrets: Secrets;
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  ADMIN_USERNAME: z.string().min(1).default('admin'),
  ADMIN_PASSWORD: z.string().min(1).optional(),
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(60),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  LOG_LEVEL: z.string().default('info'),
  WEB_DIST: z.string().optional(),
});

/** Reads `NAME` or the contents of the file named by `NAME_FILE` (O1). */
function fromEnvOrFile(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const direct = env[name];
  if (direct) return direct;
  const file = env[`${name}_FILE`];
  if (file) return readFileSync(file, 'utf8').trim();
  return undefined;
}

/** Refuses to start when a secrets file is readable by group or others (O1). */
export function assertPrivateFile(path: string): void {
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(
      `Refusing to start: ${path} is readable by group or others (mode ${mode.toString(8)}). Run: chmod 600 ${path}`,
    );
  }
}

/** Loads secrets from env/files, or generates them into DATA_DIR/secrets.json with mode 0600. */
export function loadSecrets(env: NodeJS.ProcessEnv, dataDir: string): Secrets {
  const sessionKey = fromEnvOrFile(env, 'SESSION_KEY');
  const encryptionKey = fromEnvOrFile(env, 'ENCRYPTION_KEY');
  if (sessionKey && encryptionKey) return { sessionKey, encryptionKey };

  const file = join(dataDir, 'secrets.json');
  let stored: Partial<Secrets> = {};
  if (existsSync(file)) {
    assertPrivateFile(file);
    stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>;
  }
  const merged: Secrets = {
    sessionKey: sessionKey ?? stored.sessionKey ?? randomBytes(32).toString('base64url'),
    encryptionKey: encryptionKey ?? stored.encryptionKey ?? randomBytes(32).toString('base64url'),
  };
  if (merged.sessionKey !== stored.sessionKey || merged.encryptionKey !== stored.encryptionKey) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify({ sessionKey: merged.sessionKey, encryptionKey: merged.encryptionKey }), {
      mode: 0o600,
    });
  }
  const envFile = resolve('.env');
  if (existsSync(envFile)) assertPrivateFile(envFile);
  return merged;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: fromEnvOrFile(env, 'DATABASE_URL') ?? e.DATABASE_URL,
    adminUsername: e.ADMIN_USERNAME,
    adminPassword: fromEnvOrFile(env, 'ADMIN_PASSWORD') ?? e.ADMIN_PASSWORD,
    cookieSecure: e.COOKIE_SECURE === 'true',
    trustProxy: e.TRUST_PROXY === 'true',
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    webDist: e.WEB_DIST ? resolve(e.WEB_DIST) : join(repoRoot, 'web', 'dist'),
    logLevel: e.LOG_LEVEL,
    secrets: loadSecrets(env, dataDir),
  };
}
