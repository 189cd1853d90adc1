import { NextResponse, type NextRequest } from 'next/server';
import { now } from '@/server/env';
import { usesSecureCookieUrl } from '@/server/auth/cookie-policy';
import {
  issueSessionToken,
  readSessionToken,
  sessionCookieName,
  sessionCookieOptions,
} from '@/server/auth/session-cookie';
import { sessionState } from '@/server/auth/session-policy';
import { checkActionRequest, checkFormActionRequest } from '@/server/http/action-body';
import { requestHost, requestOverHttps } from '@/server/http/forwarded';
import { badCallbackResponse, PATH_HEADER, requestedPath } from '@/server/auth/sign-in-redirect';

// Runs before every page, server action and API request (SECURITY.md):
// 1. refuses state-changing requests sent from another site (Origin differs from the host): Next checks this itself for
//    server actions only, this covers the route handlers too;
// 2. a Content-Security-Policy with a fresh nonce per request, so no inline script runs unless Next rendered it;
//    Strict-Transport-Security when the request came over HTTPS;
// 3. sessions: ends one idle for 30 minutes or older than 12 hours, and moves the idle timer forward otherwise;
// 4. tells the pages which address was asked for (x-surgewatch-path), so a signed-out visitor is sent to the sign-in
//    page with it and comes back to it; a sign-in page asked to return to an address with a control character is 400.
// 5. refuses (400) a server action body React could not decode, which Next would answer with a 500
//    (src/server/http/action-body.ts).
// Host and protocol come from X-Forwarded-* only when a trusted proxy sent them (src/server/http/forwarded.ts).

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function crossSite(request: NextRequest): boolean {
  if (!UNSAFE.has(request.method)) return false;
  const origin = request.headers.get('origin');
  if (origin === null) return request.headers.get('sec-fetch-site') === 'cross-site'; // browsers send Origin on cross-site POSTs
  if (origin === 'null') return true;
  try {
    return new URL(origin).host !== requestHost(request.headers);
  } catch {
    return true;
  }
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

function isPrefetch(request: NextRequest): boolean {
  const purpose = `${request.headers.get('purpose') ?? ''} ${request.headers.get('sec-purpose') ?? ''}`;
  return request.headers.has('next-router-prefetch') || purpose.includes('prefetch');
}

export async function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  if (crossSite(request)) {
    return NextResponse.json({ error: 'cross-site request refused' }, { status: 403 });
  }
  const formPost =
    request.method === 'POST' &&
    !request.headers.has('next-action') &&
    !path.startsWith('/api/') &&
    (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
  if ((request.method === 'POST' && request.headers.has('next-action')) || formPost) {
    const body = formPost ? await checkFormActionRequest(request) : await checkActionRequest(request);
    if (!body.ok) {
      return NextResponse.json(
        { ok: false, message: 'Yêu cầu không hợp lệ / Malformed request', fieldErrors: {}, reason: body.reason },
        { status: body.status },
      );
    }
  }
  if (path === '/signin') {
    const refused = badCallbackResponse(request.nextUrl.searchParams);
    if (refused) return refused;
  }
  const https = requestOverHttps(request.headers, request.nextUrl.protocol);
  const api = path.startsWith('/api/');
  const requestHeaders = new Headers(request.headers);
  // always ours, never the client's copy
  if (api) requestHeaders.delete(PATH_HEADER);
  else requestHeaders.set(PATH_HEADER, requestedPath(request.nextUrl));
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
  } else if (state === 'refresh' && token && !isPrefetch(request)) {
    // not on a prefetch: its answer may arrive after a password change has set a new cookie, and would put the old back
    const next = await issueSessionToken(token, { seen: at }, at);
    response.cookies.set(name, next.value, sessionCookieOptions(secure, next.maxAge));
  }
  return response;
}

export const config = {
  // Every request but static files, prefetches included: a header such as `Purpose: prefetch` is the client's to set,
  // so skipping requests that carry it would let anyone skip the checks above (a POST with it is still an action).
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
