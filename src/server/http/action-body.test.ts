import { describe, expect, it } from 'vitest';
import { checkActionForm, checkActionText } from './action-body';

// What React's decodeReply cannot decode (Next answers 500) must be refused; what our pages send must pass.
describe('server action bodies (text)', () => {
  it.each([
    ['[]'],
    ['[{"week":"2026-W47","rows":[{"unit":"1201","newCases":"5"}]}]'],
    ['["$$5"]'], // a figure typed as "$5", as the browser escapes it
    ['["$undefined",null,"$NaN","$Infinity","$-Infinity","$-0","$D2026-11-23T00:00:00.000Z","$n12345","$n-7"]'],
    ['{"__proto__":{"x":1},"constructor":"toString"}'],
    ['"plain"'],
    ['5'],
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
    ['["$nabc"]', 'a BigInt that is not one'],
    ['["$n' + '9'.repeat(301) + '"]', 'a BigInt over 300 digits'],
    ['["$R1"]', 'a stream'],
    ['["$i1"]', 'an iterator'],
    ['["$A1"]', 'a typed array'],
    ['{', 'not JSON'],
    ['', 'empty'],
    ['[' .repeat(100) + ']'.repeat(100), 'nested too deeply'],
  ])('refuses %s (%s)', (body) => {
    expect(checkActionText(body).ok).toBe(false);
  });
});

describe('server action bodies (multipart)', () => {
  const form = (fields: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.append(k, v);
    return f;
  };

  it('accepts a form argument as our pages send it ("$K" with its entries)', () => {
    expect(checkActionForm(form({ '0': '["$K1"]', '1_name': 'Token', '1_scope': 'read' }))).toEqual({ ok: true });
  });

  it('accepts an outlined part that is there, and a cycle between parts', () => {
    expect(checkActionForm(form({ '0': '["$1"]', '1': '{"a":"$2"}', '2': '["$1"]' }))).toEqual({ ok: true });
  });

  it.each<[Record<string, string>, string]>([
    [{ '1': '[]' }, 'no root'],
    [{ '0': '["$3"]', '1': '[]' }, 'a missing part'],
    [{ '0': '["$1"]', '1': '{' }, 'a part that is not JSON'],
    [{ '0': '["$1"]', '1': '["$5"]' }, 'a bad reference inside a part'],
    [{ '0': '["$Kzz"]' }, 'a form reference that is not an id'],
  ])('refuses %j (%s)', (fields) => {
    expect(checkActionForm(form(fields)).ok).toBe(false);
  });
});
