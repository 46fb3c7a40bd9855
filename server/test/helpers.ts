import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../src/app.js';
import type { Config } from '../src/config.js';
import { openPostgres, wrapPglite, type Database } from '../src/db/client.js';
import type { UserPermissions } from '../src/db/schema/users.js';
import type { Role } from '../src/http/actingUser.js';
import { createUser } from '../src/modules/users/users.service.js';

export const TEST_PASSWORD = 'correct-horse-battery-staple-42';

let counter = 0;

/** A fresh migrated, seeded database for one test file. */
export async function testDatabase(): Promise<Database> {
  const pgTemplate = inject('pgTemplate');
  const url = process.env.TEST_DATABASE_URL;
  if (pgTemplate && url) {
    const name = `dalil_t_${process.ppid}_${process.pid}_${Date.now()}_${counter++}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${pgTemplate}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    return openPostgres(u.toString());
  }
  const file = inject('pgliteTemplate');
  if (!file) throw new Error('global setup did not provide a template database');
  const blob = new Blob([readFileSync(file)]);
  const client = await PGlite.create({ loadDataDir: blob, extensions: { pg_trgm } });
  return wrapPglite(client);
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  const dataDir = mkdtempSync(join(tmpdir(), 'dalil-test-'));
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: undefined,
    adminUsername: 'admin',
    adminPassword: undefined,
    cookieSecure: false,
    trustProxy: false,
    sessionIdleMinutes: 60,
    sessionAbsoluteHours: 12,
    publicUrl: 'http://localhost:3000',
    reauthMinutes: 15,
    lockout: { threshold: 5, ipThreshold: 50, baseSeconds: 60, maxSeconds: 86_400, windowMinutes: 15 },
    rateLimitScale: 100,
    redis: null,
    recaptcha: null,
    oidc: null,
    webDist: join(tmpdir(), 'dalil-no-web'),
    logLevel: 'silent',
    mapTileHosts: [],
    files: {
      mediaDir: join(dataDir, 'media'),
      exportDir: join(dataDir, 'exports'),
      tmpDir: join(dataDir, 'tmp'),
      mediaMaxBytes: 5 * 1024 * 1024,
      exportExpiryHours: 2,
      mediaPurgeDays: 30,
    },
    secrets: { sessionKey: 'test-session-key-0123456789abcdef', encryptionKey: 'test-encryption-key-0123456789ab' },
    ...overrides,
  };
}

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

export async function testApp(overrides: Partial<Config> = {}): Promise<TestContext> {
  const database = await testDatabase();
  const config = testConfig(overrides);
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

let userSeq = 0;
export async function makeUser(
  ctx: TestContext,
  opts: { roles?: Role[]; permissions?: Partial<UserPermissions>; groups?: number[]; username?: string } = {},
): Promise<{ id: number; username: string }> {
  const username = opts.username ?? `user${process.pid}x${userSeq++}`;
  const row = await createUser(
    ctx.database.db,
    { cli: true, username: 'test' },
    {
      username,
      password: TEST_PASSWORD,
      roles: opts.roles ?? [],
      permissions: opts.permissions,
      groups: opts.groups,
    },
  );
  return { id: row.id, username: row.username };
}

/** A signed-in HTTP client for tests: carries the cookie and CSRF token. */
export class Client {
  constructor(
    readonly app: FastifyInstance,
    readonly cookie: string,
    readonly csrf: string,
    readonly userId: number,
  ) {}

  get(url: string): Promise<LightMyRequestResponse> {
    return this.app.inject({ method: 'GET', url, headers: { cookie: this.cookie } });
  }

  post(url: string, body?: unknown, opts: { csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { cookie: this.cookie };
    if (opts.csrf !== false) headers['x-csrf-token'] = this.csrf;
    return this.app.inject({
      method: 'POST',
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });
  }
}

export async function login(ctx: TestContext, username: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const cookie = (raw ?? '').split(';')[0] ?? '';
  const body = res.json<{ csrfToken: string; user: { id: number } }>();
  return new Client(ctx.app, cookie, body.csrfToken, body.user.id);
}

/** A user with the given roles, already signed in. */
export async function signedIn(
  ctx: TestContext,
  opts: { roles?: Role[]; permissions?: Partial<UserPermissions>; groups?: number[] } = {},
): Promise<Client> {
  const user = await makeUser(ctx, opts);
  return login(ctx, user.username);
}
