import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from './browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * S3 in the browser: with a 30-second idle timeout, the UI (polling silently, which does not extend
 * the session) warns before the end; "Stay signed in" extends it; doing nothing ends at the sign-in page.
 */
let server: RunningServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer({ SESSION_IDLE_MINUTES: '0.5' });
  browser = await openBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('S3 session expiry warning', () => {
  it('S3 warns before the idle timeout and "Stay signed in" keeps the session', async () => {
    await page.goto(`${server.url}/bulletins`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();

    const dialog = page.getByTestId('expiry-dialog');
    await dialog.waitFor({ timeout: 40_000 });
    await expect.poll(() => page.getByTestId('expiry-countdown').textContent()).toMatch(/0:[0-2]\d/);
    await page.getByTestId('expiry-stay').click();
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });

    // Still signed in well past the original 30 s.
    await page.waitForTimeout(8_000);
    expect(new URL(page.url()).pathname).toBe('/bulletins');
    const status = await page.evaluate(
      async () => (await fetch('/api/auth/session', { headers: { 'X-Silent-Poll': '1' } })).status,
    );
    expect(status).toBe(200);
  });

  it('S3 without an answer the session ends and the sign-in page says so', async () => {
    await page.getByTestId('expiry-dialog').waitFor({ timeout: 40_000 });
    await page.getByTestId('login-username').waitFor({ timeout: 45_000 });
    expect(new URL(page.url()).pathname).toBe('/login');
    const status = await page.evaluate(
      async () => (await fetch('/api/auth/session', { headers: { 'X-Silent-Poll': '1' } })).status,
    );
    expect(status).toBe(401);
  });
});
