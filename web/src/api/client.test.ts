import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, buildQuery, parseApiError, setCsrfToken, setUnauthenticatedHandler } from './client';

describe('parseApiError', () => {
  it('reads the documented error shape', () => {
    const e = parseApiError(400, {
      error: {
        code: 'validation',
        message: 'Invalid',
        requestId: 'r-1',
        fields: { title: 'must not be empty', 'events.0.toDate': 'bad' },
      },
    });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(400);
    expect(e.code).toBe('validation');
    expect(e.message).toBe('Invalid');
    expect(e.requestId).toBe('r-1');
    expect(e.fields).toEqual({ title: 'must not be empty', 'events.0.toDate': 'bad' });
  });

  it('falls back to a code from the status when the body is not the error shape', () => {
    const e = parseApiError(429, '<html>busy</html>');
    expect(e.code).toBe('rate_limited');
    expect(e.fields).toEqual({});
    expect(e.requestId).toBeNull();
    expect(parseApiError(502, null).code).toBe('internal');
  });

  it('joins array field messages', () => {
    expect(
      parseApiError(400, { error: { code: 'validation', message: 'x', fields: { tags: ['a', 'b'] } } }).fields,
    ).toEqual({
      tags: 'a; b',
    });
  });
});

describe('buildQuery', () => {
  it('skips empty values and encodes the rest', () => {
    expect(buildQuery({ q: 'عين ترما', limit: 30, cursor: null, verified: false, x: '' })).toBe(
      `?q=${encodeURIComponent('عين ترما').replace(/%20/g, '+')}&limit=30&verified=false`,
    );
    expect(buildQuery({})).toBe('');
  });
});

describe('request', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    setUnauthenticatedHandler(null);
  });

  it('sends the CSRF token on POST and same-origin credentials', async () => {
    const fetchMock = vi.fn().mockResolvedValue(new Response(JSON.stringify({ id: 1 }), { status: 201 }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('tok');
    await expect(api.post('/bulletins', { title: 't' })).resolves.toEqual({ id: 1 });
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/bulletins');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok');
  });

  it('reports a 401 outside /auth to the handler and throws a typed error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockImplementation(() =>
        Promise.resolve(
          new Response(JSON.stringify({ error: { code: 'unauthenticated', message: 'no', requestId: 'q' } }), {
            status: 401,
          }),
        ),
      ),
    );
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    await expect(api.get('/bulletins')).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(handler).toHaveBeenCalledTimes(1);
    await expect(api.get('/auth/session')).rejects.toBeInstanceOf(ApiError);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('maps a failed fetch to a network error', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('offline')));
    await expect(api.get('/x')).rejects.toMatchObject({ code: 'network', status: 0 });
  });
});
