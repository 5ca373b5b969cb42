/**
 * A small pull tokenizer for the XML inside an XLSX file: start tags (with attributes), end tags and text,
 * fed with text pieces as they are inflated and decoded. Element names lose their namespace prefix
 * (`x:row` is `row`); attributes keep theirs (`r:id`). Comments, processing instructions and the
 * declaration are skipped; CDATA is text.
 */
export type XmlEvent =
  | { type: 'open'; name: string; attributes: Readonly<Record<string, string>>; selfClosing: boolean }
  | { type: 'close'; name: string }
  | { type: 'text'; text: string };

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

const ATTRIBUTE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function startTag(body: string): XmlEvent {
  const selfClosing = body.endsWith('/');
  const inner = selfClosing ? body.slice(0, -1) : body;
  const space = inner.search(/\s/);
  const name = localName(space < 0 ? inner : inner.slice(0, space));
  const attributes: Record<string, string> = {};
  if (space >= 0) {
    for (const match of inner.slice(space).matchAll(ATTRIBUTE)) {
      const [, key = '', double, single] = match;
      attributes[key] = decodeEntities(double ?? single ?? '');
    }
  }
  return { type: 'open', name, attributes, selfClosing };
}

/** The end of the tag starting at `start` (`<`), skipping `>` inside quoted attribute values; -1 if incomplete. */
function tagEnd(text: string, start: number): number {
  let from = start;
  for (;;) {
    const end = text.indexOf('>', from);
    if (end < 0) return -1;
    const body = text.slice(start, end);
    let quotes = 0;
    let open = '';
    for (const c of body) {
      if (open === '' && (c === '"' || c === "'")) {
        open = c;
        quotes += 1;
      } else if (c === open) {
        open = '';
        quotes += 1;
      }
    }
    if (quotes % 2 === 0) return end;
    from = end + 1;
  }
}

/** Events for each text piece, as one array per piece (per-event generators are needlessly slow). */
export async function* xmlEvents(pieces: AsyncIterable<string>): AsyncGenerator<XmlEvent[]> {
  let pending = '';
  for await (const piece of pieces) {
    pending += piece;
    const events: XmlEvent[] = [];
    let p = 0;
    for (;;) {
      const lt = pending.indexOf('<', p);
      if (lt < 0) break;
      if (lt > p) events.push({ type: 'text', text: decodeEntities(pending.slice(p, lt)) });
      p = lt;
      if (pending.startsWith('<!--', lt) || pending.startsWith('<?', lt)) {
        const close = pending.startsWith('<!--', lt) ? '-->' : '?>';
        const end = pending.indexOf(close, lt);
        if (end < 0) break;
        p = end + close.length;
      } else if (pending.startsWith('<![CDATA[', lt)) {
        const end = pending.indexOf(']]>', lt);
        if (end < 0) break;
        events.push({ type: 'text', text: pending.slice(lt + 9, end) });
        p = end + 3;
      } else if (pending.length < lt + 9 && '<![CDATA['.startsWith(pending.slice(lt))) {
        break;
      } else {
        const end = tagEnd(pending, lt);
        if (end < 0) break;
        const body = pending.slice(lt + 1, end).trim();
        if (body.startsWith('/')) events.push({ type: 'close', name: localName(body.slice(1).trim()) });
        else if (!body.startsWith('!')) events.push(startTag(body));
        p = end + 1;
      }
    }
    pending = pending.slice(p);
    // Text without a following tag stays pending: it may end in half an entity.
    yield events;
  }
}
