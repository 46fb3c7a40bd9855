import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, sql } from '../src/db/client.js';
import { setDeniedReportScheduler } from '../src/modules/access/access.denied.js';
import type { RecordKind } from '../src/modules/records/records.types.js';
import { login, makeUser, testApp, type Client, type TestContext } from './helpers.js';
import { createBody, PLURAL } from './workflow/common.js';

/**
 * Permission matrix (issue #4 point 6): every GET/POST route under /api × role × record state,
 * with the expected status. The table below is written out by hand: a route in the app's
 * routeTable that has no row here fails the suite, and so does a row whose declared access
 * rule differs from the route's. One app, fixtures created once; a cell expected to change
 * something gets a fresh record in the same state so cells never disturb each other.
 */

const ROLES = [
  'anonymous',
  'readOnly',
  'da',
  'daSelf',
  'daNoHist',
  'daLoc',
  'daMasked',
  'daFlags',
  'moderator',
  'admin',
  'member',
] as const;
type RoleName = (typeof ROLES)[number];
const DA_ROLES: RoleName[] = ['da', 'daSelf', 'daNoHist', 'daLoc', 'daMasked', 'daFlags', 'member'];
const SIGNED_IN = ROLES.filter((r) => r !== 'anonymous');

type Access = 'public' | 'signedIn' | 'recordWriter' | 'vocabManager' | 'locationEditor' | 'exporter' | 'admin';
/** Who passes each route-level rule — written out here, not imported, so the test checks the rules. */
const ALLOWED: Record<Exclude<Access, 'public'>, readonly RoleName[]> = {
  signedIn: SIGNED_IN,
  recordWriter: [...DA_ROLES, 'admin'],
  vocabManager: ['moderator', 'admin'],
  locationEditor: ['moderator', 'admin', 'daLoc'],
  exporter: ['admin', 'daFlags'],
  admin: ['admin'],
};

const STATES = ['unassigned', 'own', 'others', 'peerReview', 'restricted'] as const;
type State = (typeof STATES)[number];

/** A route row without record state: who gets through (anything but 401/403) and who is refused. */
interface PlainRow {
  access: Access;
  /** Concrete URL (params filled); defaults to the pattern with ids 999999. */
  url?: string;
  body?: unknown;
  /** Changes shared state for allowed roles (e.g. ends every session): allowed roles are not executed. */
  noExec?: boolean;
  /** The handler applies this rule on top of the route's (e.g. a CSV list's own write rule). */
  guardedBy?: Exclude<Access, 'public'>;
}

/** A record route: the expected status for every role × state (after the route's access rule and visibility). */
interface RecordRow {
  access: Access;
  kind: RecordKind;
  suffix: string;
  body?: (f: CellFixture) => unknown;
  /** Status when the caller passes the access rule and can see the record. */
  expect: (r: RoleName, s: State) => number;
  mutates: boolean;
}

interface CellFixture {
  id: number;
  revisionId: number;
}

const owner = (s: State): string | null =>
  s === 'own' || s === 'peerReview' ? 'da' : s === 'restricted' ? 'member' : s === 'others' ? 'other' : null;
const visible = (r: RoleName, s: State) => r === 'admin' || s !== 'restricted' || r === 'member';
const mayUpdate = (r: RoleName, s: State) =>
  r === 'admin' || (DA_ROLES.includes(r) && owner(s) === r && s !== 'peerReview');
const upd = (r: RoleName, s: State) => (mayUpdate(r, s) ? 200 : 403);

let ids: Record<string, number> = {};

