import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testApp, type Client, type TestContext } from '../../test/helpers.js';
import { enqueueJob } from './queue.js';

let ctx: TestContext;
let owner: Client;
let other: Client;
let admin: Client;
beforeAll(async () => {
  ctx = await testApp();
  owner = await signedIn(ctx, { roles: ['DA'] });
  other = await signedIn(ctx, { roles: ['DA'] });
  admin = await signedIn(ctx, { roles: ['Admin'] });
  ctx.app.jobWorker.register('test-sum', async ({ job, progress }) => {
    const values = job.payload.values as number[];
    let sum = 0;
    for (let i = 0; i < values.length; i++) {
      sum += values[i] ?? 0;
      await progress(i + 1, values.length);
    }
    return { sum };
  });
  ctx.app.jobWorker.register('test-fail', async () => {
    throw new Error('secret internal detail');
  });
});
afterAll(() => ctx.close());

describe('background jobs', () => {
  it('runs a queued job, storing progress and result, visible to its owner only', async () => {
    const id = await enqueueJob(ctx.database.db, 'test-sum', { values: [1, 2, 3, 4] }, owner.userId);
    const queued = (await owner.get(`/api/jobs/${id}`)).json();
    expect(queued).toMatchObject({ id, status: 'queued', progress: 0 });
    expect(await ctx.app.jobWorker.drain()).toBe(1);
    const done = (await owner.get(`/api/jobs/${id}`)).json();
    expect(done).toMatchObject({ status: 'done', progress: 4, total: 4, result: { sum: 10 }, error: null });
    expect((await other.get(`/api/jobs/${id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/jobs/${id}`)).statusCode).toBe(200);
  });

  it('marks a failing job failed without leaking its error text', async () => {
    const id = await enqueueJob(ctx.database.db, 'test-fail', {}, owner.userId);
    await ctx.app.jobWorker.drain();
    const body = (await owner.get(`/api/jobs/${id}`)).json();
    expect(body.status).toBe('failed');
    expect(JSON.stringify(body)).not.toContain('secret internal detail');
  });

  it('leaves jobs of unknown kinds queued', async () => {
    const id = await enqueueJob(ctx.database.db, 'nobody-handles-this', {}, owner.userId);
    expect(await ctx.app.jobWorker.drain()).toBe(0);
    expect((await owner.get(`/api/jobs/${id}`)).json().status).toBe('queued');
  });
});
