import { extensionOf, type AllowedType } from './media.allowlist.js';

/** Display names longer than this are cut (keeping the extension). */
export const MAX_NAME_LENGTH = 200;

/**
 * D6: the uploader's file name, made safe to show and to put in a Content-Disposition: only the
 * last path segment, no control or formatting characters (which includes the bidi overrides that
 * make "exe.png" read as "png.exe"), none of the characters Windows forbids, no leading dots,
 * length capped. It is display text only; the stored file is named by the server.
 */
export function cleanFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  let name = base
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
  if ([...name].length > MAX_NAME_LENGTH) {
    const ext = extensionOf(name);
    const keep = ext && ext.length <= 10 ? `.${ext}` : '';
    name =
      [...name]
        .slice(0, MAX_NAME_LENGTH - keep.length)
        .join('')
        .trimEnd() + keep;
  }
  return name || 'file';
}

/** The name a download gets: the clean name, with the sniffed type's extension when it has none. */
export function downloadName(clean: string, type: AllowedType | undefined): string {
  if (!type || extensionOf(clean)) return clean;
  return `${clean}.${type.exts[0]}`;
}

/** RFC 5987 value-chars: everything else percent-encoded as UTF-8. */
const rfc5987 = (s: string) =>
  encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `attachment` (or `inline` for previews) with an ASCII fallback for old clients and the exact
 * UTF-8 name in `filename*` (RFC 6266), so Arabic names survive and no quote, backslash or line
 * break can end the header early.
 */
export function contentDisposition(name: string, inline = false): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_') || 'file';
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${rfc5987(name)}`;
}
