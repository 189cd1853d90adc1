import { NextRequest } from 'next/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// src/proxy.ts, called as Next calls it: sessions idle for 30 minutes or 12 hours old are dropped before the page
// renders, active ones have their idle timer moved forward; pages get a nonce policy; cross-site writes are refused.
// (The end-to-end server runs on a frozen clock, so inactivity is shown here, with tokens made for the moment.)

const NOW = Date.parse('2026-11-23T03:00:00Z');
process.env.SURGEWATCH_NOW = new Date(NOW).toISOString();
process.env.NEXTAUTH_SECRET ??= 'proxy-test-secret-proxy-test-secret-123456';
process.env.NEXTAUTH_URL = 'http://127.0.0.1:3000';

let proxy: (r: NextRequest) => Promise<Response>;
let issue: typeof import('@/server/auth/session-cookie').issueSessionToken;
let read: typeof import('@/server/auth/session-cookie').readSessionToken;

beforeAll(async () => {
  ({ proxy } = await import('@/proxy'));
  ({ issueSessionToken: issue, readSessionToken: read } = await import('@/server/auth/session-cookie'));
});

const COOKIE = 'next-auth.session-token';
async function request(
  path: string,
  token: { authAgoMin: number; seenAgoMin: number } | null,
  init: { method?: string; headers?: Record<string, string> } = {},
) {
  const headers = new Headers(init.headers);
  headers.set('host', '127.0.0.1:3000');
  if (token) {
    const claims = { uid: 7, sv: 3, authAt: NOW - token.authAgoMin * 60_000, seen: NOW - token.seenAgoMin * 60_000 };
    const { value } = await issue(claims, {}, NOW);
    headers.set('cookie', `surgewatch-locale=vi; ${COOKIE}=${value}`);
  }
  return proxy(new NextRequest(`http://127.0.0.1:3000${path}`, { method: init.method ?? 'GET', headers }));
}
const setCookie = (res: Response) => res.headers.get('set-cookie') ?? '';
/** the Cookie header the page will see (NextResponse.next passes rewritten request headers this way) */
const forwardedCookie = (res: Response) => res.headers.get('x-middleware-request-cookie');

describe('the proxy and sessions', () => {
  it('leaves a fresh session alone', async () => {
    const res = await request('/provinces/91', { authAgoMin: 5, seenAgoMin: 0.5 });
    expect(setCookie(res)).toBe('');
    expect(forwardedCookie(res)).toContain(COOKIE);
  });

  it('moves the idle timer forward once a minute has passed, keeping the sign-in time', async () => {
    const res = await request('/provinces/91', { authAgoMin: 60, seenAgoMin: 20 });
    const value = new RegExp(`${COOKIE}=([^;]+)`).exec(setCookie(res))?.[1];
    expect(setCookie(res)).toMatch(/HttpOnly/i);
    expect(setCookie(res)).toMatch(/SameSite=lax/i);
    const token = await read(value);
    expect(token).toMatchObject({ uid: 7, sv: 3, seen: NOW, authAt: NOW - 60 * 60_000 });
    // the cookie lives only as long as the 12 hours allow
    expect(Number(/Max-Age=(\d+)/i.exec(setCookie(res))?.[1])).toBe(11 * 3600);
  });

  it('does not re-issue the cookie on a prefetch (its answer could arrive after a password change set a new one)', async () => {
    for (const headers of [
      { 'next-router-prefetch': '1' },
      { purpose: 'prefetch' },
      { 'sec-purpose': 'prefetch;prerender' },
    ] as Record<string, string>[]) {
      const res = await request('/provinces/91', { authAgoMin: 60, seenAgoMin: 20 }, { headers });
      expect(setCookie(res)).toBe('');
      expect(forwardedCookie(res)).toContain(COOKIE);
    }
    // an expired session is still dropped on a prefetch
    const expired = await request(
      '/provinces/91',
      { authAgoMin: 60, seenAgoMin: 31 },
      { headers: { purpose: 'prefetch' } },
    );
    expect(forwardedCookie(expired) ?? '').not.toContain(COOKIE);
  });

  it('checks a server action body even when the request says it is a prefetch', async () => {
    const res = await request('/provinces/12/entry', null, {
      method: 'POST',
      headers: {
        'next-action': '40aa',
        purpose: 'prefetch',
        'next-router-prefetch': '1',
        'content-type': 'text/plain;charset=UTF-8',
        origin: 'http://127.0.0.1:3000',
      },
    });
    expect(res.status).toBe(400);
  });

  it.each([
    ['idle for 30 minutes', { authAgoMin: 45, seenAgoMin: 30 }],
    ['signed in 12 hours ago', { authAgoMin: 12 * 60, seenAgoMin: 0 }],
  ])('drops a session %s: the cookie is cleared and the page renders signed out', async (_name, token) => {
    const res = await request('/provinces/91', token);
    expect(setCookie(res)).toMatch(new RegExp(`${COOKIE}=;`));
    expect(forwardedCookie(res)).toBe('surgewatch-locale=vi');
  });

  it('ignores a token made with another secret', async () => {
    const headers = { cookie: `${COOKIE}=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..x.y.z` };
    const res = await request('/provinces/91', null, { headers });
    expect(setCookie(res)).toBe('');
  });
});

