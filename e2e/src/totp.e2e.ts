import type { BrowserContext, Page } from 'playwright-core';
import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from './browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * A6 through the UI: enrol an authenticator app from the account page (QR + typed code, recovery
 * codes shown once), sign in with a TOTP code, and use a recovery code once (twice fails).
 */
let server: RunningServer;
let browser: BrowserContext;
let page: Page;
let secret = '';
let recoveryCodes: string[] = [];

/** The code of the time step `offset` steps from now (the server refuses a step already used). */
const totp = (offset = 0) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });

beforeAll(async () => {
  server = await startServer();
  browser = await openBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signInWithPassword(): Promise<void> {
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
  await page.getByTestId('login-submit').click();
}

async function signOut(): Promise<void> {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-username').waitFor();
}

describe('A6 TOTP in the browser', () => {
  it('A6 enrols an authenticator app with a QR code and a typed code; recovery codes are shown once', async () => {
    await page.goto(`${server.url}/account/security`);
    await signInWithPassword();
    await page.getByTestId('account-security').waitFor();
    await expect.poll(() => page.getByTestId('totp-status').textContent()).toMatch(/not set up/i);
    await page.getByTestId('totp-start').click();
    await page.getByTestId('totp-qr').waitFor();
    expect(await page.getByTestId('totp-qr').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

    await page.getByTestId('totp-code').fill('000000' === totp() ? '111111' : '000000');
    await page.getByTestId('totp-confirm').click();
    await page.getByTestId('totp-error').waitFor();

    await page.getByTestId('totp-code').fill(totp());
    await page.getByTestId('totp-confirm').click();
    await page.getByTestId('recovery-codes').waitFor();
    recoveryCodes = (await page.getByTestId('recovery-code').allTextContents()).map((c) => c.trim());
    expect(recoveryCodes.length).toBeGreaterThanOrEqual(3);
    // Continuing needs the "I saved them" confirmation.
    expect(await page.getByTestId('recovery-continue').isDisabled()).toBe(true);
    await page.getByTestId('recovery-saved').locator('input').check();
    await page.getByTestId('recovery-continue').click();
    await page.getByTestId('recovery-codes').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('totp-status').textContent()).toMatch(/on since/i);
    await expect.poll(() => page.getByTestId('recovery-left').textContent()).toContain(String(recoveryCodes.length));
  });

  it('A6 sign-in asks for the code after the password; a wrong code is refused, the right one signs in', async () => {
    await signOut();
    await signInWithPassword();
    await page.getByTestId('mfa-step').waitFor();
    await page.getByTestId('mfa-code').fill(totp(-2));
    await page.getByTestId('mfa-submit').click();
    await expect.poll(() => page.getByTestId('mfa-error').textContent()).toMatch(/not accepted/i);
    // The next time step: the step used at enrolment cannot be replayed.
    await page.getByTestId('mfa-code').fill(totp(1));
    await page.getByTestId('mfa-submit').click();
    await page.getByTestId('user-menu').waitFor();
    expect(new URL(page.url()).pathname).toBe('/bulletins');
  });

  it('A6 a recovery code signs in once and fails the second time', async () => {
    const code = recoveryCodes[0] as string;
    await signOut();
    await signInWithPassword();
    await page.getByTestId('mfa-step').waitFor();
    await page.getByTestId('mfa-use-recovery').click();
    await page.getByTestId('mfa-code').fill(code);
    await page.getByTestId('mfa-submit').click();
    await page.getByTestId('user-menu').waitFor();

    await signOut();
    await signInWithPassword();
    await page.getByTestId('mfa-use-recovery').click();
    await page.getByTestId('mfa-code').fill(code);
    await page.getByTestId('mfa-submit').click();
    await expect.poll(() => page.getByTestId('mfa-error').textContent()).toMatch(/not accepted/i);
    expect(await page.getByTestId('user-menu').count()).toBe(0);

    // Another, unused code still works.
    await page.getByTestId('mfa-code').fill(recoveryCodes[1] as string);
    await page.getByTestId('mfa-submit').click();
    await page.getByTestId('user-menu').waitFor();
  });
});