function recordRows(kind: RecordKind): Record<string, RecordRow> {
  const p = `/api/${PLURAL[kind]}/:id`;
  const row = (
    suffix: string,
    access: Access,
    mutates: boolean,
    expectFn: RecordRow['expect'],
    body?: RecordRow['body'],
  ): [string, RecordRow] => [
    `${suffix.startsWith('GET') ? 'GET' : 'POST'} ${p}${suffix.replace(/^(GET|POST) ?/, '')}`,
    { access, kind, suffix: suffix.replace(/^(GET|POST) ?/, ''), mutates, expect: expectFn, ...(body ? { body } : {}) },
  ];
  // Media (bulletins and actors): the list follows visibility; an upload needs the update rule,
  // and a JSON body that passes it is refused as 415 (not multipart) before anything is stored.
  const media =
    kind === 'incident'
      ? []
      : [
          row('GET /media', 'signedIn', false, () => 200),
          row(
            'POST /media',
            'recordWriter',
            false,
            (r, s) => (mayUpdate(r, s) ? 415 : 403),
            () => ({}),
          ),
        ];
  return Object.fromEntries([
    ...media,
    row('GET', 'signedIn', false, () => 200),
    row('GET /history', 'signedIn', false, (r) => (r === 'daNoHist' ? 403 : 200)),
    row('GET /history/diff', 'signedIn', false, (r) => (r === 'daNoHist' ? 403 : 200)),
    row('GET /relations', 'signedIn', false, () => 200),
    row('POST /update', 'recordWriter', true, upd, () => ({ comment: 'matrix edit' })),
    row(
      'POST /delete',
      'admin',
      true,
      () => 200,
      () => ({ comment: 'matrix delete' }),
    ),
    row('POST /history/:revisionId/restore', 'recordWriter', true, upd, () => ({ comment: 'matrix restore' })),
    row('POST /relations', 'recordWriter', true, upd, () => ({
      kind: 'bulletin',
      id: ids.relTarget,
      comment: 'matrix',
    })),
    row('POST /relations/remove', 'recordWriter', true, upd, () => ({ kind: 'bulletin', id: ids.relTarget })),
    row(
      'POST /assign',
      'vocabManager',
      true,
      () => 200,
      () => ({ assignedTo: ids.adminUser, comment: 'matrix' }),
    ),
    row(
      'POST /self-assign',
      'recordWriter',
      true,
      (r, s) => (r === 'daSelf' && s === 'unassigned' ? 200 : 403),
      () => ({ comment: 'matrix' }),
    ),
    row(
      'POST /assign-reviewer',
      'vocabManager',
      true,
      (_r, s) => (s === 'unassigned' ? 400 : 200),
      () => ({ reviewer: ids.adminUser, comment: 'matrix' }),
    ),
    row(
      'POST /review',
      'recordWriter',
      true,
      (r, s) => (s === 'peerReview' && (r === 'daSelf' || r === 'admin') ? 200 : 403),
      () => ({
        review: 'looks right',
        reviewAction: 'No Review Needed',
      }),
    ),
    row(
      'POST /finalize',
      'admin',
      true,
      () => 200,
      () => ({ comment: 'matrix' }),
    ),
  ]);
}

const plain = (access: Access, extra: Omit<PlainRow, 'access'> = {}): PlainRow => ({ access, ...extra });