describe('decoded session tokens', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads the same cookie twice to the same claims, and a tampered copy to nothing', async () => {
    const { value } = await issue({ uid: 7, sv: 3, authAt: NOW, seen: NOW }, {}, NOW);
    const first = await read(value);
    expect(first).toMatchObject({ uid: 7, sv: 3, authAt: NOW, seen: NOW });
    expect(await read(value)).toBe(first); // the same object: decoded once
    expect(Object.isFrozen(first)).toBe(true);
    const parts = value.split('.'); // JWE: header, key (empty), iv, ciphertext, tag
    parts[3] = `${parts[3]!.startsWith('A') ? 'B' : 'A'}${parts[3]!.slice(1)}`;
    const tampered = parts.join('.');
    expect(await read(tampered)).toBeNull();
  });

  it('refuses a token kept from an earlier request once it has expired', async () => {
    // a session 11 h 59 min old: the token lives one more minute (its exp), then next-auth's 15 s of leeway
    const { value } = await issue({ uid: 7, sv: 3, authAt: NOW - (12 * 60 - 1) * 60_000, seen: NOW }, {}, NOW);
    expect(await read(value)).toMatchObject({ uid: 7 });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 60_000 + 16_000);
    expect(await read(value)).toBeNull();
  });
});

describe('the proxy and the web surface', () => {
  it('gives each page response its own nonce policy, and the API none', async () => {
    const a = (await request('/signin', null)).headers.get('content-security-policy')!;
    const b = (await request('/signin', null)).headers.get('content-security-policy')!;
    expect(a).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(a).not.toBe(b);
    expect((await request('/api/health', null)).headers.get('content-security-policy')).toBeNull(); // next.config.mjs sets the API's
  });

  it.each([
    ['POST', { origin: 'https://evil.example' }, 403],
    ['PUT', { origin: 'null' }, 403],
    ['DELETE', { 'sec-fetch-site': 'cross-site' }, 403],
    ['POST', { origin: 'http://127.0.0.1:3000' }, 200],
    ['POST', {}, 200], // scripts with a Bearer token send no Origin
    ['GET', { origin: 'https://evil.example' }, 200], // reads change nothing
    // a client's own X-Forwarded-Host is not believed: it cannot make another site's Origin look like ours
    ['POST', { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' }, 403],
    ['POST', { origin: 'https://surgewatch.example', 'x-forwarded-host': 'surgewatch.example' }, 403],
  ])('%s with %j → %i', async (method, headers, status) => {
    const res = await request('/api/v1/reports/import?province=91', null, { method, headers });
    expect(res.status).toBe(status);
  });

  it('adds Strict-Transport-Security only over HTTPS, never because a client says so', async () => {
    expect((await request('/signin', null)).headers.get('strict-transport-security')).toBeNull();
    expect(
      (await request('/signin', null, { headers: { 'x-forwarded-proto': 'https' } })).headers.get(
        'strict-transport-security',
      ),
    ).toBeNull();
  });

  describe('behind scripts/forwarded-guard.cjs (it marks the process; it has already removed untrusted headers)', () => {
    beforeAll(() => {
      process.env.SURGEWATCH_FORWARDED_GUARD = String(process.pid);
    });
    afterAll(() => {
      delete process.env.SURGEWATCH_FORWARDED_GUARD;
    });

    it('believes the X-Forwarded-Host and -Proto a trusted proxy passed on', async () => {
      const post = (headers: Record<string, string>) =>
        request('/api/v1/reports/import?province=91', null, { method: 'POST', headers });
      expect(
        (await post({ origin: 'https://surgewatch.example', 'x-forwarded-host': 'surgewatch.example' })).status,
      ).toBe(200);
      expect((await post({ origin: 'https://evil.example', 'x-forwarded-host': 'surgewatch.example' })).status).toBe(
        403,
      );
      expect(
        (await request('/signin', null, { headers: { 'x-forwarded-proto': 'https' } })).headers.get(
          'strict-transport-security',
        ),
      ).toBe('max-age=63072000; includeSubDomains');
    });

    it('does not believe the mark of another process (a child inherits the variable, not the guard)', async () => {
      process.env.SURGEWATCH_FORWARDED_GUARD = String(process.pid + 1);
      try {
        expect(
          (await request('/signin', null, { headers: { 'x-forwarded-proto': 'https' } })).headers.get(
            'strict-transport-security',
          ),
        ).toBeNull();
      } finally {
        process.env.SURGEWATCH_FORWARDED_GUARD = String(process.pid);
      }
    });
  });
});

describe('the proxy and sign-in return addresses', () => {
  it('tells the page which address was asked for, replacing any copy the client sent', async () => {
    const res = await request('/provinces/14/entry?week=2026-W47&_rsc=abc', null, {
      headers: { 'x-surgewatch-path': '//evil.example' },
    });
    expect(res.headers.get('x-middleware-request-x-surgewatch-path')).toBe('/provinces/14/entry?week=2026-W47');
  });

  it.each([
    ['%2F%0A%2Fevil.example%2F'],
    ['%2F%09%2Fevil.example%2F'],
    ['%2F%0D%2Fevil.example'],
    ['%2F%250A%2Fevil.example'],
    ['%2Fprovinces%00'],
  ])('answers a sign-in page asked to return to %s with 400 and a page in both languages', async (value) => {
    const res = await request(`/signin?callbackUrl=${value}`, null);
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain('Địa chỉ quay lại không hợp lệ');
    expect(body).toContain('Invalid return address');
    expect(body).not.toContain('evil.example');
  });

  it.each([['%2F%5Cevil.example%2F'], ['%2F%2Fevil.example'], ['https%3A%2F%2Fevil.example'], ['%2Fprovinces%2F14']])(
    'lets the page ignore (or use) %s: no 400',
    async (value) => {
      expect((await request(`/signin?callbackUrl=${value}`, null)).status).toBe(200);
    },
  );
});
