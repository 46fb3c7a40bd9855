import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './api.js';
import { openBrowser } from './browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/** Issue 6 "done means": Arabic without diacritics, a label subtree, a radius around a town, three blocks. */
let server: RunningServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  const api = await ApiSession.login(server.url, 'admin', ADMIN_PASSWORD);
  const violence = await api.post<{ id: number }>('/api/labels', {
    title: 'Violence',
    titleAr: 'عنف',
    verified: false,
    forBulletin: true,
  });
  const shelling = await api.post<{ id: number }>('/api/labels', {
    title: 'Shelling',
    titleAr: 'قصف',
    verified: false,
    forBulletin: true,
    parentId: violence.id,
  });
  const syria = await api.post<{ id: number }>('/api/locations', { title: 'Syria', titleAr: 'سوريا' });
  const gov = await api.post<{ id: number }>('/api/locations', {
    title: 'Tartous Governorate',
    titleAr: 'محافظة الساحل',
    parentId: syria.id,
  });
  const tartus = await api.post<{ id: number }>('/api/locations', {
    title: 'Tartus',
    titleAr: 'طرطوس',
    parentId: gov.id,
    lat: 34.889,
    lng: 35.8866,
  });
  const aleppo = await api.post<{ id: number }>('/api/locations', {
    title: 'Aleppo',
    titleAr: 'حلب',
    parentId: syria.id,
    lat: 36.2021,
    lng: 37.1343,
  });
  const comment = 'search journey fixture';
  await api.post('/api/bulletins', {
    title: 'Shelling of the market',
    titleAr: 'قَصْفُ سُوقِ الخُضَار',
    labels: [shelling.id],
    locations: [tartus.id],
    comment,
  });
  await api.post('/api/bulletins', {
    title: 'Protest in Aleppo',
    labels: [violence.id],
    locations: [aleppo.id],
    comment,
  });
  await api.post('/api/bulletins', {
    title: 'Detention report',
    geoMarkers: [{ title: 'gate', lat: 34.9, lng: 35.9 }],
    comment,
  });
  await api.post('/api/bulletins', { title: 'Unrelated record', comment });
  browser = await openBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function pick(
  scope: ReturnType<Page['locator']>,
  testid: string,
  typed: string,
  optionText: string | RegExp,
): Promise<void> {
  const input = scope.getByTestId(testid);
  await input.click();
  await input.fill(typed);
  const option = page.locator('.v-overlay--active .v-list-item').filter({ hasText: optionText }).first();
  await option.waitFor({ state: 'visible', timeout: 15_000 });
  await option.click();
  await page.keyboard.press('Escape');
}

const rows = () => page.getByTestId('search-row');
const titles = async () => (await rows().allTextContents()).join(' | ');
const block = (n: number) => page.getByTestId('search-block').nth(n);

