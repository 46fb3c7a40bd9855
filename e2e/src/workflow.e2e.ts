import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './api.js';
import { expectBulletinSaved, signInAt } from './browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * Issue #4 "done means": four people side by side (Admin, Moderator, DA in group G, DA outside
 * G). A restricted record stays hidden from the outsider, and a record goes assign → edit →
 * peer review → revisit → finalise with each step offered to (and allowed for) the right person only.
 */
let server: RunningServer;
let browser: Browser;
const PASSWORD = 'Workflow-e2e-passphrase-7314';
const pages: Record<'admin' | 'moderator' | 'inside' | 'outside', Page> = {} as never;
let restrictedId = 0;
let recordId = 0;
let insideApi: ApiSession;

const signIn = (page: Page, username: string, password: string) => signInAt(page, server.url, username, password);

async function openRecord(page: Page, id: number): Promise<void> {
  await page.goto(`${server.url}/bulletins/${id}`);
  await page.getByTestId('bulletin-status').waitFor();
}

const status = (page: Page) => page.getByTestId('bulletin-status').textContent();

async function pickUser(page: Page, name: string): Promise<void> {
  const input = page.getByTestId('wf-user');
  await input.click();
  await input.fill(name);
  const option = page.locator('.v-overlay--active .v-list-item').filter({ hasText: name }).first();
  await option.waitFor({ state: 'visible', timeout: 15_000 });
  await option.click();
}

async function workflow(page: Page, action: string, fill: (p: Page) => Promise<void>): Promise<void> {
  await page.getByTestId(`wf-${action}`).click();
  await fill(page);
  await page.getByTestId('wf-submit').click();
  await page.getByTestId('wf-submit').waitFor({ state: 'hidden' });
}

