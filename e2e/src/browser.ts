import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function openBrowser(): Promise<BrowserContext> {
  const dir = mkdtempSync(join(tmpdir(), 'chromium-'));
  return chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Signs in through the login form, starting from the bulletin list, and waits until the list shows. */
export async function signInAt(page: Page, base: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}/bulletins`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('bulletin-count').waitFor();
}

/**
 * Waits for a bulletin edit to land on the record page with the given title. On a slow machine it
 * waits long; when it fails it says what the page showed (an error alert, or which page it is on).
 */
export async function expectBulletinSaved(page: Page, title: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const shown = await page
      .getByTestId('bulletin-title')
      .textContent({ timeout: 500 })
      .catch(() => null);
    if (shown === title) return;
    await page.waitForTimeout(250);
  }
  const alerts = await page.locator('.v-alert').allTextContents();
  throw new Error(
    `bulletin not saved as "${title}": on ${page.url()}, title "${await page
      .getByTestId('bulletin-title')
      .textContent({ timeout: 500 })
      .catch(() => '(none)')}", alerts: ${JSON.stringify(alerts)}`,
  );
}
