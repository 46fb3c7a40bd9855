import type { FastifyRequest } from 'fastify';
import type { FilesConfig } from '../../config.js';
import { AppError, Invalid } from '../../http/errors.js';
import { receiveToTmp, removeQuietly, type Received } from './media.store.js';

export interface Upload extends Received {
  /** File name as the client sent it (cleaned later, never used as a path). */
  fileName: string;
  /** The part's Content-Type as the client declared it. */
  declared: string;
  fields: Record<string, string>;
}

/** Fields an upload may carry besides the file; anything else is refused. */
const FIELD_NAMES = new Set(['title', 'titleAr', 'categoryId']);

/**
 * Reads a multipart upload: exactly one part named `file`, streamed to tmpDir while hashed, and
 * the optional text fields, in any order. Parser limits stop oversized files (the part is cut at
 * the limit and reported as too large), extra files and oversized fields.
 */
export async function readUpload(request: FastifyRequest, files: FilesConfig): Promise<Upload> {
  if (!request.isMultipart())
    throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data with one part named "file".');
  const fields: Record<string, string> = {};
  let got: Upload | null = null;
  try {
    const parts = request.parts({
      limits: { fileSize: files.mediaMaxBytes, files: 1, fields: FIELD_NAMES.size, fieldSize: 4096, parts: 8 },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw new Invalid({ [part.fieldname.slice(0, 50)]: 'unknown field (send the file as "file")' });
        }
        const received = await receiveToTmp(files, part.file);
        got = { ...received, fileName: part.filename ?? '', declared: part.mimetype ?? '', fields };
      } else {
        const name = part.fieldname;
        if (!FIELD_NAMES.has(name)) throw new Invalid({ [name.slice(0, 50)]: 'unknown field' });
        if (name in fields) throw new Invalid({ [name]: 'was sent twice' });
        if (part.valueTruncated) throw new Invalid({ [name]: 'is too long' });
        fields[name] = String(part.value);
      }
    }
  } catch (err) {
    if (got) await removeQuietly(got.tmpPath);
    throw multipartError(err);
  }
  // The parser also drops a file part whose name holds a line break, which lands here too.
  if (!got) throw new Invalid({ file: 'is required (one part named "file"; names with line breaks are refused)' });
  return got;
}

/** The parser's own errors, in our shape and words. */
function multipartError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code ?? '';
  if (code === 'FST_FILES_LIMIT') return new Invalid({ file: 'send exactly one file per upload' });
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') return new Invalid({ body: 'too many form fields' });
  if (code.startsWith('FST_')) return new Invalid({ body: 'is not a valid multipart upload' });
  return err;
}
