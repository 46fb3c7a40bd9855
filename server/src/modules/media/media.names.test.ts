import { describe, expect, it } from 'vitest';
import { ALLOWED_TYPES, declaredTypeMatches, extensionMatches } from './media.allowlist.js';
import { cleanFileName, contentDisposition, downloadName, MAX_NAME_LENGTH } from './media.names.js';

const png = ALLOWED_TYPES.find((t) => t.mime === 'image/png')!;

describe('cleanFileName', () => {
  it.each([
    ['../../etc/passwd"\r\nX: y.png', 'passwd_X_ y.png'],
    ['C:\\Users\\a\\Desktop\\photo.jpg', 'photo.jpg'],
    ['invoice\u202Egnp.exe', 'invoicegnp.exe'],
    ['\u2067report\u2069.pdf', 'report.pdf'],
    ['..', 'file'],
    ['   ', 'file'],
    ['.hidden.png', 'hidden.png'],
    ['a<b>c|d?e*.png', 'a_b_c_d_e_.png'],
    ['شهادة الشاهد.png', 'شهادة الشاهد.png'],
  ])('D6 %j → %j', (raw, clean) => {
    expect(cleanFileName(raw)).toBe(clean);
  });

  it('D6 caps the length and keeps the extension', () => {
    const out = cleanFileName(`${'ب'.repeat(500)}.jpeg`);
    expect([...out].length).toBe(MAX_NAME_LENGTH);
    expect(out.endsWith('ب.jpeg')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('D6 gives an ASCII fallback and the exact UTF-8 name, with nothing that can end the header', () => {
    const h = contentDisposition('تقرير "نهائي" 100%.pdf');
    expect(h).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
    expect(decodeURIComponent(h.split("''")[1] ?? '')).toBe('تقرير "نهائي" 100%.pdf');
    expect(h).not.toMatch(/[\r\n]/);
    expect(contentDisposition("it's (1)*.png", true)).toBe(
      `inline; filename="it's (1)*.png"; filename*=UTF-8''it%27s%20%281%29%2A.png`,
    );
  });

  it('D6 adds the sniffed extension to a name without one', () => {
    expect(downloadName('scan', png)).toBe('scan.png');
    expect(downloadName('scan.png', png)).toBe('scan.png');
  });
});

describe('declared type and extension', () => {
  it('D6 accepts the type, its aliases and generic types; refuses others', () => {
    expect(declaredTypeMatches(png, 'image/png')).toBe(true);
    expect(declaredTypeMatches(png, 'IMAGE/PNG; charset=binary')).toBe(true);
    expect(declaredTypeMatches(png, 'application/octet-stream')).toBe(true);
    expect(declaredTypeMatches(png, 'image/jpeg')).toBe(false);
    expect(declaredTypeMatches(png, 'text/html')).toBe(false);
  });

  it('D6 accepts a matching or missing extension only', () => {
    expect(extensionMatches(png, 'a.PNG')).toBe(true);
    expect(extensionMatches(png, 'noext')).toBe(true);
    expect(extensionMatches(png, 'a.png.exe')).toBe(false);
    expect(extensionMatches(png, 'a.svg')).toBe(false);
  });
});
