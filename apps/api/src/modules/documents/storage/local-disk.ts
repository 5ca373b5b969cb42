import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { uuidv7 } from 'uuidv7';
import { checkedKey, ObjectMissingError, type ObjectStorage } from './object-storage';

/**
 * Objects as files under one folder (the embedded default: `<DATA_DIR>/files`). A put writes a
 * partial file and renames it into place, so a reader never sees half an object and a failed put
 * leaves nothing under its key.
 */
export class LocalDiskStorage implements ObjectStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    return join(this.root, checkedKey(key));
  }

  async put(key: string, body: Readable | Buffer, _size: number, _contentType: string): Promise<void> {
    const target = this.pathOf(key);
    const partial = join(this.root, '.partial', uuidv7());
    await mkdir(dirname(partial), { recursive: true });
    await mkdir(dirname(target), { recursive: true });
    try {
      await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, createWriteStream(partial, { flags: 'wx' }));
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async open(key: string): Promise<Readable> {
    const stream = createReadStream(this.pathOf(key));
    // Wait for the file to open, so a missing object is an error here and not mid-response.
    return new Promise((resolve, reject) => {
      stream.once('open', () => resolve(stream));
      stream.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'ENOENT' ? new ObjectMissingError(key) : error),
      );
    });
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
