import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import {
  ACTION_BODY_LIMIT,
  checkActionBody,
  checkActionForm,
  checkActionParts,
  checkActionText,
  checkFormActionFields,
} from './action-body';

// What React's decoder cannot decode (Next answers 500) must be refused; what our pages send must pass. Every refused
// case below answered 500 from the production build before the check (tests/e2e/fuzz-actions-http.spec.ts sends the
// same bodies over HTTP).
describe('server action bodies (text)', () => {
  it.each([
    ['[]'],
    ['[{"week":"2026-W47","rows":[{"unit":"1201","newCases":"5"}]}]'],
    ['["$$5"]'], // a figure typed as "$5", as the browser escapes it
    ['["$undefined",null,"$NaN","$Infinity","$-Infinity","$-0","$D2026-11-23T00:00:00.000Z","$n12345","$n-7"]'],
    ['[{"__proto__":{"x":1},"constructor":"toString"}]'],
    ['[{"__proto__":"$5"}]'], // React drops "__proto__" keys without decoding them
    ['[' + '"x",'.repeat(999) + '"x"]'], // 1,000 arguments
  ])('accepts %s', (body) => {
    expect(checkActionText(body)).toEqual({ ok: true });
  });

  it.each([
    ['["$5"]', 'reference to a part'],
    ['[{"rows":[{"newCases":"$5"}]}]', 'nested'],
    ['["$"]', 'a lone dollar'],
    ['["$@1"]', 'a promise'],
    ['["$Q1"]', 'a Map'],
    ['["$W1"]', 'a Set'],
    ['["$h1"]', 'a server reference'],
    ['["$B1"]', 'a Blob'],
    ['["$K1"]', 'a FormData without a multipart body'],
    ['["$T"]', 'a temporary reference'],
    ['["$nabc"]', 'a BigInt that is not one'],
    ['["$n' + '9'.repeat(301) + '"]', 'a BigInt over 300 digits'],
    ['["$R1"]', 'a stream'],
    ['["$i1"]', 'an iterator'],
    ['["$A1"]', 'a typed array'],
    ['{', 'not JSON'],
    ['', 'empty'],
    ['['.repeat(100) + ']'.repeat(100), 'nested too deeply'],
    ['"plain"', 'arguments that are not a list (Function#apply)'],
    ['5', 'a number for the arguments'],
    ['null', 'null for the arguments'],
    ['{"length":1e9}', 'an object for the arguments'],
    ['[' + '0,'.repeat(1000) + '0]', 'over 1,000 arguments'],
    ['["' + 'a'.repeat(1_000_000) + '",0]', 'arrays over a million slots (React: "Maximum array nesting exceeded")'],
    ['[["$$' + 'a'.repeat(1_000_000) + '"],0]', 'the same through an escaped string in a nested array'],
  ])('refuses %s (%s)', (body) => {
    const result = checkActionText(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.status).toBe(400);
  });

  it('does not count strings inside objects (an object starts a new array count, as in React)', () => {
    expect(checkActionText('[{"a":"' + 'a'.repeat(1_000_000) + '"},0]')).toEqual({ ok: true });
  });
});

