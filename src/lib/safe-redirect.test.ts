import { describe, expect, it } from 'vitest';
import { checkRedirect, safeRedirectPath } from './safe-redirect';

const ORIGIN = 'https://surgewatch.example.gov.vn';

describe('safeRedirectPath: paths of this site pass, unchanged', () => {
  it.each([
    ['/'],
    ['/provinces/14/entry'],
    ['/provinces/14/entry?week=2026-W47'],
    ['/provinces/14?from=2026-W01&to=2026-W47#trends'],
    ['/admin/audit?actor=admin%40demo.surgewatch.vn'],
    ['/tasks'],
    ['/provinces/14/districts/899'],
    ['/search?q=%C4%90%C3%A0%20N%E1%BA%B5ng'],
    ['/a?next=//evil.example'], // another site named in a query string is only text
  ])('%s', (value) => {
    expect(safeRedirectPath(value, ORIGIN)).toBe(value);
  });

  it.each([
    ['/a/./b/../c', '/a/c'],
    ['/provinces/ 14', '/provinces/%2014'],
    ['/Tỉnh', '/T%E1%BB%89nh'],
    [`${ORIGIN}/provinces/14/entry?week=2026-W47`, '/provinces/14/entry?week=2026-W47'],
    [`${ORIGIN}`, '/'],
    ['HTTPS://SURGEWATCH.example.gov.vn/tasks', '/tasks'],
  ])('%s is normalised to %s', (value, expected) => {
    expect(safeRedirectPath(value, ORIGIN)).toBe(expected);
  });
});

describe('safeRedirectPath: everything that could leave the site is refused', () => {
  it.each([
    // the findings of the outside test
    ['/\\evil.example/'],
    ['/\t/evil.example/'],
    ['/\n/evil.example/'],
    // scheme-relative and backslash forms
    ['//evil.example'],
    ['///evil.example'],
    ['////evil.example/x'],
    ['\\\\evil.example'],
    ['\\evil.example'],
    ['/\\/evil.example'],
    ['\\/evil.example'],
    ['/.//evil.example'],
    ['/./\\evil.example'],
    // dot segments that the URL parser resolves into a form refused on its own (the answer is checked again)
    ['/.%2e/%2fevil.example'],
    ['/x/../\u2215evil.example'],
    ['/x/..%2f%2fevil.example'],
    // control characters, raw and encoded, anywhere
    ['/\r/evil.example'],
    ['/\r\n/evil.example'],
    ['/provinces\u0000'],
    ['/provinces\u007f'],
    ['/provinces\u0085'],
    ['/provinces\u009b'],
    ['/%0a/evil.example'],
    ['/%0d%0aSet-Cookie:%20x=1'],
    ['/%09/evil.example'],
    ['/%00'],
    ['/%7f'],
    ['/%c2%85'],
    ['/%250a/evil.example'],
    ['/provinces?x=%0a'],
    // encoded slashes and backslashes, single and double
    ['/%2f/evil.example'],
    ['/%2F/evil.example'],
    ['/%2f%2fevil.example'],
    ['%2f%2fevil.example'],
    ['/%5cevil.example'],
    ['/%5C/evil.example'],
    ['%5c%5cevil.example'],
    ['/%252f/evil.example'],
    ['/%25252f/evil.example'],
    ['/%255cevil.example'],
    // look-alikes of the slash and backslash
    ['/\uff0f/evil.example'], // fullwidth solidus
    ['/\uff0fevil.example'],
    ['\uff0f\uff0fevil.example'],
    ['/\uff3cevil.example'], // fullwidth reverse solidus
    ['/\u2215evil.example'], // division slash
    ['/\u2044evil.example'], // fraction slash
    ['/\ufe68evil.example'], // small reverse solidus
    ['/%ef%bc%8fevil.example'], // fullwidth solidus, encoded
    // absolute URLs of another site, and other schemes
    ['https://evil.example'],
    ['http://evil.example/provinces/14'],
    ['https://surgewatch.example.gov.vn.evil.example/'],
    ['https://surgewatch.example.gov.vn@evil.example/'],
    ['https://user:pw@surgewatch.example.gov.vn/tasks'],
    ['http://surgewatch.example.gov.vn/tasks'], // same host, other scheme: another origin
    ['https://surgewatch.example.gov.vn:8443/tasks'],
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    ['java\tscript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox(1)'],
    ['ftp://surgewatch.example.gov.vn/'],
    ['https:evil.example'],
    ['https:/evil.example'],
    ['https:\\\\evil.example'],
    // not a path at all
    [''],
    ['provinces/14'],
    ['./provinces'],
    ['?x=1'],
    ['#top'],
    ['evil.example'],
    ['/%'],
    ['/%e0%a4%a'],
    ['/' + 'a'.repeat(3000)],
  ])('%j', (value) => {
    expect(safeRedirectPath(value, ORIGIN)).toBeNull();
  });

  it.each([[undefined], [null], [42], [['/a', '/b']], [{ toString: () => '/a' }]])(
    'refuses a value that is not one string: %j',
    (value) => {
      expect(safeRedirectPath(value, ORIGIN)).toBeNull();
    },
  );

  it('without an origin, every absolute URL is refused, even a harmless one', () => {
    expect(safeRedirectPath(`${ORIGIN}/tasks`)).toBeNull();
    expect(safeRedirectPath('/tasks')).toBe('/tasks');
  });
});

describe('checkRedirect tells a control character apart (the sign-in page answers it with 400)', () => {
  it.each([['/\n/evil.example/'], ['/%0a'], ['/%250d'], ['/\u0000'], ['/x\u009f']])('%j', (value) => {
    expect(checkRedirect(value, ORIGIN)).toEqual({ ok: false, reason: 'control-character' });
  });

  it.each([['//evil.example'], ['https://evil.example'], ['/\\evil']])('%j is only not local', (value) => {
    expect(checkRedirect(value, ORIGIN)).toEqual({ ok: false, reason: 'not-local' });
  });

  it('whatever it accepts, the browser resolves on this site', () => {
    const accepted = ['/', '/a/./b/../c', '/provinces/14?x=//y', `${ORIGIN}/tasks#x`, '/%2e%2e/x'].map((v) =>
      safeRedirectPath(v, ORIGIN),
    );
    for (const path of accepted) {
      expect(path).not.toBeNull();
      expect(new URL(path!, ORIGIN).origin).toBe(ORIGIN);
      expect(path!.startsWith('//')).toBe(false);
    }
  });
});