/** Every route that is not a record route. */
const PLAIN: Record<string, PlainRow> = {
  'GET /api/docs': plain('public'),
  'GET /api/docs/static/index.html': plain('public'),
  'GET /api/docs/static/swagger-initializer.js': plain('public'),
  'GET /api/docs/json': plain('public'),
  'GET /api/docs/yaml': plain('public'),
  'GET /api/docs/static/*': plain('public', { url: '/api/docs/static/nothing.css' }),
  'GET /api/docs/openapi.json': plain('public'),
  'GET /api/health': plain('public'),
  'POST /api/auth/login': plain('public', { body: {} }),
  'GET /api/auth/options': plain('public'),
  'POST /api/auth/oidc/start': plain('public', { body: {} }),
  'POST /api/auth/oidc/callback': plain('public', { body: {} }),
  'GET /api/auth/session': plain('signedIn'),
  'POST /api/auth/logout': plain('signedIn', { noExec: true }),
  'POST /api/auth/mfa/totp': plain('signedIn', { body: {} }),
  'POST /api/auth/mfa/recovery': plain('signedIn', { body: {} }),
  'POST /api/auth/mfa/webauthn/verify': plain('signedIn', { body: {} }),
  'POST /api/auth/mfa/webauthn/options': plain('signedIn', { body: {} }),
  'POST /api/auth/reauth': plain('signedIn', { body: {} }),
  'POST /api/auth/password': plain('signedIn', { body: {} }),
  'GET /api/jobs/:id': plain('signedIn'),
  'GET /api/auth/mfa': plain('signedIn'),
  'POST /api/auth/mfa/totp/setup': plain('signedIn', { noExec: true }),
  'POST /api/auth/mfa/totp/confirm': plain('signedIn', { body: {} }),
  'POST /api/auth/mfa/totp/remove': plain('signedIn', { noExec: true }),
  'POST /api/auth/mfa/recovery-codes': plain('signedIn', { noExec: true }),
  'POST /api/auth/mfa/webauthn/register/options': plain('signedIn', { noExec: true }),
  'POST /api/auth/mfa/webauthn/register/verify': plain('signedIn', { body: {} }),
  'POST /api/auth/mfa/webauthn/:id/rename': plain('signedIn', { body: {} }),
  'POST /api/auth/mfa/webauthn/:id/remove': plain('signedIn', { body: {} }),
  'GET /api/sessions': plain('signedIn', { url: '/api/sessions?mine=1' }),
  'POST /api/sessions/:id/revoke': plain('signedIn'),
  'POST /api/users/:id/sessions/revoke': plain('admin'),
  'GET /api/security/settings': plain('admin'),
  'POST /api/security/settings': plain('admin', { body: {} }),
  'POST /api/security/mode': plain('admin', { noExec: true }),
  'POST /api/security/sessions/revoke-all': plain('admin', { noExec: true }),
  'GET /api/notifications': plain('signedIn'),
  'POST /api/notifications/:id/read': plain('signedIn'),
  'POST /api/notifications/read-all': plain('signedIn'),
  'GET /api/activity': plain('admin'),
  'GET /api/exports': plain('exporter'),
  'POST /api/exports': plain('exporter', { body: {} }),
  'GET /api/exports/:id': plain('exporter'),
  'GET /api/exports/:id/download': plain('exporter'),
  'POST /api/exports/:id/approve': plain('admin', { body: {} }),
  'POST /api/exports/:id/reject': plain('admin', { body: {} }),
  'POST /api/exports/:id/expiry': plain('admin', { body: {} }),
  'GET /api/actors/options': plain('signedIn'),
  'GET /api/users': plain('admin'),
  'GET /api/users/:id': plain('admin'),
  'POST /api/users': plain('admin', { body: {} }),
  'POST /api/users/:id/update': plain('admin', { body: {} }),
  'POST /api/users/:id/unlock': plain('admin'),
  'POST /api/users/:id/password': plain('admin', { body: {} }),
  'POST /api/users/:id/mfa/reset': plain('admin'),
  'GET /api/groups': plain('admin'),
  'POST /api/groups': plain('admin', { body: {} }),
  'GET /api/groups/:id': plain('admin'),
  'POST /api/groups/:id/update': plain('admin', { body: {} }),
  'POST /api/groups/:id/members': plain('admin', { body: {} }),
  'POST /api/groups/:id/delete': plain('admin'),
  'GET /api/settings': plain('admin'),
  'POST /api/settings/update': plain('admin', { body: {} }),
  'GET /api/workflow/assignees': plain('vocabManager'),
  'GET /api/vocab/:kind': plain('signedIn', { url: '/api/vocab/countries' }),
  'GET /api/vocab/:kind/:id': plain('signedIn', { url: '/api/vocab/countries/999999' }),
  'POST /api/vocab/:kind': plain('admin', { url: '/api/vocab/countries', body: {} }),
  'POST /api/vocab/:kind/:id/update': plain('admin', { url: '/api/vocab/countries/999999/update', body: {} }),
  'POST /api/vocab/:kind/:id/delete': plain('admin', { url: '/api/vocab/countries/999999/delete', body: {} }),
  'GET /api/vocab-csv/:list/export': plain('signedIn', {
    url: '/api/vocab-csv/labels/export',
    guardedBy: 'vocabManager',
  }),
  'POST /api/vocab-csv/:list/import': plain('signedIn', {
    url: '/api/vocab-csv/labels/import',
    body: { csv: 'title\n' },
    guardedBy: 'vocabManager',
  }),
  'GET /api/search-results/:jobId': plain('signedIn'),
  'GET /api/saved-searches': plain('signedIn'),
  'POST /api/saved-searches': plain('signedIn', { body: {} }),
  'POST /api/saved-searches/:id/update': plain('signedIn', { body: {} }),
  'POST /api/saved-searches/:id/delete': plain('signedIn', { body: {} }),
  'GET /api/media/:id': plain('signedIn'),
  'GET /api/media/:id/file': plain('signedIn'),
  'POST /api/media/:id/update': plain('recordWriter', { body: {} }),
  'POST /api/media/:id/delete': plain('recordWriter', { body: {} }),
};
for (const v of ['labels', 'sources', 'event-types']) {
  PLAIN[`GET /api/${v}`] = plain('signedIn');
  PLAIN[`GET /api/${v}/:id`] = plain('signedIn');
  PLAIN[`POST /api/${v}`] = plain('vocabManager', { body: {} });
  PLAIN[`POST /api/${v}/:id/update`] = plain('vocabManager', { body: {} });
  PLAIN[`POST /api/${v}/:id/delete`] = plain('admin', { body: {} });
}
Object.assign(PLAIN, {
  'GET /api/locations': plain('signedIn'),
  'GET /api/locations/:id': plain('signedIn'),
  'POST /api/locations': plain('locationEditor', { body: {} }),
  'POST /api/locations/:id/update': plain('locationEditor', { body: {} }),
  'POST /api/locations/:id/delete': plain('admin', { body: {} }),
  'GET /api/relation-types': plain('signedIn'),
  'GET /api/relation-types/:id': plain('signedIn'),
  'POST /api/relation-types': plain('admin', { body: {} }),
  'POST /api/relation-types/:id/update': plain('admin', { body: {} }),
  'POST /api/relation-types/:id/delete': plain('admin', { body: {} }),
});
for (const kind of ['bulletins', 'actors', 'incidents']) {
  PLAIN[`GET /api/${kind}`] = plain('signedIn');
  PLAIN[`POST /api/${kind}`] = plain('recordWriter', { body: {} });
  PLAIN[`POST /api/${kind}/bulk`] = plain('vocabManager', { body: {} });
  PLAIN[`POST /api/${kind}/search`] = plain('signedIn', { body: { blocks: [] } });
}
const RECORD: Record<string, RecordRow> = Object.assign(
  {},
  ...(['bulletin', 'actor', 'incident'] as RecordKind[]).map(recordRows),
);