describe('an investigator searches', () => {
  it('signs in', async () => {
    await page.goto(`${server.url}/bulletins`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('advanced-toggle').waitFor();
  });

  it('finds a record by Arabic words typed without diacritics', async () => {
    await page.getByTestId('quick-search').fill('قصف سوق');
    await expect.poll(async () => page.getByTestId('bulletin-row').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('bulletin-row').first().textContent()).toContain('Shelling of the market');
  });

  it('finds records by a label subtree', async () => {
    await page.getByTestId('advanced-toggle').click();
    await pick(block(0), 'block-labels', 'Violence', 'Violence');
    await page.getByTestId('run-search').click();
    await expect.poll(async () => rows().count(), { timeout: 10_000 }).toBe(2);
    expect(await titles()).toMatch(/Shelling of the market/);
    expect(await titles()).toMatch(/Protest in Aleppo/);
    await expect.poll(() => page.getByTestId('search-count').textContent()).toContain('2');
  });

  it('finds records within a radius around a town', async () => {
    await page.getByTestId('search-clear').click();
    await pick(block(0), 'block-near-place', 'Tartus', /^Tartus/);
    await block(0).getByTestId('block-near-km').locator('input').fill('20');
    await page.getByTestId('run-search').click();
    await expect.poll(async () => rows().count(), { timeout: 10_000 }).toBe(2);
    expect(await titles()).toMatch(/Detention report/);
    await page.getByTestId('view-map').click();
    await page.getByTestId('search-map').waitFor();
    await page.getByTestId('view-table').click();
  });

  it('combines three blocks: (aleppo OR detention) AND near Tartus', async () => {
    await page.getByTestId('search-clear').click();
    await block(0).getByTestId('block-text').locator('input').fill('aleppo');
    await page.getByTestId('add-block-or').click();
    await block(1).getByTestId('block-text').locator('input').fill('detention');
    await page.getByTestId('add-block-and').click();
    await pick(block(2), 'block-near-place', 'Tartus', /^Tartus/);
    await block(2).getByTestId('block-near-km').locator('input').fill('20');
    await page.getByTestId('run-search').click();
    await expect.poll(async () => rows().count(), { timeout: 10_000 }).toBe(1);
    expect(await titles()).toMatch(/Detention report/);
    expect(await page.getByTestId('search-chip').count()).toBeGreaterThanOrEqual(3);
  });

  it('saves the search and loads it again', async () => {
    await page.getByTestId('save-search').click();
    await page.getByTestId('save-name').locator('input').fill('Near Tartus');
    await page.getByTestId('save-confirm').click();
    await page.getByTestId('saved-menu').click();
    await expect.poll(async () => page.getByTestId('saved-item').count()).toBe(1);
    await page.getByTestId('saved-item').first().click();
    await expect.poll(async () => rows().count(), { timeout: 10_000 }).toBe(1);
  });

  it('hides the plain list while search results are shown', async () => {
    await expect.poll(() => page.getByTestId('bulletin-count').isVisible()).toBe(false);
  });

  it('says so when the near place has no coordinates, instead of dropping the radius', async () => {
    await page.getByTestId('search-clear').click();
    await pick(block(0), 'block-near-place', 'Tartous Governorate', /Tartous Governorate/);
    await page.getByTestId('run-search').click();
    await expect.poll(() => block(0).textContent()).toContain('has no coordinates');
    await expect.poll(() => page.getByTestId('search-results').count()).toBe(0);
  });

  it('restores a saved search with the names of its labels after a reload', async () => {
    await page.getByTestId('search-clear').click();
    await pick(block(0), 'block-labels', 'Violence', 'Violence');
    await block(0).getByTestId('block-more').click();
    await block(0).getByTestId('block-phrase').locator('input').fill('of the market');
    await page.getByTestId('run-search').click();
    await expect.poll(async () => rows().count(), { timeout: 10_000 }).toBe(1);
    expect(await titles()).toMatch(/Shelling of the market/);
    await page.getByTestId('save-search').click();
    await page.getByTestId('save-name').locator('input').fill('Market violence');
    await page.getByTestId('save-confirm').click();
    await page.reload();
    await page.getByTestId('saved-menu').click();
    await page.getByTestId('saved-item').filter({ hasText: 'Market violence' }).click();
    await expect.poll(async () => rows().count(), { timeout: 10_000 }).toBe(1);
    const chips = (await page.getByTestId('search-chip').allTextContents()).join(' | ');
    expect(chips).toContain('Violence');
    expect(chips).not.toMatch(/#\d/);
    expect(chips).toContain('of the market');
  });

  it('typing in the quick search leaves the advanced search and shows the quick results', async () => {
    await expect.poll(() => page.getByTestId('search-results').count()).toBe(1);
    await page.getByTestId('quick-search').fill('قصف سوق');
    await expect.poll(() => page.getByTestId('search-results').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(async () => page.getByTestId('bulletin-row').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('bulletin-row').first().textContent()).toContain('Shelling of the market');
  });
});
