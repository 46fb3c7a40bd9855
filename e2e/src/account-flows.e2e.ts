import type { BrowserContext, Page } from 'playwright-core';
import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './api.js';
import { openBrowser } from './browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * A4 + enforced MFA + A8 through the UI: a user with a temporary password is led to change it, then
 * (MFA required) to enrol, then into the app; later a sudo action opens the re-authentication dialog
 * and goes through once the password and a code are confirmed.
 */
let server: RunningServer;
let browser: BrowserContext;
let page: Page;
let secret = '';
const TEMP = 'Temporary-pass-7731';
const NEW = 'Rana-new-passphrase-4482';
const totp = (offset = 0) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });

beforeAll(async () => {
  server = await startServer({ REAUTH_MINUTES: '0.25' });
  const admin = await ApiSession.login(server.url, 'admin', ADMIN_PASSWORD);
  await admin.post('/api/users', {
    username: 'rana',
    name: 'رنا',
    password: TEMP,
    roles: ['DA'],
    mustChangePassword: true,
  });
  await admin.post('/api/security/settings', { mfaRequired: true });
  browser = await openBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Answers the re-authentication dialog if the server asked for one. */
async function reauthIfAsked(password: string): Promise<void> {
  const dialog = page.getByTestId('reauth-dialog');
  if (
    !(await dialog.waitFor({ timeout: 1_500 }).then(
      () => true,
      () => false,
    ))
  )
    return;
  await page.getByTestId('reauth-password').fill(password);
  await page.getByTestId('reauth-submit').click();
  await dialog.waitFor({ state: 'detached' });
}

describe('forced steps after sign-in', () => {
  it('A4 a temporary password leads to the change page, then enforced MFA to enrolment, then the app', async () => {
    await page.goto(`${server.url}/bulletins`);
    await page.getByTestId('login-username').fill('rana');
    await page.getByTestId('login-password').fill(TEMP);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('change-password-page').waitFor();
    // Any other page sends back here.
    await page.goto(`${server.url}/bulletins`);
    await page.getByTestId('change-password-page').waitFor();

    await page.getByTestId('password-current').fill(TEMP);
    await page.getByTestId('password-new').fill(NEW);
    await page.getByTestId('password-again').fill(NEW);
    await page.getByTestId('password-submit').click();

    await page.getByTestId('mfa-enrol-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/account/enrol');
    await page.getByTestId('enrol-totp').click();
    await reauthIfAsked(NEW);
    await page.getByTestId('totp-secret').waitFor();
    secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim();
    await page.getByTestId('totp-code').fill(totp());
    await page.getByTestId('totp-confirm').click();
    await reauthIfAsked(NEW);
    await page.getByTestId('recovery-codes').waitFor();
    await page.getByTestId('recovery-saved').locator('input').check();
    await page.getByTestId('recovery-continue').click();
    await page.getByTestId('user-menu').waitFor();
    expect(new URL(page.url()).pathname).toBe('/bulletins');
    // No loop: the forced pages are left behind.
    await page.goto(`${server.url}/account/password`);
    await page.waitForURL((u) => u.pathname === '/bulletins');
  });

  it('A8 a sudo action after the window opens the re-authentication dialog and then succeeds', async () => {
    await page.goto(`${server.url}/account/security`);
    await page.getByTestId('recovery-left').waitFor();
    await page.waitForTimeout(16_000); // past REAUTH_MINUTES
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('recovery-regenerate').click();
    await page.getByTestId('reauth-dialog').waitFor();
    await page.getByTestId('reauth-password').fill('wrong-password-123');
    await page.getByTestId('reauth-code').fill(totp(1));
    await page.getByTestId('reauth-submit').click();
    await page.getByTestId('reauth-error').waitFor();
    await page.getByTestId('reauth-password').fill(NEW);
    await page.getByTestId('reauth-code').fill(totp(1));
    await page.getByTestId('reauth-submit').click();
    await page.getByTestId('recovery-codes').waitFor();
    expect((await page.getByTestId('recovery-code').allTextContents()).length).toBeGreaterThanOrEqual(3);
  });
});
