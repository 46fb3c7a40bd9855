/**
 * D6: the only file types Dalil stores, keyed by the MIME type file-type sniffs from the bytes.
 * `exts` are the file-name extensions an uploader may use for that type (the first is the one
 * the storage key gets); `declared` are the part Content-Types browsers send for it.
 * `inline` types may be previewed in the browser (`?inline=1`); everything else only downloads.
 */
export interface AllowedType {
  mime: string;
  exts: readonly string[];
  declared: readonly string[];
  inline: boolean;
  /** A zip container: its central directory is checked before it is stored. */
  zip: boolean;
}

const t = (mime: string, exts: string[], declared: string[] = [], inline = false, zip = false): AllowedType => ({
  mime,
  exts,
  declared: [mime, ...declared],
  inline,
  zip,
});

const OOXML = 'application/vnd.openxmlformats-officedocument';

export const ALLOWED_TYPES: readonly AllowedType[] = [
  t('image/jpeg', ['jpg', 'jpeg', 'jpe', 'jfif'], ['image/pjpeg', 'image/jpg'], true),
  t('image/png', ['png'], [], true),
  t('image/gif', ['gif'], [], true),
  t('image/webp', ['webp'], [], true),
  t('image/tiff', ['tif', 'tiff']),
  t('application/pdf', ['pdf'], ['application/x-pdf'], true),
  t('video/mp4', ['mp4', 'm4v'], [], true),
  t('video/webm', ['webm'], ['audio/webm'], true),
  t('video/quicktime', ['mov', 'qt'], [], true),
  t('video/matroska', ['mkv', 'mka'], ['video/x-matroska', 'audio/x-matroska'], true),
  t('audio/mpeg', ['mp3', 'mpga'], ['audio/mp3', 'audio/x-mpeg', 'audio/x-mp3'], true),
  t('audio/wav', ['wav', 'wave'], ['audio/x-wav', 'audio/wave', 'audio/vnd.wave'], true),
  t('audio/ogg', ['ogg', 'oga', 'opus', 'spx'], ['application/ogg', 'audio/opus'], true),
  t('audio/x-m4a', ['m4a'], ['audio/m4a', 'audio/mp4', 'audio/x-mp4'], true),
  t('audio/mp4', ['m4a', 'm4b', 'mp4'], ['audio/x-m4a', 'audio/m4a'], true),
  t('audio/flac', ['flac'], ['audio/x-flac'], true),
  t(`${OOXML}.wordprocessingml.document`, ['docx'], [], false, true),
  t(`${OOXML}.spreadsheetml.sheet`, ['xlsx'], [], false, true),
  t(`${OOXML}.presentationml.presentation`, ['pptx'], [], false, true),
  t('application/vnd.oasis.opendocument.text', ['odt'], [], false, true),
  t('application/zip', ['zip'], ['application/x-zip-compressed', 'application/x-zip', 'multipart/x-zip'], false, true),
];

const BY_MIME = new Map(ALLOWED_TYPES.map((a) => [a.mime, a]));

export const allowedType = (sniffedMime: string): AllowedType | undefined => BY_MIME.get(sniffedMime);

/**
 * Part types that say nothing about the content (what browsers send for a type they do not
 * know): they neither confirm nor contradict the sniffed type.
 */
const GENERIC_DECLARED = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

export function declaredTypeMatches(type: AllowedType, declared: string): boolean {
  const d = (declared.split(';')[0] ?? '').trim().toLowerCase();
  return GENERIC_DECLARED.has(d) || type.declared.includes(d);
}

/** The file name's extension, lower case, or '' when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : '';
}

/** A name without an extension makes no claim; one with an extension must name the sniffed type. */
export function extensionMatches(type: AllowedType, name: string): boolean {
  const ext = extensionOf(name);
  return ext === '' || type.exts.includes(ext);
}

export const describeAllowed = (): string => [...new Set(ALLOWED_TYPES.flatMap((a) => a.exts.slice(0, 1)))].join(', ');