describe('server action bodies (multipart parts, in body order)', () => {
  const form = (fields: [string, string][]) => {
    const f = new FormData();
    for (const [k, v] of fields) f.append(k, v);
    return f;
  };

  it('accepts a form argument as our pages send it ("$K" with its entries)', () => {
    expect(
      checkActionForm(
        form([
          ['_1_name', 'Token'],
          ['_1_scope', 'read'],
          ['_1_scope', 'read-write'],
          ['0', '["$undefined","$K1"]'],
        ]),
      ),
    ).toEqual({ ok: true });
    expect(
      checkActionForm(
        form([
          ['0', '["$K1"]'],
          ['1_name', 'not read by React'],
          ['locale', 'vi'],
        ]),
      ),
    ).toEqual({ ok: true });
  });

  it('accepts outlined parts placed before the root, referenced twice, and a part id in hexadecimal', () => {
    expect(
      checkActionForm(
        form([
          ['2', '{"a":1}'],
          ['1', '["$2"]'],
          ['0', '["$1","$2","$1"]'],
        ]),
      ),
    ).toEqual({ ok: true });
    expect(
      checkActionForm(
        form([
          ['10', '[1]'],
          ['0', '["$a"]'],
        ]),
      ),
    ).toEqual({ ok: true });
  });

  it.each<[[string, string][], string]>([
    [[['1', '[]']], 'no root'],
    [
      [
        ['1', '[]'],
        ['0', '["$3"]'],
      ],
      'a missing part',
    ],
    [
      [
        ['0', '["$1"]'],
        ['1', '[]'],
      ],
      'a part after the root ("Invalid forward reference")',
    ],
    [
      [
        ['1', '{'],
        ['0', '["$1"]'],
      ],
      'a part that is not JSON',
    ],
    [
      [
        ['1', '["$5"]'],
        ['0', '["$1"]'],
      ],
      'a bad reference inside a part',
    ],
    [[['0', '["$Kzz"]']], 'a form reference that is not an id'],
    [
      [
        ['1', '["$1",1]'],
        ['0', '["$1"]'],
      ],
      'a part that references itself',
    ],
    [
      [
        ['2', '["$1"]'],
        ['1', '{"a":"$2"}'],
        ['0', '["$1"]'],
      ],
      'a cycle between parts',
    ],
    [[['0', '["$0"]']], 'the root referencing itself'],
    [
      [
        ['a', '[]'],
        ['0', '["$a"]'],
      ],
      '"$a" is part 10, not the field "a"',
    ],
    [
      [
        ['01', '[]'],
        ['0', '["$01"]'],
      ],
      '"$01" is part 1, not the field "01"',
    ],
    [
      [
        ['0', '["$$5"]'],
        ['0', '["$5"]'],
      ],
      'the root twice',
    ],
    [
      [
        ['00', '["$5"]'],
        ['0', '["$$5"]'],
      ],
      'a field React reads as the root ("00")',
    ],
    [
      [
        ['S0', '["$5"]'],
        ['0', '["$$5"]'],
      ],
      'a stream field naming the root',
    ],
    [
      [
        ['', '["$5"]'],
        ['0', '["$$5"]'],
      ],
      'an empty field name (React reads it as 0)',
    ],
    [
      [
        ['1e0', '[]'],
        ['0', '["$$5"]'],
      ],
      'a part name in another notation',
    ],
    [[['0', '"plain"']], 'a root that is not a list'],
    [
      [
        ['1', JSON.stringify(['a'.repeat(20_000), 0])],
        ['0', JSON.stringify(Array(100).fill('$1'))],
      ],
      'a small part referenced into a million slots',
    ],
  ])('refuses %j (%s)', (fields) => {
    expect(checkActionForm(form(fields)).ok).toBe(false);
  });

  it('refuses a base64-encoded file (React destroys the stream) and a field or a file without a name', () => {
    expect(
      checkActionParts([
        { name: '0', value: '[]' },
        { name: 'f', file: true, encoding: 'BASE64' },
      ]).ok,
    ).toBe(false);
    expect(
      checkActionParts([
        { name: undefined, value: '[]' },
        { name: '0', value: '[]' },
      ]).ok,
    ).toBe(false);
    expect(
      checkActionParts([
        { name: '0', value: '[]' },
        { name: undefined, file: true, encoding: '7bit' },
      ]).ok,
    ).toBe(false);
    expect(
      checkActionParts([
        { name: '0', value: '[]' },
        { name: 'f', file: true, encoding: '7bit' },
      ]),
    ).toEqual({ ok: true });
  });
});

