/**
 * Where a spreadsheet's bytes come from, so one reader serves the import command (a file on disk, read in
 * pieces) and the console (a `File` the person dropped): random access for XLSX, whose directory is at the
 * end, and a plain stream of pieces for CSV.
 */
export interface ByteSource {
  /** Total length in bytes. */
  readonly size: number;
  /** `length` bytes from `offset` (fewer only at the end). */
  read(offset: number, length: number): Promise<Uint8Array<ArrayBuffer>>;
}

/** Pieces of this size are read at a time: a 100,000-row file is never held whole. */
export const READ_SIZE = 64 * 1024;

export async function* chunksOf(
  source: ByteSource,
  start = 0,
  end = source.size,
): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  for (let offset = start; offset < end; offset += READ_SIZE) {
    yield await source.read(offset, Math.min(READ_SIZE, end - offset));
  }
}

/** A `Blob` (a browser `File`, or Node's `Blob`/`openAsBlob`) as a byte source. */
export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    async read(offset, length) {
      return new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
    },
  };
}

/** Bytes already in memory. */
export function bytesSource(bytes: Uint8Array<ArrayBuffer>): ByteSource {
  return {
    size: bytes.byteLength,
    async read(offset, length) {
      return bytes.subarray(offset, offset + length);
    },
  };
}

/** A spreadsheet that cannot be read, with a reason in Chinese for the person who gave it. */
export class SheetError extends Error {
  override name = 'SheetError';
}
