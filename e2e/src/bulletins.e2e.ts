import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './api.js';
import { expectBulletinSaved, openBrowser } from './browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

let server: RunningServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  // Vocabulary the journey picks from: a label and a place in a small tree.
  const api = await ApiSession.login(server.url, 'admin', ADMIN_PASSWORD);
  await api.post('/api/labels', { title: 'Detention', titleAr: 'اعتقال', verified: false, forBulletin: true });
  const syria = await api.post<{ id: number }>('/api/locations', { title: 'Syria', titleAr: 'سوريا' });
  const rif = await api.post<{ id: number }>('/api/locations', {
    title: 'Rif Dimashq',
    titleAr: 'ريف دمشق',
    parentId: syria.id,
  });
  await api.post('/api/locations', {
    title: 'Ayn Tarma',
    titleAr: 'عين ترما',
    parentId: rif.id,
    lat: 33.51,
    lng: 36.35,
  });
  browser = await openBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function pick(testid: string, typed: string, optionText: string | RegExp): Promise<void> {
  const input = page.getByTestId(testid);
  await input.click();
  await input.fill(typed);
  const option = page.locator('.v-overlay--active .v-list-item').filter({ hasText: optionText }).first();
  await option.waitFor({ state: 'visible', timeout: 15_000 }).catch(async (err: unknown) => {
    await page.screenshot({ path: `/tmp/dalil-pick-${testid}.png` });
    throw err;
  });
  await option.click();
  await page.keyboard.press('Escape');
}

describe('an analyst documents a bulletin end to end', () => {
  it('refuses a wrong password with a clear message', async () => {
    await page.goto(`${server.url}/bulletins`);
    // Not signed in yet: the app sends us to the login page.
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('not-the-password-at-all');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toMatch(/wrong username or password/i);
  });

  it('signs in', async () => {
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('bulletin-new').waitFor();
    expect(new URL(page.url()).pathname).toBe('/bulletins');
  });

  it('creates a bulletin with a label and a location', async () => {
    await page.getByTestId('bulletin-new').click();
    await page.getByTestId('f-title').fill('Arrests at the Ayn Tarma checkpoint');
    await page.getByTestId('f-title-ar').fill('اعتقالات على حاجز عين ترما');
    await pick('f-labels', 'اعتقال', 'Detention');
    await pick('f-locations', 'Ayn Tarma', 'Ayn Tarma');
    await page.getByTestId('f-comment').fill('Witness call, first entry');
    await page.getByTestId('bulletin-save').click();
    await expectBulletinSaved(page, 'Arrests at the Ayn Tarma checkpoint');
    await expect.poll(() => page.getByTestId('v-locations').textContent()).toContain('Ayn Tarma, Rif Dimashq, Syria');
    expect(page.url()).toMatch(/\/bulletins\/\d+$/);
  });

  it('finds it by quick search, in Arabic', async () => {
    await page.goto(`${server.url}/bulletins`);
    await page.getByTestId('quick-search').fill('عين ترما');
    await expect.poll(async () => page.getByTestId('bulletin-row').count(), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() => page.getByTestId('bulletin-row').first().textContent())
      .toContain('Arrests at the Ayn Tarma checkpoint');
    await page.getByTestId('quick-search').fill('nothing-matches-this');
    await expect.poll(async () => page.getByTestId('bulletin-row').count()).toBe(0);
    await page.getByTestId('quick-search').fill('checkpoint');
    await expect.poll(async () => page.getByTestId('bulletin-row').count()).toBe(1);
    await page.getByTestId('bulletin-row').first().click();
    await page.getByTestId('bulletin-title').waitFor();
  });

  it('opens its history', async () => {
    await page.getByTestId('bulletin-history').click();
    await page.getByTestId('history-row').first().waitFor();
    expect(await page.getByTestId('history-row').count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('history-comment').first().textContent())
      .toBe('Witness call, first entry');
  });

  it('switches to Arabic and the layout turns right-to-left', async () => {
    expect(await page.evaluate(() => document.documentElement.dir)).not.toBe('rtl');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    // Vuetify lays out the whole app right-to-left, not only the text.
    expect(
      await page
        .locator('.v-application')
        .first()
        .evaluate((el) => getComputedStyle(el).direction),
    ).toBe('rtl');
    expect(await page.locator('.v-locale--is-rtl').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS ?? '/tmp'}/dalil-rtl.png` });
  });
});