let ctx: TestContext;
const clients: Partial<Record<RoleName, Client>> = {};
let groupId: number;
const fixtures: Record<RecordKind, Record<State, CellFixture>> = {
  bulletin: {} as Record<State, CellFixture>,
  actor: {} as Record<State, CellFixture>,
  incident: {} as Record<State, CellFixture>,
};

async function makeRecord(kind: RecordKind, state: State): Promise<CellFixture> {
  const admin = clients.admin as Client;
  const res = await admin.post(
    `/api/${PLURAL[kind]}`,
    createBody(kind, `Matrix ${kind} ${state}`, state === 'restricted' ? { accessGroups: [groupId] } : {}),
  );
  if (res.statusCode !== 201) throw new Error(`fixture: ${res.statusCode} ${res.body}`);
  const id = res.json<{ id: number }>().id;
  const who = owner(state);
  const assignee = who === null ? null : (ids[`${who}User`] ?? null);
  const status =
    state === 'unassigned' ? 'Machine Created' : state === 'peerReview' ? 'Peer Review Assigned' : 'Assigned';
  const reviewer = state === 'peerReview' ? (ids.daSelfUser ?? null) : null;
  await rows(
    ctx.database.db,
    sql`update ${sql.identifier(PLURAL[kind])} set assigned_to_id = ${assignee}, status = ${status}, first_peer_reviewer_id = ${reviewer} where id = ${id}`,
  );
  const [rev] = await rows<{ id: number }>(
    ctx.database.db,
    sql`select max(id)::int as id from revisions where kind = ${kind} and record_id = ${id}`,
  );
  return { id, revisionId: rev?.id ?? 0 };
}

async function call(role: RoleName, method: string, url: string, body: unknown) {
  const c = clients[role];
  if (!c)
    return ctx.app.inject({
      method: method as 'GET' | 'POST',
      url,
      ...(method === 'POST' ? { payload: (body ?? {}) as object } : {}),
    });
  return method === 'GET' ? c.get(url) : c.post(url, body ?? {});
}

const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const fill = (pattern: string) => pattern.replace(/:[a-zA-Z]+/g, '999999');

beforeAll(async () => {
  ctx = await testApp();
  // Denied-read reports (activity + admin notifications) are proven in test/workflow/leaks.test.ts;
  // here they are dropped so hundreds of 404 cells do not each write rows.
  setDeniedReportScheduler(() => undefined);
  const adminU = await makeUser(ctx, { roles: ['Admin'] });
  clients.admin = await login(ctx, adminU.username);
  groupId = (await clients.admin.post('/api/groups', { name: 'Matrix G' })).json<{ id: number }>().id;
  const specs: Record<Exclude<RoleName, 'anonymous' | 'admin'>, Parameters<typeof makeUser>[1]> = {
    readOnly: {},
    da: { roles: ['DA'] },
    daSelf: { roles: ['DA'], permissions: { canSelfAssign: true } },
    daNoHist: { roles: ['DA'], permissions: { viewSimpleHistory: false, viewFullHistory: false } },
    daLoc: { roles: ['DA'], permissions: { canEditLocations: true } },
    daMasked: { roles: ['DA'], permissions: { viewUsernames: false } },
    daFlags: { roles: ['DA'], permissions: { canExport: true, canImportWeb: true, canAccessMedia: true } },
    moderator: { roles: ['Moderator'] },
    member: { roles: ['DA'], groups: [groupId] },
  };
  ids = { adminUser: adminU.id };
  for (const [role, spec] of Object.entries(specs)) {
    const u = await makeUser(ctx, spec);
    ids[`${role}User`] = u.id;
    clients[role as RoleName] = await login(ctx, u.username);
  }
  ids.otherUser = (await makeUser(ctx, { roles: ['DA'] })).id;
  ids.relTarget = (await clients.admin.post('/api/bulletins', { title: 'Matrix relation target', comment: 'c' })).json<{
    id: number;
  }>().id;
  for (const kind of ['bulletin', 'actor', 'incident'] as RecordKind[]) {
    for (const state of STATES) fixtures[kind][state] = await makeRecord(kind, state);
  }
}, 300_000);
afterAll(async () => {
  setDeniedReportScheduler(null);
  await ctx?.close();
});

