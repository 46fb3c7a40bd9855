import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './api.js';
import { openBrowser } from './browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
let api: ApiSession;
let violationsId: number;

interface LabelJson {
  id: number;
  title: string;
  parentId: number | null;
  path: string;
}

beforeAll(async () => {
  server = await startServer();
  api = await ApiSession.login(server.url, 'admin', ADMIN_PASSWORD);
  // A small tree: "Violations" has a child, so it is in use and cannot be deleted.
  violationsId = (await api.post<LabelJson>('/api/labels', { title: 'Violations', titleAr: 'انتهاكات' })).id;
  await api.post('/api/labels', { title: 'Torture', titleAr: 'تعذيب', parentId: violationsId });
  browser = await openBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const row = (title: string) => page.locator(`[data-testid="tree-row"][data-title="${title}"]`);

describe('a moderator manages the label vocabulary', () => {
  it('signs in and opens the labels screen from the navigation', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-vocabularies').click();
    await page.getByTestId('vocab-link-labels').click();
    await row('Violations').waitFor();
  });

  it('creates a label with an Arabic title', async () => {
    await page.getByTestId('vocab-new').click();
    await page.getByTestId('label-title').fill('Enforced disappearance');
    await page.getByTestId('label-title-ar').fill('اختفاء قسري');
    await page.getByTestId('form-save').click();
    await row('Enforced disappearance').waitFor();
    await expect.poll(() => page.getByTestId('vocab-notice').textContent()).toContain('Enforced disappearance');
  });

  it('finds it by its Arabic title', async () => {
    await page.getByTestId('vocab-search').fill('قسري');
    await expect.poll(async () => page.getByTestId('tree-row').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('tree-row').first().getAttribute('data-title')).toBe('Enforced disappearance');
    await page.getByTestId('vocab-search').fill('');
    await row('Violations').waitFor();
  });

  it('re-parents it by dragging it onto another label', async () => {
    await page.dragAndDrop(
      '[data-testid="tree-row"][data-title="Enforced disappearance"]',
      '[data-testid="tree-row"][data-title="Violations"]',
    );
    await expect
      .poll(() => page.getByTestId('vocab-notice').textContent(), { timeout: 10_000 })
      .toContain('moved under');
    const found = await api.get<{ items: LabelJson[] }>(`/api/labels?q=${encodeURIComponent('اختفاء قسري')}`);
    expect(found.items).toEqual([
      expect.objectContaining({
        title: 'Enforced disappearance',
        parentId: violationsId,
        path: 'Violations > Enforced disappearance',
      }),
    ]);
    // The parent opened to show it, one level down.
    await row('Enforced disappearance').waitFor();
    expect(await row('Enforced disappearance').getAttribute('aria-level')).toBe('2');
  });

  it('is told where a label is used when deleting it is refused', async () => {
    await row('Violations').getByTestId('tree-menu').click();
    await page.getByTestId('tree-delete').click();
    await page.getByTestId('delete-confirm').click();
    await expect
      .poll(() => page.getByTestId('delete-error').textContent(), { timeout: 10_000 })
      .toMatch(/still in use: 2 child labels/);
    await page.getByTestId('delete-cancel').click();
    expect((await api.get<{ items: LabelJson[] }>('/api/labels?q=violations')).items).toHaveLength(1);
  });

  it('exports the list and re-imports it without creating anything', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^dalil-labels-\d{4}-\d\d-\d\d\.csv$/);
    const file = await download.path();
    await page.getByTestId('csv-file').setInputFiles(file);
    await page.getByTestId('csv-report').waitFor();
    await expect.poll(() => page.getByTestId('csv-created').textContent()).toContain('0 created');
    await expect.poll(() => page.getByTestId('csv-updated').textContent()).toContain('0 updated');
    await expect.poll(() => page.getByTestId('csv-skipped').textContent()).toContain('3 unchanged');
    await expect.poll(() => page.getByTestId('csv-failed').textContent()).toContain('0 with errors');
  });
});
