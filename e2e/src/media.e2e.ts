import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './api.js';
import { openBrowser } from './browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
let bulletinId: number;
const shots = process.env.E2E_SCREENSHOTS ?? '/tmp/dalil-media';

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  const api = await ApiSession.login(server.url, 'admin', ADMIN_PASSWORD);
  bulletinId = (await api.post<{ id: number }>('/api/bulletins', { title: 'Shelling of the market', comment: 'seed' }))
    .id;
  browser = await openBrowser();
  page = await browser.newPage();
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
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

describe('media on a bulletin', () => {
  it('signs in and opens the media tab', async () => {
    await page.goto(`${server.url}/bulletins/${bulletinId}`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('media-tab').click();
    await page.getByTestId('media-empty').waitFor();
  }, 60_000);

  it('uploads a PNG and lists it with its thumbnail', async () => {
    await page.getByTestId('media-file').setInputFiles({ name: 'market.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('media-title').fill('Market after the strike');
    await page.getByTestId('media-upload').click();
    await page.getByTestId('media-list').waitFor();
    await expect.poll(() => page.getByTestId('media-name').first().textContent()).toBe('market.png');
    const thumb = page.getByTestId('media-thumb').first();
    await thumb.waitFor();
    // The thumbnail really loaded from the inline endpoint (a broken image has no natural width).
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(await thumb.getAttribute('src')).toMatch(/^\/api\/media\/\d+\/file\?inline=1$/);
    await page.screenshot({ path: `${shots}/uploaded.png` });
  }, 60_000);

  it('refuses a file whose content does not match its name, and says why', async () => {
    await page.getByTestId('media-file').setInputFiles({
      name: 'invoice.png',
      mimeType: 'image/png',
      buffer: Buffer.from('<html><script>alert(1)</script></html>'),
    });
    await page.getByTestId('media-upload').click();
    await expect.poll(() => page.getByTestId('media-error').textContent()).toMatch(/This file was refused/);
    expect(await page.getByTestId('media-error').textContent()).toMatch(/not a recognised file type/);
    expect(await page.getByTestId('media-name').count()).toBe(1);
  }, 60_000);

  it('refuses the same file twice with a clear message', async () => {
    await page.getByTestId('media-file').setInputFiles({ name: 'copy.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('media-upload').click();
    await expect.poll(() => page.getByTestId('media-error').textContent()).toMatch(/already attached to this record/);
  }, 60_000);

  it('removes the file after confirmation', async () => {
    await page.getByTestId('media-remove').first().click();
    await page.getByTestId('media-remove-confirm').click();
    await page.getByTestId('media-empty').waitFor();
  }, 60_000);
});
