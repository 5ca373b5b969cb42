/**
 * Bytes to text, piece by piece. A multi-byte character (three bytes for 王, four for 𠜎 in UTF-8) may be
 * cut between two pieces; decoding each piece on its own turns both halves into U+FFFD (“��”). One
 * decoder for the whole stream (`stream: true`) keeps the unfinished bytes for the next piece.
 */
import { SheetError } from './source';

/** `gbk` and `gb2312` are subsets of GB18030: decoding as GB18030 reads them and everything beyond them. */
const ALIASES: Readonly<Record<string, string>> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  'gb-2312': 'gb18030',
  cp936: 'gb18030',
  gb18030: 'gb18030',
};

/** The decoder's name for an encoding as people write it (`GBK`, `utf8`), or an error naming the choices. */
export function canonicalEncoding(encoding: string): string {
  const key = encoding.trim().toLowerCase();
  const name = ALIASES[key] ?? key;
  try {
    new TextDecoder(name);
  } catch {
    throw new SheetError(`不支持的编码“${encoding}”：可用 utf-8 或 gb18030（gbk、gb2312 按 gb18030 读取）`);
  }
  return name;
}

export async function* decodeText(chunks: AsyncIterable<Uint8Array>, encoding = 'utf-8'): AsyncGenerator<string> {
  // `ignoreBOM: false` drops a leading BOM of the stream's own encoding.
  const decoder = new TextDecoder(canonicalEncoding(encoding));
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}
