import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './api.js';
import { signInAt } from './browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * Exports end to end (D4, D7): an analyst with canExport selects two bulletins and asks for a
 * CSV; the admin approves it on the Exports page; the analyst downloads the file, which holds
 * both titles (Arabic included, as UTF-8 with a BOM).
 */
let server: RunningServer;
let browser: Browser;
const PASSWORD = 'Exports-e2e-passphrase-5821';
const TITLES = ['Checkpoint arrest Zqv', 'قصف السوق Zqv'];
let analyst: Page;
let admin: Page;

const signIn = (page: Page, username: string, password: string) => signInAt(page, server.url, username, password);

beforeAll(async () => {
  server = await startServer();
  const api = await ApiSession.login(server.url, 'admin', ADMIN_PASSWORD);
  await api.post('/api/users', {
    username: 'exporter1',
    name: 'Eva Exporter',
    password: PASSWORD,
    roles: ['DA'],
    permissions: { canExport: true },
  });
  for (const title of TITLES) await api.post('/api/bulletins', { title, comment: 'c' });
  await api.post('/api/bulletins', { title: 'Unselected bulletin Zqv', comment: 'c' });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  analyst = await (
    await browser.newContext({ viewport: { width: 1300, height: 900 }, acceptDownloads: true })
  ).newPage();
  admin = await (await browser.newContext({ viewport: { width: 1300, height: 900 } })).newPage();
  await signIn(analyst, 'exporter1', PASSWORD);
  await signIn(admin, 'admin', ADMIN_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('export with approval', () => {
  it('analyst requests a CSV of two bulletins, admin approves, analyst downloads both titles', async () => {
    const a = analyst;
    await a.getByTestId('quick-search').fill('Zqv');
    await expect.poll(() => a.getByTestId('bulletin-row').count(), { timeout: 10_000 }).toBe(3);
    for (const title of TITLES) {
      await a.getByTestId('bulletin-row').filter({ hasText: title }).getByTestId('bulletin-select').click();
    }
    await a.getByTestId('export-open').click();
    await a.getByTestId('export-format-csv').locator('input').check();
    await a.getByTestId('export-comment').fill('For the monthly report');
    await a.getByTestId('export-submit').click();
    await a.getByTestId('export-sent').waitFor();
    const exportId = Number(/#?(\d+)/.exec((await a.getByTestId('export-sent').textContent()) ?? '')?.[1]);
    expect(exportId).toBeGreaterThan(0);
    await a.getByTestId('export-close').click();

    // The admin sees the request on the Exports page (nav entry) and approves it.
    const ad = admin;
    await ad.getByTestId('nav-exports').click();
    const row = ad.locator(`[data-testid="export-row"][data-id="${exportId}"]`);
    await row.waitFor();
    expect(await row.getByTestId('export-status').textContent()).toContain('Pending');
    await row.getByTestId('export-approve').click();
    await ad.getByTestId('exports-notice').waitFor();

    // The analyst's page shows it ready (the page polls while it is being built), with a countdown.
    await a.goto(`${server.url}/exports`);
    const mine = a.locator(`[data-testid="export-row"][data-id="${exportId}"]`);
    await expect.poll(async () => mine.getAttribute('data-status'), { timeout: 30_000, interval: 500 }).toBe('ready');
    expect(await mine.getByTestId('export-items').textContent()).toBe('2');
    expect(await mine.getByTestId('export-countdown').textContent()).toMatch(/in \d/);
    const [download] = await Promise.all([a.waitForEvent('download'), mine.getByTestId('export-download').click()]);
    expect(download.suggestedFilename()).toBe(`dalil-export-${exportId}.csv`);
    const text = readFileSync((await download.path()) as string, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    for (const title of TITLES) expect(text).toContain(title);
    expect(text).not.toContain('Unselected bulletin');
  });
});