describe('permission matrix', () => {
  it('has a row for every GET/POST route under /api, with the same access rule', () => {
    const table = (ctx.app as unknown as { routeTable: { method: string; url: string; access: string }[] }).routeTable;
    const routes = table.filter((r) => r.url.startsWith('/api/') && (r.method === 'GET' || r.method === 'POST'));
    const missing = routes.filter((r) => !(routeKey(r) in PLAIN) && !(routeKey(r) in RECORD)).map(routeKey);
    expect(missing, 'routes without matrix rows').toEqual([]);
    const wrong = routes
      .map((r) => ({
        key: routeKey(r),
        declared: r.access,
        expected: (PLAIN[routeKey(r)] ?? RECORD[routeKey(r)])?.access,
      }))
      .filter((r) => r.declared !== r.expected);
    expect(wrong, 'declared access differs from the matrix').toEqual([]);
    const stale = [...Object.keys(PLAIN), ...Object.keys(RECORD)].filter((k) => !routes.some((r) => routeKey(r) === k));
    expect(stale, 'matrix rows for routes that no longer exist').toEqual([]);
  });

  it('plain routes: anonymous 401, roles outside the rule 403, roles inside get past the guard', async () => {
    const failures: string[] = [];
    for (const [key, row] of Object.entries(PLAIN)) {
      const [method, pattern] = key.split(' ') as [string, string];
      const url = row.url ?? fill(pattern);
      for (const role of ROLES) {
        const allowed =
          row.access === 'public' ||
          (role !== 'anonymous' &&
            ALLOWED[row.access].includes(role) &&
            (!row.guardedBy || ALLOWED[row.guardedBy].includes(role)));
        if (allowed && row.noExec) continue;
        if (role === 'anonymous' && row.access !== 'public' && method === 'POST' && key === 'POST /api/auth/logout')
          continue;
        const res = await call(role, method, url, row.body);
        const got = res.statusCode;
        const expected =
          row.access === 'public' ? 'not 401' : role === 'anonymous' ? 401 : allowed ? 'not 401/403' : 403;
        const ok =
          expected === 'not 401'
            ? got !== 401
            : expected === 'not 401/403'
              ? got !== 401 && got !== 403
              : got === expected;
        if (!ok) failures.push(`${key} as ${role}: expected ${expected}, got ${got} ${res.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('record routes: role × state (unassigned, own, someone else’s, peer review assigned, restricted)', async () => {
    const failures: string[] = [];
    let cells = 0;
    for (const [key, row] of Object.entries(RECORD)) {
      const method = key.split(' ')[0] as string;
      for (const state of STATES) {
        for (const role of ROLES) {
          const allowed = role !== 'anonymous' && ALLOWED[row.access as Exclude<Access, 'public'>].includes(role);
          const expected =
            role === 'anonymous' ? 401 : !allowed ? 403 : !visible(role, state) ? 404 : row.expect(role, state);
          // A cell expected to change the record works on a fresh copy of the state.
          const f = row.mutates && expected < 300 ? await makeRecord(row.kind, state) : fixtures[row.kind][state];
          let url = `/api/${PLURAL[row.kind]}/${f.id}${row.suffix.replace(':revisionId', String(f.revisionId))}`;
          if (row.suffix === '/history/diff') url += `?from=${f.revisionId}&to=${f.revisionId}`;
          const res = await call(role, method, url, row.body?.(f));
          cells++;
          if (res.statusCode !== expected)
            failures.push(
              `${key} [${state}] as ${role}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 160)}`,
            );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(cells).toBe(Object.keys(RECORD).length * STATES.length * ROLES.length);
  }, 600_000);
});