beforeAll(async () => {
  server = await startServer();
  const admin = await ApiSession.login(server.url, 'admin', ADMIN_PASSWORD);
  const group = await admin.post<{ id: number }>('/api/groups', { name: 'Team G' });
  const mk = (username: string, name: string, roles: string[], groups: number[] = []) =>
    admin.post<{ id: number }>('/api/users', { username, name, password: PASSWORD, roles, groups });
  await mk('moderator1', 'Maya Moderator', ['Moderator']);
  await mk('insider1', 'Ines Insider', ['DA'], [group.id]);
  await mk('outsider1', 'Omar Outsider', ['DA']);
  restrictedId = (
    await admin.post<{ id: number }>('/api/bulletins', {
      title: 'Restricted testimony Qxw',
      comment: 'c',
      accessGroups: [group.id],
    })
  ).id;
  recordId = (await admin.post<{ id: number }>('/api/bulletins', { title: 'Shelling of the market', comment: 'c' })).id;
  insideApi = await ApiSession.login(server.url, 'insider1', PASSWORD);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  for (const [who, user, pw] of [
    ['admin', 'admin', ADMIN_PASSWORD],
    ['moderator', 'moderator1', PASSWORD],
    ['inside', 'insider1', PASSWORD],
    ['outside', 'outsider1', PASSWORD],
  ] as const) {
    const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
    pages[who] = await context.newPage();
    await signIn(pages[who], user, pw);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('access groups and the review workflow, four sessions side by side', () => {
  it('a restricted record is hidden from the outsider: list, quick search, direct link', async () => {
    const out = pages.outside;
    await out.getByTestId('quick-search').fill('Qxw');
    await expect.poll(async () => out.getByTestId('bulletin-empty').count(), { timeout: 10_000 }).toBe(1);
    await out.goto(`${server.url}/bulletins/${restrictedId}`);
    await out.getByTestId('not-found').waitFor();
    expect(await out.content()).not.toContain('Restricted testimony');
    // The member of G sees it.
    const ins = pages.inside;
    await ins.getByTestId('quick-search').fill('Qxw');
    await expect.poll(async () => ins.getByTestId('bulletin-row').count(), { timeout: 10_000 }).toBe(1);
  });

  it('assign: only the Moderator (or Admin) is offered it; the owner gets a notification', async () => {
    await openRecord(pages.outside, recordId);
    expect(await pages.outside.getByTestId('wf-assign').count()).toBe(0);
    expect(await pages.outside.getByTestId('bulletin-edit').count()).toBe(0);
    const mod = pages.moderator;
    await openRecord(mod, recordId);
    await workflow(mod, 'assign', async (p) => {
      await pickUser(p, 'Ines Insider');
      await p.getByTestId('wf-comment').fill('Please document this');
    });
    await expect.poll(() => status(mod)).toContain('Assigned');
    const ins = pages.inside;
    await ins.reload();
    await expect
      .poll(async () => ins.getByTestId('notifications-unread').textContent(), { timeout: 40_000 })
      .toMatch(/\d/);
  });

  it('edit: the assignee edits; the outsider cannot', async () => {
    const ins = pages.inside;
    await openRecord(ins, recordId);
    await ins.getByTestId('bulletin-edit').click();
    await ins.getByTestId('f-title').fill('Shelling of the market (verified)');
    await ins.getByTestId('f-comment').fill('added the source');
    await ins.getByTestId('bulletin-save').click();
    await expectBulletinSaved(ins, 'Shelling of the market (verified)');
    await openRecord(pages.outside, recordId);
    expect(await pages.outside.getByTestId('bulletin-edit').count()).toBe(0);
  });

  it('peer review: the Moderator assigns the reviewer; the owner is locked out (UI and server)', async () => {
    const mod = pages.moderator;
    await openRecord(mod, recordId);
    await workflow(mod, 'assignReviewer', async (p) => {
      await pickUser(p, 'Omar Outsider');
      await p.getByTestId('wf-comment').fill('second pair of eyes');
    });
    await expect.poll(() => status(mod)).toContain('Peer Review Assigned');
    const ins = pages.inside;
    await openRecord(ins, recordId);
    expect(await ins.getByTestId('bulletin-edit').count()).toBe(0);
    await expect(insideApi.post(`/api/bulletins/${recordId}/update`, { comment: 'sneaky' })).rejects.toThrow(/403/);
  });

  it('review: only the assigned reviewer, from "My review list"', async () => {
    expect(await pages.inside.getByTestId('wf-review').count()).toBe(0);
    const out = pages.outside;
    await out.goto(`${server.url}/bulletins`);
    await out.getByTestId('filter-review').click();
    await expect.poll(async () => out.getByTestId('bulletin-row').count(), { timeout: 10_000 }).toBe(1);
    await out.getByTestId('bulletin-row').first().click();
    await out.getByTestId('bulletin-status').waitFor();
    await workflow(out, 'review', async (p) => {
      await p.getByTestId('wf-review-text').fill('The date in the title is wrong.');
      await p.getByTestId('wf-needs-review').click();
    });
    await expect.poll(() => status(out)).toContain('Peer Reviewed');
    await out.getByTestId('bulletin-review').waitFor();
  });

  it('revisit: the owner’s next edit marks it Revisited', async () => {
    const ins = pages.inside;
    await openRecord(ins, recordId);
    await ins.getByTestId('bulletin-edit').click();
    await ins.getByTestId('f-title').fill('Shelling of the market, 3 March');
    await ins.getByTestId('f-comment').fill('fixed the date');
    await ins.getByTestId('bulletin-save').click();
    await expectBulletinSaved(ins, 'Shelling of the market, 3 March');
    await expect.poll(() => status(ins)).toContain('Revisited');
  });

  it('finalise: offered to the Admin only', async () => {
    await openRecord(pages.moderator, recordId);
    expect(await pages.moderator.getByTestId('wf-finalize').count()).toBe(0);
    expect(await pages.inside.getByTestId('wf-finalize').count()).toBe(0);
    const adm = pages.admin;
    await openRecord(adm, recordId);
    await workflow(adm, 'finalize', async (p) => {
      await p.getByTestId('wf-comment').fill('complete');
    });
    await expect.poll(() => status(adm)).toContain('Finalized');
  });

  it('bulk update from the list (Moderator): progress bar, then the report', async () => {
    const mod = pages.moderator;
    await mod.goto(`${server.url}/bulletins`);
    await mod.getByTestId('bulletin-row').first().waitFor();
    await mod.getByTestId('bulletin-select').first().locator('input').check();
    await mod.getByTestId('bulk-open').click();
    await mod.getByTestId('bulk-status').fill('Updated');
    await mod.getByTestId('bulk-comment').fill('triage');
    await mod.getByTestId('bulk-submit').click();
    await mod.getByTestId('bulk-report').waitFor({ timeout: 30_000 });
    await expect.poll(() => mod.getByTestId('bulk-changed').textContent()).toMatch(/1/);
  });
});
