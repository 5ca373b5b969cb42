import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import { sanitiseFileName } from '@society-hub/domain';
import type { FastifyRequest } from 'fastify';
import { AppError, errors } from '../../lib/errors';

/** An upload received whole into a spool file, with what we measured of it on the way. */
export interface SpooledFile {
  path: string;
  name: string;
  size: number;
  sha256: string;
  /** Removes the spool file (always called, success or not). */
  discard(): Promise<void>;
}

const FILE_FIELD = '/body/file';

function fileError(code: string, message: string): AppError {
  return errors.validation([{ path: FILE_FIELD, code, message }], message);
}

/** The multipart plugin's and busboy's errors as the contract's problems. */
function uploadProblem(error: unknown, maxBytes: number): AppError {
  if (error instanceof AppError) return error;
  const code = error instanceof Error ? Reflect.get(error, 'code') : undefined;
  if (
    code === 'FST_REQ_FILE_TOO_LARGE' ||
    code === 'FST_PARTS_LIMIT' ||
    code === 'FST_FILES_LIMIT' ||
    code === 'FST_FIELDS_LIMIT'
  ) {
    return tooLarge(maxBytes);
  }
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return notMultipart();
  // Everything else is a body that ended early or does not parse as multipart (busboy's
  // "Unexpected end of form", a missing boundary, a closed connection): nothing was kept.
  return new AppError(
    400,
    'bad_request',
    'The upload did not arrive whole (interrupted or malformed multipart body); nothing was stored. Send it again.',
    {
      errors: [
        { path: FILE_FIELD, code: 'upload_incomplete', message: 'The multipart body ended before the file did.' },
      ],
    },
  );
}

function tooLarge(maxBytes: number): AppError {
  return new AppError(
    413,
    'payload_too_large',
    `The file is larger than the ${maxBytes} bytes allowed for this kind of document; nothing was stored.`,
    {
      errors: [{ path: FILE_FIELD, code: 'too_large', message: `At most ${maxBytes} bytes.` }],
    },
  );
}

function notMultipart(): AppError {
  return new AppError(415, 'unsupported_media_type', 'Send the file as multipart/form-data with a part named "file".');
}

/**
 * Reads the one file part of a multipart request into a temporary file, hashing and counting as it
 * goes, refusing it as soon as it passes `maxBytes`. The client's name is reduced to its last path
 * segment (`../../x.pdf` is kept as `x.pdf`); the client's content type is ignored (the bytes are
 * sniffed afterwards).
 */
export async function receiveFile(request: FastifyRequest, maxBytes: number): Promise<SpooledFile> {
  if (!request.isMultipart()) throw notMultipart();
  const folder = await mkdtemp(join(tmpdir(), 'society-hub-upload-'));
  const discard = () => rm(folder, { recursive: true, force: true });
  try {
    let part: MultipartFile | undefined;
    try {
      part = await request.file({
        limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11 },
        throwFileSizeLimit: true,
      });
    } catch (error) {
      throw uploadProblem(error, maxBytes);
    }
    if (!part) throw fileError('required', 'The request has no file part.');
    if (part.fieldname !== 'file') throw fileError('required', 'Send the file in a part named "file".');
    const name = sanitiseFileName(part.filename);
    const hash = createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    const path = join(folder, 'upload');
    try {
      await pipeline(part.file, measure, createWriteStream(path));
    } catch (error) {
      throw uploadProblem(error, maxBytes);
    }
    if (part.file.truncated || size > maxBytes) throw tooLarge(maxBytes);
    if (name === null) throw fileError('file_name', 'The file name is empty or only a path; name the file.');
    if (size === 0) throw fileError('empty', 'The file is empty.');
    return { path, name, size, sha256: hash.digest('hex'), discard };
  } catch (error) {
    await discard();
    throw error;
  }
}
