import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, setCsrfToken } from './client';
import { uploadMedia } from './media';

/** Stands in for XMLHttpRequest: records what the upload sends and answers as told. */
class FakeXhr {
  static last: FakeXhr | null = null;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  withCredentials = false;
  status = 0;
  responseText = '';
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('uploadMedia', () => {
  it('posts multipart with the CSRF header, reports progress and resolves with the answer', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    setCsrfToken('csrf-123');
    const seen: number[] = [];
    const file = new File([new Uint8Array([1, 2, 3])], 'photo.png', { type: 'image/png' });
    const job = uploadMedia('actor', 7, file, { title: 'Photo', categoryId: 3 }, (f) => seen.push(f));
    const xhr = FakeXhr.last as FakeXhr;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/actors/7/media');
    expect(xhr.headers['X-CSRF-Token']).toBe('csrf-123');
    expect((xhr.body?.get('file') as File).name).toBe('photo.png');
    expect(xhr.body?.get('title')).toBe('Photo');
    expect(xhr.body?.get('categoryId')).toBe('3');
    expect(xhr.body?.has('titleAr')).toBe(false);
    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
    xhr.answer(201, { media: { id: 1 }, alsoHeldBy: [] });
    await expect(job.done).resolves.toEqual({ media: { id: 1 }, alsoHeldBy: [] });
    expect(seen).toEqual([0.5]);
  });

  it('turns a refusal into the same ApiError as other requests', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const job = uploadMedia('bulletin', 1, new File(['x'], 'x.png'), {}, () => undefined);
    (FakeXhr.last as FakeXhr).answer(415, {
      error: { code: 'unsupported_media_type', message: 'This kind of file is not accepted.', requestId: 'r1' },
    });
    const err = await job.done.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 415, code: 'unsupported_media_type', requestId: 'r1' });
  });
});
