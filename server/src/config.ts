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
  /** Base URL browsers use to reach the app; WebAuthn's origin and RP id and the OIDC redirect come from it. */
  publicUrl: string;
  /** How long a re-authentication ("sudo mode", A8) stays valid. */
  reauthMinutes: number;
  lockout: LockoutConfig;
  /** Multiplies every rate limit (S6); tests raise it so many logins from 127.0.0.1 pass. */
  rateLimitScale: number;
  /** Lockout and rate-limit counters in Redis instead of the database (A5, S6); null: the database. */
  redis: RedisConfig | null;
  recaptcha: RecaptchaConfig | null;
  oidc: OidcConfig | null;
  webDist: string;
  logLevel: string;
  /** Hosts of the map tile server, allowed in the CSP's img-src. */
  mapTileHosts: string[];
  files: FilesConfig;
  secrets: Secrets;
}

/** Where uploaded media and built exports live, and how long things are kept (D4, D6, O5). */
export interface FilesConfig {
  mediaDir: string;
  exportDir: string;
  /** Partial uploads and temporary import files; the cleanup job empties what is older than a day. */
  tmpDir: string;
  mediaMaxBytes: number;
  /** Hours an approved export stays downloadable before the expiry job deletes it. */
  exportExpiryHours: number;
  /** Days a removed media's file is kept (so an admin can still restore it) before cleanup deletes it. */
  mediaPurgeDays: number;
  /** D6: an uploaded zip (or docx, xlsx, ...) declaring more uncompressed bytes than this is refused (default 1 GiB). */
  zipMaxUncompressedBytes?: number;
}

/** A5: failures before a lock, per username and per IP, and the first lock's length (doubling after). */
export interface LockoutConfig {
  threshold: number;
  ipThreshold: number;
  baseSeconds: number;
  maxSeconds: number;
  /** Failures older than this no longer count. */
  windowMinutes: number;
}

export interface RedisConfig {
  /** `redis://` or `rediss://` URL, credentials included when Redis needs them. */
  url: string;
  /** Put before every key (default `dalil:`), so several instances can share one Redis. */
  keyPrefix: string;
}

export interface RecaptchaConfig {
  siteKey: string;
  secret: string;
  /** Server-side verification endpoint; the only host the CAPTCHA check may contact (D8). */
  verifyUrl: string;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** E-mail domains whose verified addresses may sign in (A7). */
  allowedDomains: string[];
  /** Hosts besides the issuer's that discovery may name (Google's token and key endpoints) (D8). */
  extraHosts: string[];
  label: string;
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
  // Fractions allowed, so a test can run with a 30-second idle timeout.
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(60),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().default(12),
  PUBLIC_URL: z.url().optional(),
  REAUTH_MINUTES: z.coerce.number().positive().default(15),
  LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).default(5),
  LOCKOUT_IP_THRESHOLD: z.coerce.number().int().min(1).default(50),
  LOCKOUT_BASE_SECONDS: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_SCALE: z.coerce.number().positive().default(1),
  REDIS_KEY_PREFIX: z.string().min(1).max(64).default('dalil:'),
  RECAPTCHA_SITE_KEY: z.string().min(1).optional(),
  RECAPTCHA_VERIFY_URL: z.url().default('https://www.google.com/recaptcha/api/siteverify'),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_ALLOWED_DOMAINS: z.string().default(''),
  OIDC_EXTRA_HOSTS: z.string().optional(),
  OIDC_LABEL: z.string().min(1).default('Google'),
  LOG_LEVEL: z.string().default('info'),
  MAP_TILE_HOSTS: z.string().default(''),
  WEB_DIST: z.string().optional(),
  MEDIA_MAX_MB: z.coerce.number().positive().default(200),
  EXPORT_EXPIRY_HOURS: z.coerce.number().positive().default(2),
  MEDIA_PURGE_DAYS: z.coerce.number().min(0).default(30),
  MEDIA_ZIP_MAX_MB: z.coerce.number().positive().default(1024),
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

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);

function recaptchaFrom(env: NodeJS.ProcessEnv, siteKey: string | undefined, verifyUrl: string): RecaptchaConfig | null {
  const secret = fromEnvOrFile(env, 'RECAPTCHA_SECRET');
  return siteKey && secret ? { siteKey, secret, verifyUrl } : null;
}

/** The URL may hold a password, so it may also come from `REDIS_URL_FILE` (O1). */
function redisFrom(env: NodeJS.ProcessEnv, keyPrefix: string): RedisConfig | null {
  const url = fromEnvOrFile(env, 'REDIS_URL');
  if (!url) return null;
  if (!/^rediss?:\/\//.test(url))
    throw new Error('Invalid configuration: REDIS_URL: must start with redis:// or rediss://');
  return { url, keyPrefix };
}

function oidcFrom(env: NodeJS.ProcessEnv, e: z.infer<typeof envSchema>): OidcConfig | null {
  const clientSecret = fromEnvOrFile(env, 'OIDC_CLIENT_SECRET');
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !clientSecret) return null;
  const google = new URL(e.OIDC_ISSUER).host === 'accounts.google.com';
  return {
    issuer: e.OIDC_ISSUER.replace(/\/$/, ''),
    clientId: e.OIDC_CLIENT_ID,
    clientSecret,
    allowedDomains: list(e.OIDC_ALLOWED_DOMAINS),
    extraHosts:
      e.OIDC_EXTRA_HOSTS !== undefined
        ? list(e.OIDC_EXTRA_HOSTS)
        : google
          ? ['oauth2.googleapis.com', 'www.googleapis.com']
          : [],
    label: e.OIDC_LABEL,
  };
}

export function loadConfig(rawEnv: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as shells and .env files commonly write it.
  const env = Object.fromEntries(Object.entries(rawEnv).filter(([, v]) => v !== '')) as NodeJS.ProcessEnv;
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
    // Browsers refuse WebAuthn on an IP address, so the loopback default is named localhost.
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST === '127.0.0.1' ? 'localhost' : e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    reauthMinutes: e.REAUTH_MINUTES,
    lockout: {
      threshold: e.LOCKOUT_THRESHOLD,
      ipThreshold: e.LOCKOUT_IP_THRESHOLD,
      baseSeconds: e.LOCKOUT_BASE_SECONDS,
      maxSeconds: 24 * 3600,
      windowMinutes: 15,
    },
    rateLimitScale: e.RATE_LIMIT_SCALE,
    redis: redisFrom(env, e.REDIS_KEY_PREFIX),
    recaptcha: recaptchaFrom(env, e.RECAPTCHA_SITE_KEY, e.RECAPTCHA_VERIFY_URL),
    oidc: oidcFrom(env, e),
    webDist: e.WEB_DIST ? resolve(e.WEB_DIST) : join(repoRoot, 'web', 'dist'),
    logLevel: e.LOG_LEVEL,
    mapTileHosts: e.MAP_TILE_HOSTS.split(',')
      .map((h) => h.trim())
      .filter((h) => /^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(h)),
    files: {
      mediaDir: join(dataDir, 'media'),
      exportDir: join(dataDir, 'exports'),
      tmpDir: join(dataDir, 'tmp'),
      mediaMaxBytes: Math.round(e.MEDIA_MAX_MB * 1024 * 1024),
      exportExpiryHours: e.EXPORT_EXPIRY_HOURS,
      mediaPurgeDays: e.MEDIA_PURGE_DAYS,
      zipMaxUncompressedBytes: Math.round(e.MEDIA_ZIP_MAX_MB * 1024 * 1024),
    },
    secrets: loadSecrets(env, dataDir),
  };
}
