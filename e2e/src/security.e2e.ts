import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from './browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * A6 with a real browser authenticator: Chromium's virtual authenticator (DevTools WebAuthn
 * domain) registers a security key and signs in with it, through the same API the UI uses.
 */
let server: RunningServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await openBrowser();
  page = await browser.newPage();
  // WebAuthn needs a domain, not an IP: the default PUBLIC_URL for 127.0.0.1 is localhost.
  await page.goto(`${server.url.replace('127.0.0.1', 'localhost')}/robots.txt`);
  const cdp = await browser.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'usb',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Runs a JSON API call from the page (same origin, its cookies). */
async function api(
  path: string,
  body?: unknown,
  csrf?: string,
): Promise<{ status: number; json: Record<string, unknown> }> {
  return page.evaluate(
    async ([p, b, c]) => {
      const res = await fetch(p as string, {
        method: b === undefined ? 'GET' : 'POST',
        headers: {
          ...(b === undefined ? {} : { 'content-type': 'application/json' }),
          ...(c ? { 'x-csrf-token': c as string } : {}),
        },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : {} };
    },
    [path, body, csrf] as const,
  );
}

describe('A6 security keys in the browser', () => {
  it("A6 WebAuthn with Chromium's virtual authenticator: register a key, sign in with it", async () => {
    const first = await api('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(first.status).toBe(200);
    let csrf = first.json.csrfToken as string;
    const opts = await api('/api/auth/mfa/webauthn/register/options', {}, csrf);
    expect(opts.status).toBe(200);
    const registration = await page.evaluate(async (options) => {
      const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(
        options as PublicKeyCredentialCreationOptionsJSON,
      );
      const credential = (await navigator.credentials.create({ publicKey })) as PublicKeyCredential;
      return credential.toJSON();
    }, opts.json.options);
    const saved = await api(
      '/api/auth/mfa/webauthn/register/verify',
      { name: 'Virtual key', response: registration },
      csrf,
    );
    expect(saved.status).toBe(200);
    expect(saved.json.recoveryCodes).toHaveLength(10);
    expect((await api('/api/auth/logout', {}, csrf)).status).toBe(204);

    const half = await api('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(half.json).toMatchObject({ mfaRequired: true, methods: ['webauthn', 'recovery'] });
    csrf = half.json.csrfToken as string;
    expect((await api('/api/users')).status).toBe(401);
    const assertion = await api('/api/auth/mfa/webauthn/options', {}, csrf);
    const answer = await page.evaluate(async (options) => {
      const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(
        options as PublicKeyCredentialRequestOptionsJSON,
      );
      const credential = (await navigator.credentials.get({ publicKey })) as PublicKeyCredential;
      return credential.toJSON();
    }, assertion.json.options);
    const signedIn = await api('/api/auth/mfa/webauthn/verify', { response: answer }, csrf);
    expect(signedIn.status).toBe(200);
    expect((signedIn.json.user as { username: string }).username).toBe('admin');
    expect((await api('/api/users')).status).toBe(200);
  });
});
