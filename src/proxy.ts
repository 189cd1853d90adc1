import { NextResponse, type NextRequest } from 'next/server';
import { now } from '@/server/env';
import { usesSecureCookieUrl } from '@/server/auth/cookie-policy';
import { issueSessionToken, readSessionToken, sessionCookieName, sessionCookieOptions } from '@/server/auth/session-cookie';
import { sessionState } from '@/server/auth/session-policy';

// Runs before every page, server action and API request (SECURITY.md):
// 1. refuses state-changing requests sent from another site (Origin differs from the host): Next checks this itself for
//    server actions only, this covers the route handlers too;
// 2. a Content-Security-Policy with a fresh nonce per request, so no inline script runs unless Next rendered it;
//    Strict-Transport-Security when the request came over HTTPS;
// 3. sessions: ends one idle for 30 minutes or older than 12 hours, and moves the idle timer forward otherwise.

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function host(request: NextRequest): string | null {
  return request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host');
}

function crossSite(request: NextRequest): boolean {
  if (!UNSAFE.has(request.method)) return false;
  const origin = request.headers.get('origin');
  if (origin === null) return request.headers.get('sec-fetch-site') === 'cross-site'; // browsers send Origin on cross-site POSTs
  if (origin === 'null') return true;
  try {
    return new URL(origin).host !== host(request);
  } catch {
    return true;
  }
}

function overHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

function contentSecurityPolicy(nonce: string, https: boolean): string {
  const dev = process.env.NODE_ENV === 'development';
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by a nonced script may load others; nothing inline without the nonce
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // style attributes (charts, React) need 'unsafe-inline' for styles; styles cannot run code
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export async function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  if (crossSite(request)) {
    return NextResponse.json({ error: 'cross-site request refused' }, { status: 403 });
  }
  const https = overHttps(request);
  const api = path.startsWith('/api/');
  const requestHeaders = new Headers(request.headers);
  let csp: string | null = null;
  if (!api) {
    const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
    csp = contentSecurityPolicy(nonce, https);
    // Next reads the nonce from the request's policy and puts it on its own scripts
    requestHeaders.set('Content-Security-Policy', csp);
  }

  // next-auth's own routes write and clear the session cookie themselves
  const secure = usesSecureCookieUrl();
  const name = sessionCookieName(secure);
  const cookie = path.startsWith('/api/auth/') ? undefined : request.cookies.get(name)?.value;
  const token = cookie ? await readSessionToken(cookie) : null;
  const at = now().getTime();
  const state = token ? sessionState(token, at) : 'none';
  if (state === 'idle' || state === 'expired') {
    // this request already goes on without the session, so the page sees a signed-out user
    const others = request.cookies.getAll().filter((c) => c.name !== name);
    requestHeaders.set('cookie', others.map((c) => `${c.name}=${c.value}`).join('; '));
  }

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (csp) response.headers.set('Content-Security-Policy', csp);
  if (https) response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  if (state === 'idle' || state === 'expired') {
    response.cookies.set(name, '', { ...sessionCookieOptions(secure, 0), expires: new Date(0) });
  } else if (state === 'refresh' && token) {
    const next = await issueSessionToken(token, { seen: at }, at);
    response.cookies.set(name, next.value, sessionCookieOptions(secure, next.maxAge));
  }
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico|icon.svg).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
