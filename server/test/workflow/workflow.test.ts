import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, sql } from '../../src/db/client.js';
import type { RecordKind } from '../../src/modules/records/records.types.js';
import { login, makeUser, signedIn, testApp, type Client, type TestContext } from '../helpers.js';
import { create, drainJobs, PLURAL } from './common.js';

let ctx: TestContext;
let admin: Client;
let moderator: Client;
let owner: Client;
let reviewer: Client;
let selfAssigner: Client;
let plainDa: Client;
let groupId: number;

async function unassigned(kind: RecordKind, title: string): Promise<number> {
  const rec = await create(admin, kind, title);
  await rows(
    ctx.database.db,
    sql`update ${sql.identifier(PLURAL[kind])} set assigned_to_id = null, status = 'Machine Created' where id = ${rec.id}`,
  );
  return rec.id;
}

async function countWhere(table: string, cond: ReturnType<typeof sql>): Promise<number> {
  const [r] = await rows<{ n: number }>(
    ctx.database.db,
    sql`select count(*)::int as n from ${sql.identifier(table)} where ${cond}`,
  );
  return r?.n ?? 0;
}

beforeAll(async () => {
  ctx = await testApp();
  admin = await signedIn(ctx, { roles: ['Admin'] });
  moderator = await signedIn(ctx, { roles: ['Moderator'] });
  owner = await signedIn(ctx, { roles: ['DA'] });
  reviewer = await signedIn(ctx, { roles: ['DA'] });
  selfAssigner = await signedIn(ctx, { roles: ['DA'], permissions: { canSelfAssign: true } });
  plainDa = await signedIn(ctx, { roles: ['DA'] });
  groupId = (await admin.post('/api/groups', { name: 'Team G' })).json<{ id: number }>().id;
});
afterAll(() => ctx.close());

