import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './api.js';
import { openBrowser } from './browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
let parentId: number;
let bulletinId: number;
let childUrl = '';
const shots = process.env.E2E_SCREENSHOTS ?? '/tmp/dalil-records';

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  const api = await ApiSession.login(server.url, 'admin', ADMIN_PASSWORD);
  const b = await api.post<{ id: number }>('/api/bulletins', {
    title: 'Checkpoint arrests in Douma',
    titleAr: 'اعتقالات على حاجز دوما',
    comment: 'seed',
  });
  bulletinId = b.id;
  const p = await api.post<{ id: number }>('/api/actors', {
    type: 'Person',
    firstName: 'Khaled',
    lastName: 'Haddad',
    profiles: [{ mode: 'normal' }],
    comment: 'seed',
  });
  parentId = p.id;
  browser = await openBrowser();
  page = await browser.newPage();
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') console.error('console:', m.text());
  });
}, 120_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail')
    await page?.screenshot({
      path: `${shots}/fail-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}.png`,
      fullPage: true,
    });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Types into an autocomplete and clicks the option; `close` closes a multiple-choice menu afterwards. */
async function pick(
  testid: string,
  typed: string,
  optionText: string | RegExp,
  close?: () => Promise<void>,
): Promise<void> {
  const input = page.getByTestId(testid);
  await input.click();
  await input.fill(typed);
  const option = page.locator('.v-overlay--active .v-list-item').filter({ hasText: optionText }).first();
  await option.waitFor({ state: 'visible', timeout: 15_000 }).catch(async (err: unknown) => {
    await page.screenshot({ path: `${shots}/pick-${testid}.png` });
    throw err;
  });
  await option.click();
  if (close) await close();
}

/** Opens a select from the keyboard (as a keyboard user would) and clicks the option. */
async function choose(testid: string, optionText: string): Promise<void> {
  await page.getByTestId(testid).focus();
  await page.keyboard.press('Enter');
  const option = page.locator('.v-overlay--active .v-list-item').filter({ hasText: optionText }).first();
  await option.waitFor({ state: 'visible', timeout: 10_000 });
  await option.click();
}

const closeTypesMenu = async () => {
  await page.locator('[data-testid=relation-dialog] .v-card-title').click();
  await page
    .locator('.v-overlay--active .v-list-item')
    .first()
    .waitFor({ state: 'hidden', timeout: 5_000 })
    .catch(() => undefined);
};

async function openTab(testid: string): Promise<void> {
  await page.getByTestId(testid).click();
}

