import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Config } from '../../../config';
import { LocalDiskStorage } from './local-disk';
import { S3Storage } from './s3';

/**
 * Where the bytes of documents live. Keys are made by the API (`documents/<uuid>`), never from a
 * client's file name; the database says which key holds which version.
 */
export interface ObjectStorage {
  /** Stores `body` (exactly `size` bytes) under `key`; a failed put leaves nothing under the key. */
  put(key: string, body: Readable | Buffer, size: number, contentType: string): Promise<void>;
  /** The stored bytes; `ObjectMissingError` when there are none. */
  open(key: string): Promise<Readable>;
  /** Removes the object; removing what is not there is not an error (cleanup after a failed write). */
  remove(key: string): Promise<void>;
}

export class ObjectMissingError extends Error {
  override name = 'ObjectMissingError';
  constructor(key: string) {
    super(`no stored object under ${key}`);
  }
}

/** The storage the configuration names: the data directory's `files/` folder, or an S3 bucket. */
export function storageFor(config: Config): ObjectStorage {
  const settings = config.storage;
  if (settings.kind === 's3') return new S3Storage(settings);
  return new LocalDiskStorage(join(config.dataDir, 'files'));
}

const KEY = /^[a-z0-9][a-z0-9/-]{0,200}$/;

/** Keys are ours, but a key that could climb out of its folder must never reach a file system or a URL. */
export function checkedKey(key: string): string {
  if (!KEY.test(key) || key.includes('..') || key.includes('//')) throw new Error(`invalid storage key ${key}`);
  return key;
}
