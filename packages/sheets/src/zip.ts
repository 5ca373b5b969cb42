/**
 * The entries of a ZIP archive (an XLSX file is one), read through a `ByteSource`: the central directory
 * at the end, then each entry's bytes inflated piece by piece with the platform's `DecompressionStream`.
 */
import { type ByteSource, chunksOf, SheetError } from './source';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_COMMENT = 0xffff;

const NOT_A_ZIP = '文件不是有效的 XLSX（ZIP）文件：请在 Excel 中重新另存为 .xlsx';

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function bigToNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new SheetError(NOT_A_ZIP);
  return Number(value);
}

/** Where the central directory is and how long: from the end record, or its ZIP64 form. */
async function directoryOf(source: ByteSource): Promise<{ offset: number; size: number }> {
  const tailLength = Math.min(source.size, 22 + MAX_COMMENT + 20);
  const tailStart = source.size - tailLength;
  const tail = await source.read(tailStart, tailLength);
  const data = view(tail);
  for (let i = tail.byteLength - 22; i >= 0; i--) {
    if (data.getUint32(i, true) !== END_OF_DIRECTORY) continue;
    const size = data.getUint32(i + 12, true);
    const offset = data.getUint32(i + 16, true);
    if (offset !== 0xffffffff && size !== 0xffffffff) return { offset, size };
    if (i < 20 || data.getUint32(i - 20, true) !== ZIP64_LOCATOR) throw new SheetError(NOT_A_ZIP);
    const recordOffset = bigToNumber(data.getBigUint64(i - 12, true));
    const record = view(await source.read(recordOffset, 56));
    return {
      size: bigToNumber(record.getBigUint64(40, true)),
      offset: bigToNumber(record.getBigUint64(48, true)),
    };
  }
  throw new SheetError(NOT_A_ZIP);
}

/** ZIP64 sizes and offsets live in the extra field when the 32-bit ones are 0xFFFFFFFF. */
function zip64Values(extra: DataView, wanted: { compressed: boolean; offset: boolean; uncompressed: boolean }) {
  for (let p = 0; p + 4 <= extra.byteLength; ) {
    const id = extra.getUint16(p, true);
    const length = extra.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => {
        const value = bigToNumber(extra.getBigUint64(q, true));
        q += 8;
        return value;
      };
      const uncompressed = wanted.uncompressed ? next() : undefined;
      const compressed = wanted.compressed ? next() : undefined;
      const offset = wanted.offset ? next() : undefined;
      return { uncompressed, compressed, offset };
    }
    p += 4 + length;
  }
  return {};
}

export async function readZipDirectory(source: ByteSource): Promise<Map<string, ZipEntry>> {
  if (source.size < 22) throw new SheetError(NOT_A_ZIP);
  const { offset, size } = await directoryOf(source);
  const bytes = await source.read(offset, size);
  const data = view(bytes);
  const names = new TextDecoder('utf-8');
  const entries = new Map<string, ZipEntry>();
  for (let p = 0; p + 46 <= bytes.byteLength; ) {
    if (data.getUint32(p, true) !== DIRECTORY_ENTRY) throw new SheetError(NOT_A_ZIP);
    const flags = data.getUint16(p + 8, true);
    const method = data.getUint16(p + 10, true);
    let compressedSize = data.getUint32(p + 20, true);
    const uncompressedSize = data.getUint32(p + 24, true);
    const nameLength = data.getUint16(p + 28, true);
    const extraLength = data.getUint16(p + 30, true);
    const commentLength = data.getUint16(p + 32, true);
    let localHeaderOffset = data.getUint32(p + 42, true);
    const name = names.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    const extra = view(bytes.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
    const big = zip64Values(extra, {
      uncompressed: uncompressedSize === 0xffffffff,
      compressed: compressedSize === 0xffffffff,
      offset: localHeaderOffset === 0xffffffff,
    });
    compressedSize = big.compressed ?? compressedSize;
    localHeaderOffset = big.offset ?? localHeaderOffset;
    if (flags & 1) throw new SheetError('文件受密码保护：请在 Excel 中取消密码后另存为 .xlsx');
    entries.set(name, { name, method, compressedSize, localHeaderOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

async function* readAll(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** The entry's uncompressed bytes, piece by piece. */
export async function* entryBytes(source: ByteSource, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  const header = view(await source.read(entry.localHeaderOffset, 30));
  if (header.byteLength < 30 || header.getUint32(0, true) !== LOCAL_HEADER) throw new SheetError(NOT_A_ZIP);
  const start = entry.localHeaderOffset + 30 + header.getUint16(26, true) + header.getUint16(28, true);
  const pieces = chunksOf(source, start, start + entry.compressedSize);
  if (entry.method === 0) {
    yield* pieces;
    return;
  }
  if (entry.method !== 8)
    throw new SheetError(`XLSX 文件使用了不支持的压缩方式（${entry.method}）：请在 Excel 中重新另存`);
  const compressed = new ReadableStream<BufferSource>({
    async pull(controller) {
      const next = await pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
  try {
    yield* readAll(compressed.pipeThrough(new DecompressionStream('deflate-raw')));
  } catch (error) {
    if (error instanceof SheetError) throw error;
    throw new SheetError(`XLSX 文件已损坏（${entry.name} 无法解压）：请在 Excel 中重新另存为 .xlsx`);
  }
}
