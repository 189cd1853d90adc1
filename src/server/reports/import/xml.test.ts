import { describe, expect, it } from 'vitest';
import { XmlScanner, type XmlHandler } from './xml.mjs';
import { FileRefusal } from './zip.mjs';

// The streaming scanner keeps at most maxToken characters between chunks and refuses entity definitions: a runaway
// comment, CDATA section, tag or text is refused as soon as it passes the limit, not when the part ends.

const MAX_TOKEN = 1_000;

function recorder() {
  const events: string[] = [];
  const handler: XmlHandler = {
    open: (name, attrs, selfClosing) => events.push(`<${name}${attrs}${selfClosing ? '/' : ''}>`),
    close: (name) => events.push(`</${name}>`),
    text: (value) => events.push(value),
  };
  return { events, handler };
}

/** Pushes the chunks one by one: how many went in before the refusal, and the refusal's code. */
function scan(chunks: Iterable<string>, maxToken = MAX_TOKEN) {
  const { events, handler } = recorder();
  const scanner = new XmlScanner(handler, maxToken);
  let pushed = 0;
  try {
    for (const chunk of chunks) {
      pushed++;
      scanner.push(chunk);
    }
    scanner.end();
  } catch (error) {
    if (!(error instanceof FileRefusal)) throw error;
    return { pushed, code: error.code, events };
  }
  return { pushed, code: null, events };
}

/** The head, then endless 100-character chunks of `filler` (500 KB of them: were the limit not checked, the scanner would read them all). */
function* runaway(head: string, filler: string) {
  yield head;
  const chunk = filler.repeat(Math.ceil(100 / filler.length)).slice(0, 100);
  for (let i = 0; i < 5_000; i++) yield chunk;
}

describe('XmlScanner', () => {
  it('reads elements, attributes, entities, CDATA, comments and instructions across chunk boundaries', () => {
    const xml =
      '<?xml version="1.0"?><sst><!-- a comment --><si a="1 &gt; 0"><t>Tam &amp; Đường</t></si><si><t><![CDATA[<b>&amp;</b>]]></t></si><x/></sst>';
    for (const size of [1, 3, 7, 1000]) {
      const chunks = Array.from({ length: Math.ceil(xml.length / size) }, (_, i) =>
        xml.slice(i * size, (i + 1) * size),
      );
      const { code, events } = scan(chunks);
      expect(code).toBeNull();
      expect(events.join('|')).toBe(
        [
          '<sst>',
          '<si a="1 &gt; 0">',
          '<t>',
          'Tam & Đường',
          '</t>',
          '</si>',
          '<si>',
          '<t>',
          '<b>&amp;</b>',
          '</t>',
          '</si>',
          '<x/>',
          '</sst>',
        ].join('|'),
      );
    }
  });

  it('refuses a DOCTYPE with entity declarations (billion laughs) without expanding anything', () => {
    const laughs = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [',
      ' <!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i ? i : ''};`.repeat(10)}">`),
      ']>',
      '<lolz>&lol9;</lolz>',
    ].join('\n');
    const { code, events } = scan([laughs]);
    expect(code).toBe('notSpreadsheet');
    expect(events.join('')).not.toContain('lollol');
  });

  it.each(['<!DOCTYPE x>', '<!ENTITY x "y">', '<!ELEMENT x ANY>'])('refuses a declaration %s', (declaration) => {
    expect(scan([`<?xml version="1.0"?>${declaration}<x/>`]).code).toBe('notSpreadsheet');
  });

  it('leaves undeclared entities as they are', () => {
    const { code, events } = scan(['<t>&lol9; &#65;&#x42;</t>']);
    expect(code).toBeNull();
    expect(events).toContain('&lol9; AB');
  });

  it.each([
    ['a comment', '<r><!--', 'x'],
    ['a CDATA section', '<r><![CDATA[', 'x'],
    ['a processing instruction', '<r><?pi ', 'x'],
    ['a tag', '<r><c', ' a'],
    ['an attribute value', '<r><c a="', 'x'],
  ])('refuses %s that never ends as soon as it passes the limit', (_what, head, filler) => {
    const { pushed, code } = scan(runaway(head, filler));
    expect(code).toBe('notSpreadsheet');
    // a few chunks past the limit, not the 500 KB that follow
    expect(pushed).toBeLessThanOrEqual(MAX_TOKEN / 100 + 3);
  });

  it('refuses text that never ends as too long a cell, as soon as it passes the limit', () => {
    const { pushed, code } = scan(runaway('<t>', 'a'));
    expect(code).toBe('cellTooLong');
    expect(pushed).toBeLessThanOrEqual(MAX_TOKEN / 100 + 3);
  });

  it('refuses a part ending inside a tag', () => {
    expect(scan(['<r><c a="1"']).code).toBe('notSpreadsheet');
  });

  it('reads two million elements under a 20-character limit: nothing is kept between chunks but an unfinished tag', () => {
    let rows = 0;
    const scanner = new XmlScanner({ open: () => void rows++, close() {}, text() {} }, 20);
    const block = '<row/>'.repeat(10_000);
    for (let i = 0; i < 200; i++) scanner.push(block);
    scanner.end();
    expect(rows).toBe(2_000_000);
  });
});
