/** The one fetch wrapper: JSON in/out, CSRF header on POST, typed errors. */

export type ApiErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'csrf'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal'
  | 'network'
  | (string & {});

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly requestId: string | null = null,
    readonly fields: Record<string, string> = {},
    /** Seconds to wait, from a 429's Retry-After header. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const codeByStatus: Record<number, ApiErrorCode> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** Turns any error response body into an ApiError, tolerating bodies that do not follow the shape. */
export function parseApiError(status: number, body: unknown): ApiError {
  const err = isRecord(body) && isRecord(body.error) ? body.error : null;
  const code = err && typeof err.code === 'string' ? err.code : (codeByStatus[status] ?? 'internal');
  const message = err && typeof err.message === 'string' ? err.message : `HTTP ${status}`;
  const requestId = err && typeof err.requestId === 'string' ? err.requestId : null;
  const fields: Record<string, string> = {};
  if (err && isRecord(err.fields)) {
    for (const [k, v] of Object.entries(err.fields)) {
      if (typeof v === 'string') fields[k] = v;
      else if (Array.isArray(v)) fields[k] = v.filter((x) => typeof x === 'string').join('; ');
    }
  }
  return new ApiError(status, code, message, requestId, fields);
}

let csrfToken: string | null = null;
let onUnauthenticated: ((path: string) => void) | null = null;
let onReauthRequired: (() => Promise<boolean>) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** For requests that cannot go through `request` (file uploads with progress, api/media.ts). */
export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Called on any 401 outside the auth endpoints (expired session). */
export function setUnauthenticatedHandler(handler: ((path: string) => void) | null): void {
  onUnauthenticated = handler;
}

/**
 * Called when an action answers `reauth_required` (sudo mode, A8): the handler asks the user to
 * confirm their password (and factor) and resolves true when done; the action is then retried once.
 */
export function setReauthHandler(handler: (() => Promise<boolean>) | null): void {
  onReauthRequired = handler;
}

export interface RequestOptions {
  /** Background poll: sent with `X-Silent-Poll: 1` so it does not extend the idle timer. */
  silent?: boolean;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function buildQuery(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

async function request<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  options: RequestOptions = {},
  retried = false,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.silent) headers['X-Silent-Poll'] = '1';
  if (method === 'POST') {
    headers['Content-Type'] = 'application/json';
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  }
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
    });
  } catch {
    throw new ApiError(0, 'network', 'Network error');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const parsed = parseApiError(res.status, data);
    const retryAfterHeader = Number(res.headers.get('Retry-After'));
    const error =
      res.status === 429 && Number.isFinite(retryAfterHeader) && retryAfterHeader > 0
        ? new ApiError(parsed.status, parsed.code, parsed.message, parsed.requestId, parsed.fields, retryAfterHeader)
        : parsed;
    if (error.code === 'reauth_required' && !retried && onReauthRequired && !path.startsWith('/auth/reauth')) {
      if (await onReauthRequired()) return request<T>(method, path, body, options, true);
    }
    if (res.status === 401 && !path.startsWith('/auth/') && onUnauthenticated) {
      onUnauthenticated(path);
    }
    throw error;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, options?: RequestOptions) =>
    request<T>('GET', path + buildQuery(query), undefined, options),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
};
