/**
 * The XML inside an XLSX file as events — start tags (with attributes), end tags and text — fed with
 * text pieces as they are inflated and decoded. The parsing is saxes' (the streaming parser ExcelJS
 * also uses), which keeps a tag, an entity or a character reference split across two pieces whole.
 * Element names lose their namespace prefix (`x:row` is `row`); attributes keep theirs (`r:id`).
 * Comments, processing instructions and the declaration are skipped; CDATA is text.
 */
import { SaxesParser } from 'saxes';
import { SheetError } from './source';

export type XmlEvent =
  | { type: 'open'; name: string; attributes: Readonly<Record<string, string>>; selfClosing: boolean }
  | { type: 'close'; name: string }
  | { type: 'text'; text: string };

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Events for each text piece, as one array per piece (per-event generators are needlessly slow). */
export async function* xmlEvents(pieces: AsyncIterable<string>): AsyncGenerator<XmlEvent[]> {
  const parser = new SaxesParser();
  let events: XmlEvent[] = [];
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes)) attributes[key] = value;
    events.push({ type: 'open', name: localName(tag.name), attributes, selfClosing: tag.isSelfClosing });
  });
  parser.on('closetag', (tag) => events.push({ type: 'close', name: localName(tag.name) }));
  parser.on('text', (text) => events.push({ type: 'text', text }));
  parser.on('cdata', (text) => events.push({ type: 'text', text }));
  parser.on('error', (error) => {
    throw new SheetError(`XLSX 文件内容损坏（${error.message}）：请在 Excel 中重新另存为 .xlsx`);
  });
  for await (const piece of pieces) {
    parser.write(piece);
    yield events;
    events = [];
  }
  parser.close();
  if (events.length) yield events;
}
