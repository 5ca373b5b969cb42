import { readFile } from 'node:fs/promises';
import {
  DOCUMENT_TYPES,
  type DocumentType,
  EXTENSIONS_OF,
  type PurposeRule,
  typeOfExtension,
} from '@society-hub/domain';
import { fileTypeFromFile } from 'file-type';
import { errors } from '../../lib/errors';
import type { SpooledFile } from './upload';
import { summariseZip } from './zip-inspection';

/** What an accepted workbook may expand to: far beyond any real financial statement, far below a bomb. */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
export const MAX_XLSX_ENTRIES = 5_000;

function refused(code: string, message: string) {
  return errors.validation([{ path: '/body/file', code, message }], message);
}

function isAccepted(mime: string): mime is DocumentType {
  return Object.values<string>(DOCUMENT_TYPES).includes(mime);
}

/**
 * The type of an upload as its bytes show it (never as the client said), checked against the
 * purpose's allow-list and against the extension of its name; an XLSX is also checked for the size
 * it declares it would expand to. Every refusal is a 422 naming the file.
 */
export async function checkContent(file: SpooledFile, rule: PurposeRule): Promise<DocumentType> {
  const sniffed = await fileTypeFromFile(file.path);
  const allowed = rule.types.flatMap((t) => EXTENSIONS_OF[t]).join(', ');
  if (!sniffed || !isAccepted(sniffed.mime)) {
    throw refused(
      'type_not_allowed',
      `A ${rule.label} must be one of: ${allowed}; this file's content is ${sniffed?.ext ?? 'not a recognised type'}.`,
    );
  }
  if (!rule.types.includes(sniffed.mime)) {
    throw refused('type_not_allowed', `A ${rule.label} must be one of: ${allowed}; this file is ${sniffed.ext}.`);
  }
  const announced = typeOfExtension(file.name);
  if (announced !== sniffed.mime) {
    throw refused(
      'extension_mismatch',
      `The file is named "${file.name}" but its content is ${sniffed.ext}; rename it to .${EXTENSIONS_OF[sniffed.mime][0]} or upload the right file.`,
    );
  }
  if (sniffed.mime === DOCUMENT_TYPES.xlsx) await checkWorkbook(file);
  return sniffed.mime;
}

async function checkWorkbook(file: SpooledFile): Promise<void> {
  // Uploads are limited to tens of MiB, so the archive is read whole to find its central directory.
  const zip = summariseZip(await readFile(file.path));
  if (!zip) throw refused('corrupt_archive', 'The workbook is not a readable XLSX (its ZIP directory is damaged).');
  if (zip.zip64 || zip.uncompressedBytes > MAX_XLSX_UNCOMPRESSED_BYTES || zip.entries > MAX_XLSX_ENTRIES) {
    throw refused(
      'archive_too_large',
      `The workbook would expand to more than ${MAX_XLSX_UNCOMPRESSED_BYTES} bytes or ${MAX_XLSX_ENTRIES} parts (a zip bomb?); it was refused.`,
    );
  }
}
