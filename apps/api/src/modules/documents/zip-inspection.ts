/**
 * What a ZIP archive (an XLSX) says about itself in its central directory, read without inflating
 * anything: how many entries and how many bytes they would expand to. A zip bomb declares far more
 * than any workbook we accept; we refuse it before anyone (us, or a reviewer's spreadsheet program)
 * opens it.
 */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

export interface ZipSummary {
  entries: number;
  /** The sum of the entries' declared uncompressed sizes. */
  uncompressedBytes: number;
  /** ZIP64 fields in use: sizes beyond 4 GiB, which no workbook we accept needs. */
  zip64: boolean;
}

/** Null when the bytes are not a readable ZIP archive. */
export function summariseZip(bytes: Buffer): ZipSummary | null {
  const end = findEndRecord(bytes);
  if (end < 0) return null;
  const entries = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (entries === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    return { entries, uncompressedBytes: Number.POSITIVE_INFINITY, zip64: true };
  }
  if (directoryOffset + directorySize > end) return null;
  let offset = directoryOffset;
  let uncompressedBytes = 0;
  let zip64 = false;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > end || bytes.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) return null;
    const compressed = bytes.readUInt32LE(offset + 20);
    const uncompressed = bytes.readUInt32LE(offset + 24);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) zip64 = true;
    uncompressedBytes += uncompressed;
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return { entries, uncompressedBytes: zip64 ? Number.POSITIVE_INFINITY : uncompressedBytes, zip64 };
}

function findEndRecord(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - END_RECORD_SIZE - MAX_COMMENT);
  for (let i = bytes.length - END_RECORD_SIZE; i >= stop; i--) {
    if (bytes.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return i;
  }
  return -1;
}
