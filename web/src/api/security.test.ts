import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, setCsrfToken, setReauthHandler } from './client';

function reply(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setReauthHandler(null);
  setCsrfToken(null);
});

describe('re-authentication in the API layer (A8)', () => {
  it('asks for re-authentication on reauth_required and retries once with the new CSRF token', async () => {
    const calls: { url: string; csrf: string | null }[] = [];
    const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, csrf: (init.headers as Record<string, string>)['X-CSRF-Token'] ?? null });
      return calls.length === 1
        ? reply(403, { error: { code: 'reauth_required', message: 'Confirm' } })
        : reply(200, { ok: true });
    });
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('old');
    const handler = vi.fn(async () => {
      setCsrfToken('new');
      return true;
    });
    setReauthHandler(handler);
    await expect(api.post('/security/mode', { mode: 'readOnly' })).resolves.toEqual({ ok: true });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(calls.map((c) => c.csrf)).toEqual(['old', 'new']);
  });

  it('gives up with the error when the user cancels', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reply(403, { error: { code: 'reauth_required', message: 'Confirm' } })),
    );
    setReauthHandler(async () => false);
    const err = await api.post('/auth/mfa/recovery-codes').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('reauth_required');
  });
});

describe('rate limits and silent polls', () => {
  it('reads Retry-After on 429', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reply(429, { error: { code: 'rate_limited', message: 'slow' } }, { 'Retry-After': '120' })),
    );
    const err = (await api.post('/auth/login', {}).catch((e: unknown) => e)) as ApiError;
    expect(err.status).toBe(429);
    expect(err.retryAfter).toBe(120);
  });

  it('sends X-Silent-Poll only when asked', async () => {
    const fetchMock = vi.fn(async () => reply(200, {}));
    vi.stubGlobal('fetch', fetchMock);
    await api.get('/auth/session', undefined, { silent: true });
    await api.get('/auth/session');
    const headers = fetchMock.mock.calls.map(
      (c) => (c as unknown as [string, RequestInit])[1].headers as Record<string, string>,
    );
    expect(headers[0]?.['X-Silent-Poll']).toBe('1');
    expect(headers[1]?.['X-Silent-Poll']).toBeUndefined();
  });
});