describe('actors, relations and revisions', () => {
  it('signs in', async () => {
    await page.goto(`${server.url}/actors`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('actor-new').waitFor();
  });

  it('creates an actor with only Arabic names and a missing-person profile', async () => {
    await page.getByTestId('actor-new').click();
    await page.getByTestId('f-first-name-ar').fill('سمير');
    await page.getByTestId('f-last-name-ar').fill('الحداد');
    await page.getByTestId('f-profile-0-mode-missing').click();
    await page.getByTestId('f-mp-0-last-address').fill('دوما، ريف دمشق');
    await choose('f-mp-0-case-status', 'Missing');
    await page.getByTestId('f-mp-0-height').fill('172');
    await page.getByTestId('f-comment').fill('Reported by his sister');
    await page.screenshot({ path: `${shots}/actor-edit-en.png`, fullPage: true });
    await page.getByTestId('actor-save').click();
    await page.getByTestId('actor-title').waitFor();
    childUrl = page.url();
    expect(childUrl).toMatch(/\/actors\/\d+$/);
    // Never blank: the Arabic name is the display name.
    await expect.poll(() => page.getByTestId('actor-title').textContent()).toBe('سمير الحداد');
    await expect.poll(() => page.getByTestId('v-mp-lastAddress').textContent()).toBe('دوما، ريف دمشق');
    await expect.poll(() => page.getByTestId('v-mp-caseStatus').textContent()).toBe('Missing');
    await page.screenshot({ path: `${shots}/actor-view-en.png`, fullPage: true });
  });

  it('lists it by its Arabic name', async () => {
    await page.getByTestId('back-to-list').click();
    const row = page.getByTestId('actor-row').filter({ hasText: 'سمير الحداد' });
    await row.first().waitFor();
    await row.first().click();
    await page.getByTestId('actor-title').waitFor();
  });

  it('relates it to a bulletin as a witness, seen from both ends', async () => {
    await openTab('relations-tab');
    await page.getByTestId('rel-add-bulletin').click();
    await pick('rel-other', 'Checkpoint', 'Checkpoint arrests');
    await pick('rel-types', 'Witness', 'Witness', closeTypesMenu);
    await page.getByTestId('rel-prob-2').click();
    await page.getByTestId('rel-comment').fill('Named in the video');
    await page.getByTestId('rel-save').click();
    const row = page.locator('[data-testid=relations-bulletin] [data-testid=relation-row]');
    await row.first().waitFor();
    await expect.poll(() => row.first().getByTestId('relation-types').textContent()).toContain('Witness');
    await expect.poll(() => row.first().getByTestId('relation-probability').textContent()).toContain('Certain');
    await page.screenshot({ path: `${shots}/relations-en.png`, fullPage: true });

    await page.goto(`${server.url}/bulletins/${bulletinId}`);
    await openTab('relations-tab');
    const back = page.locator('[data-testid=relations-actor] [data-testid=relation-row]');
    await back.first().waitFor();
    await expect.poll(() => back.first().textContent()).toContain('سمير الحداد');
    await expect.poll(() => back.first().getByTestId('relation-types').textContent()).toContain('Witness');
  });

  it('relates two actors as Parent/Child and each page reads its side', async () => {
    await page.goto(childUrl);
    await openTab('relations-tab');
    await page.getByTestId('rel-add-actor').click();
    await pick('rel-other', 'Khaled', 'Khaled Haddad');
    // From the child's page the other actor is the parent.
    await pick('rel-types', 'Parent', /^\s*Parent\s*$/, closeTypesMenu);
    await page.getByTestId('rel-save').click();
    const onChild = page.locator('[data-testid=relations-actor] [data-testid=relation-row]');
    await onChild.first().waitFor();
    await expect.poll(() => onChild.first().textContent()).toContain('Khaled Haddad');
    expect((await onChild.first().getByTestId('relation-types').textContent())?.trim()).toBe('Parent');

    await onChild.first().getByTestId('relation-link').click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`/actors/${parentId}$`));
    await openTab('relations-tab');
    const onParent = page.locator('[data-testid=relations-actor] [data-testid=relation-row]');
    await onParent.first().waitFor();
    await expect.poll(() => onParent.first().textContent()).toContain('سمير الحداد');
    expect((await onParent.first().getByTestId('relation-types').textContent())?.trim()).toBe('Child');
  });

  it('edits twice, compares revisions and restores the first', async () => {
    for (const place of ['حرستا', 'عربين']) {
      await page.goto(childUrl);
      await page.getByTestId('actor-edit').click();
      await page.getByTestId('f-mp-0-last-address').fill(place);
      await page.getByTestId('f-comment').fill(`Moved to ${place}`);
      await page.getByTestId('actor-save').click();
      await expect.poll(() => page.getByTestId('v-mp-lastAddress').textContent()).toBe(place);
    }
    await openTab('history-tab');
    const rows = page.getByTestId('history-row');
    await rows.first().waitFor();
    // Newest first: the last row is the creation.
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(3);
    const newestId = await rows.first().getAttribute('data-id');
    const firstId = await rows.nth(count - 1).getAttribute('data-id');
    await page.getByTestId(`history-pick-${firstId}`).check();
    await page.getByTestId(`history-pick-${newestId}`).check();
    await page.getByTestId('history-compare').click();
    const diffRow = page.locator('[data-testid=diff-row][data-path="profiles.0.missingPerson.lastAddress"]');
    await diffRow.waitFor();
    await expect.poll(() => diffRow.getByTestId('diff-old').textContent()).toBe('دوما، ريف دمشق');
    await expect.poll(() => diffRow.getByTestId('diff-new').textContent()).toBe('عربين');
    await page.screenshot({ path: `${shots}/history-diff-en.png`, fullPage: true });

    await rows
      .nth(count - 1)
      .getByTestId('history-restore')
      .click();
    await page.getByTestId('restore-comment').fill('The later addresses were a mix-up');
    await page.getByTestId('restore-confirm').click();
    await page.getByTestId('restore-result').waitFor();
    await expect.poll(() => page.getByTestId('restore-not-restored').textContent()).toContain('relations');
    await expect.poll(() => page.getByTestId('history-row').count()).toBe(count + 1);

    await openTab('details-tab');
    await expect.poll(() => page.getByTestId('v-mp-lastAddress').textContent()).toBe('دوما، ريف دمشق');
    // Restoring never drops relations.
    await openTab('relations-tab');
    await page.locator('[data-testid=relations-actor] [data-testid=relation-row]').first().waitFor();
  });

  it('reads right-to-left in Arabic (screenshots)', async () => {
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.screenshot({ path: `${shots}/relations-ar.png`, fullPage: true });
    await openTab('details-tab');
    await page.getByTestId('v-mp-lastAddress').waitFor();
    await page.screenshot({ path: `${shots}/actor-view-ar.png`, fullPage: true });
    await page.getByTestId('actor-edit').click();
    await page.getByTestId('f-mp-0-last-address').waitFor();
    await page.screenshot({ path: `${shots}/actor-edit-ar.png`, fullPage: true });
  });
});
