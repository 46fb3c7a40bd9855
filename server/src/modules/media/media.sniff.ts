import { fileTypeFromFile } from 'file-type';
import { AppError } from '../../http/errors.js';
import {
  allowedType,
  declaredTypeMatches,
  describeAllowed,
  extensionMatches,
  extensionOf,
  type AllowedType,
} from './media.allowlist.js';
import { headOf } from './media.store.js';
import { zipFileProblem, type ZipLimits } from './media.zip.js';

const refuse = (message: string) => new AppError('unsupported_media_type', message);

/** Local-file header or empty-archive record: the bytes every zip container starts with. */
const isZip = (head: Buffer) =>
  head.length >= 4 &&
  head[0] === 0x50 &&
  head[1] === 0x4b &&
  (head[2] === 3 || head[2] === 5) &&
  head[3] === head[2] + 1;

/**
 * D6: the type of an uploaded file, decided from its bytes alone and checked against the
 * allowlist; the part's declared Content-Type and the file name's extension must agree with it.
 * Zip containers have their central directory checked first (before file-type reads into them).
 */
export async function checkFileType(
  path: string,
  fileName: string,
  declared: string,
  zipLimits: ZipLimits,
): Promise<AllowedType> {
  const head = await headOf(path, 4);
  if (isZip(head)) {
    const problem = await zipFileProblem(path, zipLimits);
    if (problem) throw refuse(`This archive was refused: ${problem}.`);
  }
  const sniffed = await fileTypeFromFile(path);
  const type = sniffed ? allowedType(sniffed.mime) : undefined;
  if (!type) {
    const what = sniffed ? `its content is ${sniffed.mime}` : 'its content is not a recognised file type';
    throw refuse(`This kind of file is not accepted: ${what}. Accepted: ${describeAllowed()}.`);
  }
  if (!declaredTypeMatches(type, declared))
    throw refuse(`The file was sent as ${declared.slice(0, 100)} but its content is ${type.mime}.`);
  if (!extensionMatches(type, fileName))
    throw refuse(
      `The file name ends in .${extensionOf(fileName).slice(0, 20)} but its content is ${type.mime} (expected .${type.exts.join(', .')}).`,
    );
  return type;
}