describe('server action bodies (bytes, read as Next reads them)', () => {
  const multipart = (parts: [string, string][], boundary = 'b0undary') =>
    Buffer.from(
      parts.map(([headers, value]) => `--${boundary}\r\n${headers}\r\n\r\n${value}\r\n`).join('') +
        `--${boundary}--\r\n`,
    );
  const MULTIPART = 'multipart/form-data; boundary=b0undary';

  it('accepts a text body and a multipart body as the browser sends them', async () => {
    expect(await checkActionBody(Buffer.from('["$$5"]'), 'text/plain;charset=UTF-8')).toEqual({ ok: true });
    expect(
      await checkActionBody(
        multipart([
          ['Content-Disposition: form-data; name="_1_locale"', 'vi'],
          ['Content-Disposition: form-data; name="0"', '["$K1"]'],
        ]),
        MULTIPART,
      ),
    ).toEqual({ ok: true });
  });

  it("refuses a body over Next's 1 MB limit with 413", async () => {
    expect(await checkActionBody(Buffer.from('["' + 'a'.repeat(ACTION_BODY_LIMIT) + '"]'), 'text/plain')).toMatchObject(
      { ok: false, status: 413 },
    );
  });

  it.each<[string, Buffer, string]>([
    [
      'a byte order mark (Next does not strip it)',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('["$$5"]')]),
      'text/plain;charset=UTF-8',
    ],
    [
      'a multipart body under "Multipart/…" (Next reads it as text)',
      multipart([['Content-Disposition: form-data; name="0"', '["$$5"]']]),
      'Multipart/form-data; boundary=b0undary',
    ],
    [
      'a field in another charset (busboy decodes it as UTF-16)',
      multipart([
        ['Content-Disposition: form-data; name="0"\r\nContent-Type: text/plain; charset=utf-16le', '["$$5"]'],
      ]),
      MULTIPART,
    ],
    [
      'a base64-encoded file',
      multipart([
        ['Content-Disposition: form-data; name="0"', '[]'],
        ['Content-Disposition: form-data; name="f"; filename="a"\r\nContent-Transfer-Encoding: base64', 'eA=='],
      ]),
      MULTIPART,
    ],
    [
      'an empty field name',
      multipart([
        ['Content-Disposition: form-data; name=""', '["$5"]'],
        ['Content-Disposition: form-data; name="0"', '["$$5"]'],
      ]),
      MULTIPART,
    ],
    [
      'a file with an empty name (found by tests/e2e/fuzz-actions-http.spec.ts)',
      multipart([
        ['Content-Disposition: form-data; name="0"', '[]'],
        ['Content-Disposition: form-data; name=""; filename="f.bin"', '[]'],
      ]),
      MULTIPART,
    ],
    [
      'the root as a file',
      multipart([['Content-Disposition: form-data; name="0"; filename="a.txt"', '[]']]),
      MULTIPART,
    ],
    [
      'a truncated multipart body',
      multipart([['Content-Disposition: form-data; name="0"', '[]']]).subarray(0, -8),
      MULTIPART,
    ],
    [
      'a multipart body without a boundary',
      multipart([['Content-Disposition: form-data; name="0"', '[]']]),
      'multipart/form-data',
    ],
    ['an empty body', Buffer.alloc(0), 'text/plain'],
  ])('refuses %s with 400', async (_name, bytes, type) => {
    expect(await checkActionBody(bytes, type)).toMatchObject({ ok: false, status: 400 });
  });
});

describe('forms posted without JavaScript (no Next-Action header)', () => {
  const form = (fields: [string, string][]) => {
    const f = new FormData();
    for (const [k, v] of fields) f.append(k, v);
    return f;
  };
  const ID = '7f3a9c2e1b4d5f60718293a4b5c6d7e8f9012345';

  it.each<[string, [string, string][]]>([
    [
      'an action without bound arguments',
      [
        ['$ACTION_ID_' + ID, ''],
        ['name', 'x'],
      ],
    ],
    [
      'a bound action as React renders it',
      [
        ['$ACTION_REF_1', ''],
        ['$ACTION_1:0', JSON.stringify({ id: ID, bound: '$@1' })],
        ['$ACTION_1:1', '["$undefined"]'],
        ['$ACTION_KEY', 'k0'],
        ['name', '$5'],
      ],
    ],
    [
      'a bound action with no bound arguments',
      [
        ['$ACTION_REF_2', ''],
        ['$ACTION_2:0', JSON.stringify({ id: ID, bound: null })],
      ],
    ],
    ['no action at all', [['name', '$5']]],
  ])('accepts %s', (_what, fields) => {
    expect(checkFormActionFields(form(fields))).toEqual({ ok: true });
  });

  it.each<[string, [string, string][]]>([
    [
      'a bound argument referencing a missing part',
      [
        ['$ACTION_REF_1', ''],
        ['$ACTION_1:0', JSON.stringify({ id: ID, bound: '$@1' })],
        ['$ACTION_1:1', '["$5"]'],
      ],
    ],
    [
      'bound arguments that are not JSON',
      [
        ['$ACTION_REF_1', ''],
        ['$ACTION_1:0', JSON.stringify({ id: ID, bound: '$@1' })],
        ['$ACTION_1:1', '['],
      ],
    ],
    [
      '2,000 bound arguments',
      [
        ['$ACTION_REF_1', ''],
        ['$ACTION_1:0', JSON.stringify({ id: ID, bound: '$@1' })],
        ['$ACTION_1:1', JSON.stringify(Array(2000).fill(1))],
      ],
    ],
    [
      'metadata that is not JSON',
      [
        ['$ACTION_REF_1', ''],
        ['$ACTION_1:0', '{'],
      ],
    ],
    ['no metadata', [['$ACTION_REF_1', '']]],
    [
      'metadata without an id',
      [
        ['$ACTION_REF_1', ''],
        ['$ACTION_1:0', '{"bound":null}'],
      ],
    ],
    [
      'bound arguments given inline',
      [
        ['$ACTION_REF_1', ''],
        ['$ACTION_1:0', JSON.stringify({ id: ID, bound: [1] })],
      ],
    ],
    [
      'bound arguments in a missing part',
      [
        ['$ACTION_REF_1', ''],
        ['$ACTION_1:0', JSON.stringify({ id: ID, bound: '$@2' })],
      ],
    ],
    [
      'a second, broken reference after a good one',
      [
        ['$ACTION_REF_1', ''],
        ['$ACTION_1:0', JSON.stringify({ id: ID, bound: null })],
        ['$ACTION_REF_2', ''],
        ['$ACTION_2:0', '{'],
      ],
    ],
  ])('refuses %s', (_what, fields) => {
    expect(checkFormActionFields(form(fields)).ok).toBe(false);
  });
});

