// A streaming XML scanner for the parts of an .xlsx (plain JavaScript: it runs in the import worker). It keeps only
// the unfinished tag or text between chunks, at most maxToken characters, so a part of any size is read in constant
// memory; what to keep is the handler's business. Enough XML for SpreadsheetML: elements, attributes, text, the
// predefined and numeric entities, CDATA, comments and processing instructions. A DOCTYPE is refused: OOXML parts
// have none, and entity definitions are how XML bombs work.
import { FileRefusal } from './zip.mjs';

/**
 * @typedef {{
 *   open(name: string, attrs: string, selfClosing: boolean): void,
 *   close(name: string): void,
 *   text(value: string): void,
 * }} XmlHandler
 */

const ENTITIES = /** @type {Record<string, string>} */ ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" });

/** @param {string} s */
export function decodeEntities(s) {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_m, e) => {
    if (e[0] !== '#') return ENTITIES[e] ?? '';
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The name without its namespace prefix (`x:row` is `row`). */
const localName = (/** @type {string} */ n) => {
  const i = n.indexOf(':');
  return i < 0 ? n : n.slice(i + 1);
};

/**
 * The attributes of a start tag, by local name (`r:id` is `id`), values decoded.
 * @param {string} attrs the tag's text after its name @returns {Map<string, string>}
 */
export function attributesOf(attrs) {
  const out = new Map();
  const re = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(attrs); m; m = re.exec(attrs))
    out.set(localName(m[1] ?? ''), decodeEntities(m[2] ?? m[3] ?? ''));
  return out;
}

/** One attribute, quickly for the usual ` name="value"` (hundreds of thousands of cells), else through attributesOf. */
export function attribute(/** @type {string} */ attrs, /** @type {string} */ name) {
  const key = ` ${name}="`;
  const i = attrs.indexOf(key);
  if (i >= 0) {
    const start = i + key.length;
    return decodeEntities(attrs.slice(start, attrs.indexOf('"', start)));
  }
  return attrs.includes(name) ? attributesOf(attrs).get(name) : undefined;
}

// a start or end tag: name, then attributes whose quoted values may hold '>'
const TAG = /<(\/?)([^\s/>!?]+)([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>/y;

export class XmlScanner {
  /** @param {XmlHandler} handler @param {number} maxToken */
  constructor(handler, maxToken) {
    this.handler = handler;
    this.maxToken = maxToken;
    this.rest = '';
  }

  /** @param {string} chunk @param {boolean} [final] no more chunks will come */
  push(chunk, final = false) {
    const s = this.rest + chunk;
    const h = this.handler;
    let i = 0;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0) break;
      if (lt > i) h.text(decodeEntities(s.slice(i, lt)));
      i = lt;
      // "<!", "<![CD" and "<!-" may be cut by the chunk: wait for enough characters to tell what starts here
      if (!final && s.length - lt < 9) break;
      const next = s.charCodeAt(lt + 1);
      if (next === 0x21 || next === 0x3f) {
        const end = this.special(s, lt);
        if (end < 0) break;
        i = end;
        continue;
      }
      TAG.lastIndex = lt;
      const m = TAG.exec(s);
      if (!m) break; // not complete yet (or never: the size check below ends that)
      const name = localName(m[2] ?? '');
      if (m[1]) h.close(name);
      else {
        const attrs = m[3] ?? '';
        const selfClosing = attrs.endsWith('/');
        h.open(name, selfClosing ? attrs.slice(0, -1) : attrs, selfClosing);
      }
      i = TAG.lastIndex;
    }
    // the unfinished tail: text waits for its '<' (an entity may be cut in two), a tag for its '>'
    this.rest = s.slice(i);
    if (this.rest.length > this.maxToken)
      throw new FileRefusal(this.rest.startsWith('<') ? 'notSpreadsheet' : 'cellTooLong');
  }

  /** A comment, CDATA section or processing instruction at lt: the index after it, or -1 when it is not complete. */
  special(/** @type {string} */ s, /** @type {number} */ lt) {
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      this.handler.text(s.slice(lt + 9, end));
      return end + 3;
    }
    if (s.startsWith('<?', lt)) {
      const end = s.indexOf('?>', lt + 2);
      return end < 0 ? -1 : end + 2;
    }
    throw new FileRefusal('notSpreadsheet'); // <!DOCTYPE, <!ENTITY
  }

  end() {
    this.push('', true);
    const tail = this.rest;
    this.rest = '';
    if (tail.includes('<')) throw new FileRefusal('notSpreadsheet');
    if (tail) this.handler.text(decodeEntities(tail));
  }
}

/**
 * Scans an inflating part (chunks of bytes) with the handler; UTF-8 is decoded across chunk boundaries.
 * @param {AsyncIterable<Buffer>} chunks @param {XmlHandler} handler @param {number} maxToken
 */
export async function scanXml(chunks, handler, maxToken) {
  const decoder = new TextDecoder('utf-8');
  const scanner = new XmlScanner(handler, maxToken);
  for await (const chunk of chunks) scanner.push(decoder.decode(chunk, { stream: true }));
  scanner.push(decoder.decode());
  scanner.end();
}
