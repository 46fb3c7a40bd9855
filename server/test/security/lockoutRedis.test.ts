import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedisConfig } from '../../src/config.js';
import { RedisCounterStore } from '../../src/counters/redisCounters.repo.js';
import { rows, sql } from '../../src/db/client.js';
import { AppError } from '../../src/http/errors.js';
import { buildApp } from '../../src/app.js';
import { Client, login, makeUser, signedIn, testApp, testConfig, TEST_PASSWORD, type TestContext } from '../helpers.js';
import { activityActions, cookieOf, postLogin } from './securityHelpers.js';

/**
 * The A5 lockout and S6 rate limits with the Redis counter store (`REDIS_URL`). They need a
 * Redis at TEST_REDIS_URL (default redis://127.0.0.1:6379) and skip, saying so, without one.
 * Keys get a prefix of their own per run and are deleted afterwards.
 */
const url = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const redis: RedisConfig = { url, keyPrefix: `dalil-test:${process.pid}-${Date.now()}:` };

async function whyNoRedis(): Promise<string | null> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1500,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let lastError = '';
  probe.on('error', (err: Error) => (lastError = err.message));
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG' ? null : 'no PONG';
  } catch (err) {
    return lastError || (err instanceof Error ? err.message : String(err));
  } finally {
    probe.disconnect();
  }
}
const noRedis = await whyNoRedis();
if (noRedis) console.warn(`Redis counter-store tests skipped: no Redis at ${url} (${noRedis}). Set TEST_REDIS_URL.`);

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const lockKey = (username: string) => `${redis.keyPrefix}locked:user:${username.toLowerCase()}`;

async function tableCounts(ctx: TestContext): Promise<{ throttle: number; rates: number }> {
  const [row] = await rows<{ throttle: number; rates: number }>(
    ctx.database.db,
    sql`select (select count(*)::int from auth_throttle) as throttle, (select count(*)::int from rate_limits) as rates`,
  );
  return row ?? { throttle: -1, rates: -1 };
}