describe.each(['bulletin', 'actor', 'incident'] as RecordKind[])('workflow of %s', (kind) => {
  const base = `/api/${PLURAL[kind]}`;
  it('assign → edit → peer review → revisit → finalise, each step only for the right person', async () => {
    const id = await unassigned(kind, `Workflow ${kind}`);
    const revisionsBefore = await countWhere('revisions', sql`kind = ${kind} and record_id = ${id}`);
    // Only Moderator/Admin assign.
    expect((await owner.post(`${base}/${id}/assign`, { assignedTo: owner.userId, comment: 'mine' })).statusCode).toBe(
      403,
    );
    const assigned = await moderator.post(`${base}/${id}/assign`, {
      assignedTo: owner.userId,
      comment: 'please document',
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json().status).toBe('Assigned');
    // The owner edits; someone else cannot.
    const ownView = (await owner.get(`${base}/${id}`)).json();
    expect(ownView.permissions).toMatchObject({
      update: true,
      assign: false,
      review: false,
      finalize: false,
      selfAssign: false,
    });
    expect((await plainDa.post(`${base}/${id}/update`, { comment: 'x', status: 'Updated' })).statusCode).toBe(403);
    expect((await owner.post(`${base}/${id}/update`, { comment: 'documented', status: 'Updated' })).statusCode).toBe(
      200,
    );
    // Peer reviewer assigned by a Moderator: the owner is locked out.
    expect(
      (await owner.post(`${base}/${id}/assign-reviewer`, { reviewer: reviewer.userId, comment: 'r' })).statusCode,
    ).toBe(403);
    const pra = await moderator.post(`${base}/${id}/assign-reviewer`, {
      reviewer: reviewer.userId,
      comment: 'review please',
    });
    expect(pra.statusCode).toBe(200);
    expect(pra.json().status).toBe('Peer Review Assigned');
    const locked = await owner.post(`${base}/${id}/update`, { comment: 'sneaky', status: 'Updated' });
    expect(locked.statusCode).toBe(403);
    expect((await owner.get(`${base}/${id}`)).json().permissions.update).toBe(false);
    // Only the reviewer reviews.
    expect(
      (await owner.post(`${base}/${id}/review`, { review: 'fine', reviewAction: 'No Review Needed' })).statusCode,
    ).toBe(403);
    expect(
      (await plainDa.post(`${base}/${id}/review`, { review: 'fine', reviewAction: 'No Review Needed' })).statusCode,
    ).toBe(403);
    expect((await reviewer.get(`${base}/${id}`)).json().permissions.review).toBe(true);
    const reviewed = await reviewer.post(`${base}/${id}/review`, {
      review: '<p>Check the date</p><script>x</script>',
      reviewAction: 'Needs Review',
    });
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json()).toMatchObject({ status: 'Peer Reviewed', reviewAction: 'Needs Review' });
    expect(reviewed.json().review).not.toContain('script');
    // The owner revisits: the next edit moves it to Revisited.
    const revisited = await owner.post(`${base}/${id}/update`, { comment: 'fixed the date' });
    expect(revisited.statusCode).toBe(200);
    expect(revisited.json().status).toBe('Revisited');
    // Only an Admin finalises.
    expect((await moderator.post(`${base}/${id}/finalize`, { comment: 'done' })).statusCode).toBe(403);
    expect((await owner.post(`${base}/${id}/finalize`, { comment: 'done' })).statusCode).toBe(403);
    const fin = await admin.post(`${base}/${id}/finalize`, { comment: 'done' });
    expect(fin.statusCode).toBe(200);
    expect(fin.json().status).toBe('Finalized');
    // Each transition wrote a revision and an activity row.
    expect(await countWhere('revisions', sql`kind = ${kind} and record_id = ${id}`)).toBe(revisionsBefore + 6);
    for (const action of ['ASSIGN', 'ASSIGN_REVIEWER', 'REVIEW', 'FINALIZE']) {
      expect(await countWhere('activity', sql`kind = ${kind} and record_id = ${id} and action = ${action}`)).toBe(1);
    }
    // Notifications reached the people concerned, with unread counts, without the record's title.
    const ownerNotes = (await owner.get('/api/notifications')).json();
    expect(ownerNotes.unread).toBeGreaterThan(0);
    const mine = ownerNotes.items.filter((n: { link: string }) => n.link === `/${PLURAL[kind]}/${id}`);
    expect(mine.map((n: { title: string }) => n.title).join('|')).toMatch(/assigned to you.*|.*finalized/);
    expect(JSON.stringify(mine)).not.toContain('Workflow');
    const reviewerNotes = (await reviewer.get('/api/notifications')).json();
    expect(
      reviewerNotes.items.some(
        (n: { title: string; link: string }) => n.link === `/${PLURAL[kind]}/${id}` && /peer review/.test(n.title),
      ),
    ).toBe(true);
  });

  it('self-assign: DA with canSelfAssign, unassigned record, comment required', async () => {
    const id = await unassigned(kind, `Self ${kind}`);
    expect((await plainDa.post(`${base}/${id}/self-assign`, { comment: 'mine' })).statusCode).toBe(403);
    expect((await selfAssigner.post(`${base}/${id}/self-assign`, { comment: '' })).statusCode).toBe(400);
    expect((await selfAssigner.get(`${base}/${id}`)).json().permissions.selfAssign).toBe(true);
    const res = await selfAssigner.post(`${base}/${id}/self-assign`, { comment: 'taking it' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'Assigned', assignedTo: { id: selfAssigner.userId } });
    // Now it has an active assignee: nobody else self-assigns it.
    const other = await signedIn(ctx, { roles: ['DA'], permissions: { canSelfAssign: true } });
    expect((await other.post(`${base}/${id}/self-assign`, { comment: 'me too' })).statusCode).toBe(403);
  });

  it('an ordinary update by a non-Admin cannot change the assignee or jump workflow statuses (400 with field)', async () => {
    const rec = await create(owner, kind, `Own ${kind}`);
    const a = await owner.post(`${base}/${rec.id}/update`, { comment: 'x', assignedTo: plainDa.userId });
    expect(a.statusCode).toBe(400);
    expect(a.json().error.fields.assignedTo).toBeTruthy();
    const s = await owner.post(`${base}/${rec.id}/update`, { comment: 'x', status: 'Finalized' });
    expect(s.statusCode).toBe(400);
    expect(s.json().error.fields.status).toBeTruthy();
    // Reviewer fields are not part of an update at all.
    expect(
      (await owner.post(`${base}/${rec.id}/update`, { comment: 'x', firstPeerReviewer: reviewer.userId })).statusCode,
    ).toBe(400);
  });

  it('cannot assign to someone who cannot see the record, nor review without a reviewer', async () => {
    const rec = await create(admin, kind, `Restricted ${kind}`, { accessGroups: [groupId] });
    const res = await admin.post(`${base}/${rec.id}/assign`, { assignedTo: plainDa.userId, comment: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.assignedTo).toBeTruthy();
  });
});

describe('bulk update', () => {
  it('runs as a job with progress, skips what the caller cannot see, one revision per changed record', async () => {
    const visible = await unassigned('bulletin', 'Bulk one');
    const visible2 = await unassigned('bulletin', 'Bulk two');
    await rows(ctx.database.db, sql`update settings set value = value where false`);
    const hidden = await create(admin, 'bulletin', 'Bulk hidden', { accessGroups: [groupId] });
    const before = await countWhere(
      'revisions',
      sql`kind = 'bulletin' and record_id in (${visible}, ${visible2}, ${hidden.id})`,
    );
    const res = await moderator.post('/api/bulletins/bulk', {
      ids: [visible, visible2, hidden.id, 99999999],
      assignedTo: owner.userId,
      tags: ['batch-7'],
      comment: 'weekly triage',
    });
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json();
    await drainJobs(ctx.app);
    const job = (await moderator.get(`/api/jobs/${jobId}`)).json();
    expect(job).toMatchObject({ status: 'done', progress: 4, total: 4 });
    expect(job.result.changed.map((c: { id: number }) => c.id).sort()).toEqual([visible, visible2].sort());
    const skipped = job.result.skipped as { id: number; reason: string }[];
    // Hidden and missing ids are reported identically.
    expect(skipped.find((s) => s.id === hidden.id)?.reason).toBe('not found');
    expect(skipped.find((s) => s.id === 99999999)?.reason).toBe('not found');
    expect(
      await countWhere('revisions', sql`kind = 'bulletin' and record_id in (${visible}, ${visible2}, ${hidden.id})`),
    ).toBe(before + 2);
    const after = (await owner.get(`/api/bulletins/${visible}`)).json();
    expect(after).toMatchObject({ status: 'Assigned', assignedTo: { id: owner.userId }, tags: ['batch-7'] });
  });

  it("refuses a Moderator's access-group change (never clears groups); an Admin replaces them", async () => {
    const rec = await create(admin, 'bulletin', 'Grouped', { accessGroups: [groupId] });
    const mod = await moderator.post('/api/bulletins/bulk', {
      ids: [rec.id],
      accessGroups: [],
      accessGroupsReplace: true,
      comment: 'x',
    });
    expect(mod.statusCode).toBe(400);
    expect(mod.json().error.fields.accessGroups).toBeTruthy();
    expect((await admin.get(`/api/bulletins/${rec.id}`)).json().accessGroups).toEqual([groupId]);
    const g2 = (await admin.post('/api/groups', { name: 'Team H' })).json<{ id: number }>().id;
    const res = await admin.post('/api/bulletins/bulk', {
      ids: [rec.id],
      accessGroups: [g2],
      accessGroupsReplace: true,
      comment: 'move',
    });
    expect(res.statusCode).toBe(202);
    await drainJobs(ctx.app);
    expect((await admin.get(`/api/bulletins/${rec.id}`)).json().accessGroups).toEqual([g2]);
  });

  it('incidents propagate assignee, reviewer and groups to related records', async () => {
    const inc = await create(admin, 'incident', 'Propagating incident');
    const act = await create(admin, 'actor', 'Related actor');
    const bul = await create(admin, 'bulletin', 'Related bulletin');
    expect(
      (await admin.post(`/api/incidents/${inc.id}/relations`, { kind: 'actor', id: act.id })).statusCode,
    ).toBeLessThan(300);
    expect(
      (await admin.post(`/api/incidents/${inc.id}/relations`, { kind: 'bulletin', id: bul.id })).statusCode,
    ).toBeLessThan(300);
    const res = await admin.post('/api/incidents/bulk', {
      ids: [inc.id],
      assignedTo: owner.userId,
      accessGroups: [groupId],
      propagate: { assignee: true, groups: true },
      comment: 'case team',
    });
    expect(res.statusCode).toBe(202);
    await drainJobs(ctx.app);
    const job = (await admin.get(`/api/jobs/${res.json().jobId}`)).json();
    expect(job.result.changed).toEqual(
      expect.arrayContaining([
        { kind: 'incident', id: inc.id },
        { kind: 'actor', id: act.id },
        { kind: 'bulletin', id: bul.id },
      ]),
    );
    const a = (await admin.get(`/api/actors/${act.id}`)).json();
    expect(a).toMatchObject({ assignedTo: { id: owner.userId }, accessGroups: [groupId] });
    expect((await admin.get(`/api/bulletins/${bul.id}`)).json().accessGroups).toEqual([groupId]);
  });
});

describe('settings and access groups', () => {
  it('usersCanRestrictNew lets a creator restrict a new record to their own groups only', async () => {
    const member = await makeUser(ctx, { roles: ['DA'], groups: [groupId] });
    const m = await login(ctx, member.username);
    expect((await m.post('/api/bulletins', { title: 'x', comment: 'c', accessGroups: [groupId] })).statusCode).toBe(
      400,
    );
    expect((await moderator.post('/api/settings/update', { usersCanRestrictNew: true })).statusCode).toBe(403);
    const set = await admin.post('/api/settings/update', { usersCanRestrictNew: true });
    expect(set.statusCode).toBe(200);
    expect((await admin.get('/api/settings')).json()).toMatchObject({
      usersCanRestrictNew: true,
      restrictiveAccess: false,
    });
    expect((await m.post('/api/bulletins', { title: 'mine', comment: 'c', accessGroups: [groupId] })).statusCode).toBe(
      201,
    );
    const g2 = (await admin.post('/api/groups', { name: 'Not mine' })).json<{ id: number }>().id;
    const foreign = await m.post('/api/bulletins', { title: 'x', comment: 'c', accessGroups: [g2] });
    expect(foreign.statusCode).toBe(400);
    // Changing groups on an existing record stays Admin-only.
    const own = await create(m, 'bulletin', 'own');
    expect(
      (await m.post(`/api/bulletins/${own.id}/update`, { comment: 'c', accessGroups: [groupId] })).statusCode,
    ).toBe(400);
    await admin.post('/api/settings/update', { usersCanRestrictNew: false });
  });

  it('restrictiveAccess hides records with no group from everyone but Admins', async () => {
    const open = await create(admin, 'bulletin', 'Open record');
    expect((await plainDa.get(`/api/bulletins/${open.id}`)).statusCode).toBe(200);
    await admin.post('/api/settings/update', { restrictiveAccess: true });
    expect((await plainDa.get(`/api/bulletins/${open.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/bulletins/${open.id}`)).statusCode).toBe(200);
    const list = (await plainDa.get('/api/bulletins?q=open%20record')).json();
    expect(list.total).toBe(0);
    await admin.post('/api/settings/update', { restrictiveAccess: false });
    expect((await plainDa.get(`/api/bulletins/${open.id}`)).statusCode).toBe(200);
  });

  it('groups: rename, members, delete (refused while a record uses the group)', async () => {
    const g = (await admin.post('/api/groups', { name: 'Temp' })).json<{ id: number }>().id;
    const u = await makeUser(ctx, { roles: ['DA'] });
    expect((await admin.post(`/api/groups/${g}/update`, { name: 'Temporary' })).json().name).toBe('Temporary');
    expect(
      (await admin.post(`/api/groups/${g}/members`, { userIds: [u.id] }))
        .json()
        .members.map((x: { id: number }) => x.id),
    ).toEqual([u.id]);
    expect((await moderator.post(`/api/groups/${g}/update`, { name: 'x' })).statusCode).toBe(403);
    const rec = await create(admin, 'actor', 'Grouped actor', { accessGroups: [g] });
    expect((await admin.post(`/api/groups/${g}/delete`)).statusCode).toBe(409);
    await admin.post(`/api/actors/${rec.id}/update`, { comment: 'open', accessGroups: [] });
    expect((await admin.post(`/api/groups/${g}/delete`)).statusCode).toBe(200);
    expect((await admin.get(`/api/groups/${g}`)).statusCode).toBe(404);
  });
});
