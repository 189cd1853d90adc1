import { NextRequest } from 'next/server';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

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
async function request(path: string, token: { authAgoMin: number; seenAgoMin: number } | null, init: { method?: string; headers?: Record<string, string> } = {}) {
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
    ['POST', { origin: 'https://surgewatch.example', 'x-forwarded-host': 'surgewatch.example' }, 200],
  ])('%s with %j → %i', async (method, headers, status) => {
    const res = await request('/api/v1/reports/import?province=91', null, { method, headers });
    expect(res.status).toBe(status);
  });

  it('adds Strict-Transport-Security only over HTTPS', async () => {
    expect((await request('/signin', null)).headers.get('strict-transport-security')).toBeNull();
    expect((await request('/signin', null, { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
  });
});