// What our pages send is what React's own encoder writes: run it (Next's compiled copy) over the shapes our actions
// receive, so that this check cannot drift from React and refuse a real page's request.
describe('bodies written by React’s encodeReply', () => {
  const { encodeReply } = createRequire(import.meta.url)(
    'next/dist/compiled/react-server-dom-webpack/client.node.js',
  ) as {
    encodeReply: (value: unknown) => Promise<string | FormData>;
  };
  const check = async (args: unknown[]) => {
    const body = await encodeReply(args);
    return typeof body === 'string' ? checkActionText(body) : checkActionForm(body);
  };
  const shared = { id: 7, name: 'Sở Y tế' };
  const form = () => {
    const f = new FormData();
    f.append('name', 'CDC tỉnh');
    f.append('scope', 'read');
    f.append('note', '$5');
    return f;
  };

  it.each<[string, unknown[]]>([
    [
      'the entry grid: rows of figures typed as text, "$5" among them',
      [
        {
          provinceCode: '12',
          week: '2026-W47',
          rows: [
            {
              unitCode: '105',
              version: 0,
              newCases: '$5',
              oxygenAvg7d: '6,25',
              freeCovidBeds: '',
              staffedIcuBeds: undefined,
            },
          ],
          confirmWarnings: false,
        },
      ],
    ],
    ['special numbers and a date', [{ a: NaN, b: -0, c: Infinity, d: -Infinity, e: new Date(0), f: 12n }]],
    [
      'a useActionState form: the previous state, then the FormData',
      [{ ok: false, code: 'invalid', fieldErrors: { name: ['required'] }, details: { earliest: new Date(0) } }, form()],
    ],
    ['an object passed twice in one argument', [{ before: shared, after: shared, list: [shared, shared] }]],
    [
      'an array passed twice',
      [
        (() => {
          const a = [1, 2, 3];
          return { x: a, y: a };
        })(),
      ],
    ],
    ['a plain string', ['en']],
  ])('accepts %s', async (_what, args) => {
    expect(await check(args)).toEqual({ ok: true });
  });

  it.each([
    ['["$0:9"]', 'a path past the end'],
    ['[{"a":1},"$0:0:b"]', 'a missing key'],
    ['[{"a":"$5"},"$0:0:a"]', 'a path ending on a reference'],
    ['[{"a":1},"$0:0:__proto__"]', 'a prototype key'],
    ['["$1:0"]', 'a path into a missing part (text body)'],
  ])('refuses %s (%s)', (body) => {
    expect(checkActionText(body).ok).toBe(false);
  });

  it('counts a large array again where a path reuses it (no amplification past React’s limit)', () => {
    const big = JSON.stringify(Array(200_000).fill(1));
    expect(checkActionText(`[${big}${',"$0:0"'.repeat(10)}]`)).toMatchObject({ ok: false, status: 400 });
    expect(checkActionText(`[${big},"$0:0"]`)).toEqual({ ok: true });
  });
});
