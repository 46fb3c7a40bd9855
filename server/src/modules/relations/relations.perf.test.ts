import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testApp, type Client, type TestContext } from '../../../test/helpers.js';
import { relationTypeId } from '../../../test/recordFixtures.js';
import { rows, sql } from '../../db/client.js';

/**
 * Measures loading the relations of an actor with 2,000 related bulletins and 2,000 related
 * actors (the figure the issue asks for). Rows are inserted in bulk with SQL; reads go
 * through HTTP like the UI's.
 */
let ctx: TestContext;
let admin: Client;
let viewer: Client;
let actorId: number;
const N = 2000;

beforeAll(async () => {
  ctx = await testApp();
  admin = await signedIn(ctx, { roles: ['Admin'] });
  const group = (await admin.post('/api/groups', { name: 'Perf group', description: '' })).json();
  viewer = await signedIn(ctx, { groups: [group.id] });
  const db = ctx.database.db;
  const witness = await relationTypeId(ctx, 'actor-bulletin', 'Witness');
  const sibling = await relationTypeId(ctx, 'actor-actor', 'Sibling');
  actorId = (
    await admin.post('/api/actors', { type: 'Entity', name: 'Hub', profiles: [{ mode: 'normal' }], comment: 'perf' })
  ).json().id;
  await rows(
    db,
    sql`insert into bulletins (title, status) select 'Perf bulletin ' || g, 'Human Created' from generate_series(1, ${N}) g`,
  );
  await rows(
    db,
    sql`insert into actors (type, name, status) select 'Entity', 'Perf actor ' || g, 'Human Created' from generate_series(1, ${N}) g`,
  );
  // Every tenth related record is restricted to a group, so the visibility predicate has work to do.
  await rows(
    db,
    sql`insert into bulletin_groups (bulletin_id, group_id) select id, ${group.id} from bulletins where title like 'Perf bulletin %' and id % 10 = 0`,
  );
  await rows(
    db,
    sql`insert into actor_bulletin_relations (actor_id, bulletin_id, types, probability) select ${actorId}, id, array[${witness}]::int[], 1 from bulletins where title like 'Perf bulletin %'`,
  );
  await rows(
    db,
    sql`insert into actor_relations (actor_id, related_actor_id, types, reversed) select least(${actorId}, id), greatest(${actorId}, id), array[${sibling}]::int[], false from actors where name like 'Perf actor %'`,
  );
  await rows(db, sql`analyze`);
});
afterAll(() => ctx.close());

async function timed(client: Client, url: string, runs = 5): Promise<{ ms: number; body: Record<string, unknown> }> {
  let body: Record<string, unknown> = {};
  await client.get(url); // warm-up
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    const res = await client.get(url);
    expect(res.statusCode).toBe(200);
    body = res.json();
  }
  return { ms: (performance.now() - start) / runs, body };
}

describe(`relations of a record with ${N} + ${N} relations`, () => {
  it('loads a page of one kind and the grouped first pages quickly', async () => {
    const oneKind = await timed(viewer, `/api/actors/${actorId}/relations?kind=bulletin&limit=50`);
    expect((oneKind.body.items as unknown[]).length).toBe(50);
    expect(oneKind.body.total).toBe(N);
    const selfKind = await timed(viewer, `/api/actors/${actorId}/relations?kind=actor&limit=50`);
    expect(selfKind.body.total).toBe(N);
    const grouped = await timed(viewer, `/api/actors/${actorId}/relations?limit=50`);
    expect((grouped.body.bulletins as { total: number }).total).toBe(N);
    const outsider = await signedIn(ctx, {});
    const hidden = await timed(outsider, `/api/actors/${actorId}/relations?kind=bulletin&limit=50`);
    expect(hidden.body.total).toBe(N - N / 10);
    const report = {
      engine: ctx.database.engine,
      bulletinPageMs: Math.round(oneKind.ms),
      actorPageMs: Math.round(selfKind.ms),
      groupedMs: Math.round(grouped.ms),
      outsiderBulletinPageMs: Math.round(hidden.ms),
    };
    console.log(`relations timing: ${JSON.stringify(report)}`);
    expect(grouped.ms).toBeLessThan(3000);
  });
});