describe.skipIf(noRedis !== null)(`A5/S6 counters in Redis${noRedis ? ` (skipped: no Redis at ${url})` : ''}`, () => {
  let ctx: TestContext;
  let client: Redis;
  beforeAll(async () => {
    client = new Redis(url);
    ctx = await testApp({ redis });
  });
  afterAll(async () => {
    await ctx?.close();
    if (!client) return;
    const keys = await client.keys(`${redis.keyPrefix}*`);
    if (keys.length > 0) await client.del(...keys);
    client.disconnect();
  });

  it('A5 lockout counters in Redis: five failures lock the username (429, Retry-After), nothing in the database', async () => {
    const user = await makeUser(ctx);
    for (let i = 0; i < 5; i++)
      expect((await postLogin(ctx, user.username, 'wrong-password-123', { ip: '10.21.0.1' })).statusCode).toBe(401);
    const locked = await postLogin(ctx, user.username, TEST_PASSWORD, { ip: '10.21.0.2' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('rate_limited');
    const retry = Number(locked.headers['retry-after']);
    expect(retry).toBeGreaterThanOrEqual(59);
    expect(retry).toBeLessThanOrEqual(60);
    expect(await activityActions(ctx, user.id)).toEqual(expect.arrayContaining(['LOGIN:FAILURE', 'LOCKOUT:DENIED']));
    // The lock is a Redis key that expires by itself; the database tables stay empty.
    const ttl = await client.pttl(lockKey(user.username));
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    expect(await client.get(`${redis.keyPrefix}locks:user:${user.username.toLowerCase()}`)).toBe('1');
    expect(await tableCounts(ctx)).toEqual({ throttle: 0, rates: 0 });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('A5 lockout counters in Redis: the cooldown escalates, the second lock lasts twice as long', async () => {
    const user = await makeUser(ctx);
    for (let i = 0; i < 5; i++) await postLogin(ctx, user.username, 'wrong-password-123', { ip: '10.22.0.1' });
    expect(
      Number((await postLogin(ctx, user.username, TEST_PASSWORD, { ip: '10.22.0.1' })).headers['retry-after']),
    ).toBe(60);
    // Let the first lock run out without a successful sign-in.
    expect(await client.del(lockKey(user.username))).toBe(1);
    expect((await postLogin(ctx, user.username, 'wrong-password-123', { ip: '10.22.0.1' })).statusCode).toBe(401);
    for (let i = 0; i < 4; i++) await postLogin(ctx, user.username, 'wrong-password-123', { ip: '10.22.0.1' });
    const res = await postLogin(ctx, user.username, TEST_PASSWORD, { ip: '10.22.0.1' });
    expect(res.statusCode).toBe(429);
    const retry = Number(res.headers['retry-after']);
    expect(retry).toBeGreaterThanOrEqual(119);
    expect(retry).toBeLessThanOrEqual(120);
  });

  it('A5 lockout counters in Redis: per IP across usernames', async () => {
    const perIp = await testApp({
      redis,
      lockout: { threshold: 5, ipThreshold: 8, baseSeconds: 60, maxSeconds: 3600, windowMinutes: 15 },
    });
    try {
      const victim = await makeUser(perIp);
      for (let i = 0; i < 8; i++) await postLogin(perIp, `sprayed${i}`, 'wrong-password-123', { ip: '10.23.0.9' });
      expect((await postLogin(perIp, victim.username, TEST_PASSWORD, { ip: '10.23.0.9' })).statusCode).toBe(429);
      expect((await postLogin(perIp, victim.username, TEST_PASSWORD, { ip: '10.23.0.10' })).statusCode).toBe(200);
    } finally {
      await perIp.close();
    }
  });

  it('A5 lockout counters in Redis: an admin unlock clears the lock and its escalation', async () => {
    const user = await makeUser(ctx);
    for (let i = 0; i < 5; i++) await postLogin(ctx, user.username, 'wrong-password-123', { ip: '10.24.0.1' });
    expect((await postLogin(ctx, user.username, TEST_PASSWORD, { ip: '10.24.0.1' })).statusCode).toBe(429);
    const da = await signedIn(ctx, { roles: ['DA'] });
    expect((await da.post(`/api/users/${user.id}/unlock`)).statusCode).toBe(403);
    const admin = await signedIn(ctx, { roles: ['Admin'] });
    expect((await admin.post(`/api/users/${user.id}/unlock`)).json()).toEqual({ unlocked: true });
    expect(await client.exists(lockKey(user.username))).toBe(0);
    expect(await client.exists(`${redis.keyPrefix}locks:user:${user.username.toLowerCase()}`)).toBe(0);
    expect((await postLogin(ctx, user.username, TEST_PASSWORD, { ip: '10.24.0.1' })).statusCode).toBe(200);
    expect(await activityActions(ctx, user.id)).toContain('UNLOCK');
    // Nothing left to unlock.
    expect((await admin.post(`/api/users/${user.id}/unlock`)).json()).toEqual({ unlocked: false });
  });

  it('A5 lockout counters in Redis survive a restart: a new app over a fresh database still sees the lock', async () => {
    const name = `ghost${process.pid}restart`;
    const first = await testApp({ redis });
    for (let i = 0; i < 5; i++) await postLogin(first, name, 'wrong-password-123', { ip: '10.25.0.1' });
    expect((await postLogin(first, name, 'wrong-password-123', { ip: '10.25.0.1' })).statusCode).toBe(429);
    await first.close();
    const restarted = await testApp({ redis });
    const withoutRedis = await testApp();
    try {
      const res = await postLogin(restarted, name, 'wrong-password-123', { ip: '10.25.0.2' });
      expect(res.statusCode).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(50);
      // The same request against the database store (its own fresh database) is not locked.
      expect((await postLogin(withoutRedis, name, 'wrong-password-123', { ip: '10.25.0.2' })).statusCode).toBe(401);
    } finally {
      await restarted.close();
      await withoutRedis.close();
    }
  });

  it('A5/S6 two app instances share counts through Redis (failures and request windows)', async () => {
    const strict = { redis, rateLimitScale: 0.25 }; // login: 5 a minute per IP
    const a = await testApp(strict);
    const b = await testApp(strict);
    try {
      // Lockout: 3 failures through A and 2 through B lock the user A knows.
      const user = await makeUser(a);
      for (let i = 0; i < 3; i++)
        expect((await postLogin(a, user.username, 'wrong-password-123', { ip: `10.26.0.${i}` })).statusCode).toBe(401);
      for (let i = 3; i < 5; i++)
        expect((await postLogin(b, user.username, 'wrong-password-123', { ip: `10.26.0.${i}` })).statusCode).toBe(401);
      const locked = await postLogin(a, user.username, TEST_PASSWORD, { ip: '10.26.0.9' });
      expect(locked.statusCode).toBe(429);
      expect(locked.json().error.message).toMatch(/failed attempts/);
      // Rate limit: 3 logins through A and 2 through B fill the window of one IP.
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await postLogin(a, `nobody${i}`, 'x', { ip: '10.26.1.1' })).statusCode);
      for (let i = 3; i < 5; i++)
        statuses.push((await postLogin(b, `nobody${i}`, 'x', { ip: '10.26.1.1' })).statusCode);
      expect(statuses).toEqual([401, 401, 401, 401, 401]);
      const limited = await postLogin(a, 'nobody5', 'x', { ip: '10.26.1.1' });
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.message).toMatch(/Too many requests/);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(await client.get(`${redis.keyPrefix}rate:login:ip:10.26.1.1`)).toBe('6');
      expect(await tableCounts(a)).toEqual({ throttle: 0, rates: 0 });
      expect(await tableCounts(b)).toEqual({ throttle: 0, rates: 0 });
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('S6 rate limits in Redis on login, session and search, with 429 and Retry-After', async () => {
    const strict = await testApp({ redis, rateLimitScale: 0.25 });
    try {
      const user = await makeUser(strict);
      const login = await postLogin(strict, user.username, TEST_PASSWORD, { ip: '10.27.0.1' });
      expect(login.statusCode).toBe(200);
      const cookie = cookieOf(login);
      const get = (path: string) => strict.app.inject({ method: 'GET', url: path, headers: { cookie } });
      const search: number[] = [];
      for (let i = 0; i < 16; i++) search.push((await get('/api/bulletins?q=aleppo')).statusCode);
      expect(search).toEqual([...Array(15).fill(200), 429]);
      const session: number[] = [];
      let last;
      for (let i = 0; i < 31; i++) {
        last = await get('/api/auth/session');
        session.push(last.statusCode);
      }
      expect(session.slice(0, 30)).toEqual(Array(30).fill(200));
      expect(session[30]).toBe(429);
      expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(last?.headers['retry-after'])).toBeLessThanOrEqual(60);
      const logins: number[] = [];
      for (let i = 0; i < 6; i++)
        logins.push((await postLogin(strict, `nobody${i}`, 'x', { ip: '10.27.0.9' })).statusCode);
      expect(logins).toEqual([401, 401, 401, 401, 401, 429]);
      const windowTtl = await client.pttl(`${redis.keyPrefix}rate:search:user:${login.json().user.id}`);
      expect(windowTtl).toBeGreaterThan(0);
      expect(windowTtl).toBeLessThanOrEqual(60_000);
    } finally {
      await strict.close();
    }
  });

  it('A5/S6 Redis counts are atomic: 2 × 50 concurrent counts from two connections lose none', async () => {
    const one = new RedisCounterStore(redis);
    const two = new RedisCounterStore(redis);
    try {
      const hits = await Promise.all(
        Array.from({ length: 100 }, (_, i) => (i % 2 ? one : two).hit('test:concurrent', 60)),
      );
      expect(hits.map((h) => h.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      const rule = { threshold: 40, windowMinutes: 15, baseSeconds: 60, maxSeconds: 3600 };
      const locks = await Promise.all(
        Array.from({ length: 100 }, (_, i) => (i % 2 ? one : two).countFailure('user:concurrent', rule)),
      );
      // 100 failures with a threshold of 40: exactly two locks (60 s, then 120 s), 20 failures left over.
      expect(locks.filter((s) => s > 0).sort((x, y) => x - y)).toEqual([60, 120]);
      expect(await one.recentFailures(['user:concurrent', 'ip:none'], 15)).toBe(20);
      expect(await two.lockedFor(['user:concurrent'])).toBe(120);
      expect(await one.clear('user:concurrent')).toBe(true);
      expect(await two.lockedFor(['user:concurrent'])).toBe(0);
      expect(await two.clear('user:concurrent')).toBe(false);
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('A5/S6 every counter key in Redis carries a TTL, so it expires by itself', async () => {
    const keys = await client.keys(`${redis.keyPrefix}*`);
    // Rate windows, failures, locks and lock counts from the tests above.
    expect(keys.some((k) => k.includes(':rate:'))).toBe(true);
    expect(keys.some((k) => k.includes(':failures:'))).toBe(true);
    expect(keys.some((k) => k.includes(':locked:'))).toBe(true);
    expect(keys.some((k) => k.includes(':locks:'))).toBe(true);
    const ttls = await Promise.all(keys.map((k) => client.pttl(k)));
    expect(ttls.filter((t) => t <= 0)).toEqual([]);
  });
});

describe('A5/S6 Redis unreachable: sign-in fails closed', () => {
  it('S6 with Redis unreachable, signed-in users keep working (session, search) while sign-in stays closed', async () => {
    const down: RedisConfig = { url: `redis://127.0.0.1:${await closedPort()}`, keyPrefix: 'dalil-test-down:' };
    // Signed in while the store worked (the database store of a first app), then served by an app
    // whose Redis is down, over the same database.
    const ctx = await testApp();
    const second = await buildApp({ config: testConfig({ redis: down }), database: ctx.database, logger: false });
    try {
      await second.ready();
      const user = await makeUser(ctx);
      const first = await login(ctx, user.username);
      const client = new Client(second, first.cookie, first.csrf, first.userId);
      const session = await client.get('/api/auth/session');
      expect(session.statusCode).toBe(200);
      expect(session.json().user.username).toBe(user.username);
      const search = await client.post('/api/bulletins/search', { blocks: [{ text: 'shelling' }] });
      expect(search.statusCode).toBe(200);
      expect(search.json().items).toEqual([]);
      const signIn = await second.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password: TEST_PASSWORD },
      });
      expect(signIn.statusCode).toBe(503);
      expect(signIn.json().error.code).toBe('unavailable');
    } finally {
      await second.close();
      await ctx.close();
    }
  });

  it('A5 with Redis unreachable, sign-in answers 503 with Retry-After and no session; health says unavailable', async () => {
    const down: RedisConfig = { url: `redis://127.0.0.1:${await closedPort()}`, keyPrefix: 'dalil-test-down:' };
    const ctx = await testApp({ redis: down });
    try {
      const user = await makeUser(ctx);
      const res = await postLogin(ctx, user.username, TEST_PASSWORD);
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('unavailable');
      expect(res.json().error.message).toMatch(/Redis/);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect((await ctx.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(503);
      // Every counter operation refuses rather than reporting "not locked" or "no failures".
      const store = new RedisCounterStore(down);
      try {
        const rule = { threshold: 5, windowMinutes: 15, baseSeconds: 60, maxSeconds: 3600 };
        const operations: Array<() => Promise<unknown>> = [
          () => store.hit('login:ip:1', 60),
          () => store.countFailure('user:x', rule),
          () => store.lockedFor(['user:x']),
          () => store.recentFailures(['user:x'], 15),
          () => store.clear('user:x'),
        ];
        for (const operation of operations) {
          const err = await operation().then(
            () => null,
            (e: unknown) => e,
          );
          expect(err).toBeInstanceOf(AppError);
          expect((err as AppError).status).toBe(503);
        }
      } finally {
        await store.close();
      }
    } finally {
      await ctx.close();
    }
  });
});
