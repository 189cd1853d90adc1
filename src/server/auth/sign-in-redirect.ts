// Where sign-in sends people back to (src/lib/safe-redirect.ts decides what is allowed). No `server-only`: the proxy
// uses it.
import { NextResponse } from 'next/server';
import { checkRedirect } from '@/lib/safe-redirect';
import en from '@/messages/en.json';
import vi from '@/messages/vi.json';

/** Set by the proxy on every page request (a client's own copy is replaced): the path and query that were asked for. */
export const PATH_HEADER = 'x-surgewatch-path';

/** The page's own address, without Next's internal `_rsc` marker of client-side navigations. */
export function requestedPath(url: URL): string {
  const params = new URLSearchParams(url.search);
  params.delete('_rsc');
  const query = params.toString();
  return url.pathname + (query ? `?${query}` : '');
}

/** `/signin?callbackUrl=…` for a signed-out visitor of `path` (the home page needs no return address). */
export function signInUrl(path: string | null): string {
  const back = checkRedirect(path);
  return back.ok && back.path !== '/' ? `/signin?callbackUrl=${encodeURIComponent(back.path)}` : '/signin';
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A sign-in page asked to return to an address with a control character (a newline, a tab…, raw or encoded) is
 * answered 400 with a short page in both languages; anything else unsafe is only ignored by the page.
 */
export function badCallbackResponse(params: URLSearchParams): NextResponse | null {
  const values = params.getAll('callbackUrl');
  if (
    !values.some((v) => {
      const r = checkRedirect(v);
      return !r.ok && r.reason === 'control-character';
    })
  )
    return null;
  const block = (lang: 'vi' | 'en', m: typeof vi.signIn) =>
    `<section lang="${lang}"><h1>${escapeHtml(m.badCallbackTitle)}</h1><p>${escapeHtml(m.badCallback)}</p><p><a href="/signin">${escapeHtml(m.backToSignIn)}</a></p></section>`;
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(vi.signIn.badCallbackTitle)}</title></head><body style="font-family:sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">${block('vi', vi.signIn)}<hr>${block('en', en.signIn)}</body></html>`;
  return new NextResponse(html, {
    status: 400,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      'cache-control': 'no-store',
    },
  });
}
