// The one check of every address the app redirects to after sign-in (callbackUrl): only a path of this site, never
// another origin. Pure, no I/O: the sign-in page and next-auth (server), the sign-in form (browser) and the proxy use
// it. The WHATWG URL parser, which browsers use too, is the final judge: whatever it would read as another host is
// refused; on top of that, forms that some server or proxy on the way might decode into one are refused as well
// (encoded or look-alike slashes and backslashes at the start, control characters anywhere, even encoded).

export type RedirectCheck =
  { ok: true; path: string } | { ok: false; reason: 'control-character' | 'not-local' | 'malformed' };

const MAX_LENGTH = 2048;
/** C0 controls, DEL and C1 controls (tab, CR and LF included: browsers drop them silently inside URLs) */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** characters some software reads as a slash or backslash (after NFKC or visually): never allowed to open a path */
const SLASH_LIKE = /^[/\\\u2044\u2215\u2571\u29f5\u29f8\u29f9\u2afb\u2afd\ufe68\uff0f\uff3c]/;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const BASE = 'http://surgewatch.invalid';

/** Every percent-decoding layer of a value (up to 4 deep): `%252f` -> `%2f` -> `/`. null when one is malformed. */
function decodingLayers(value: string): string[] | null {
  const layers = [value];
  let current = value;
  for (let i = 0; i < 4 && current.includes('%'); i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) break;
    layers.push(next);
    current = next;
  }
  return layers;
}

/** Would this path (as typed, or once decoded / NFKC-folded by someone) start like a host (`//x`, `/\x`, `\\x`)? */
function opensLikeAuthority(path: string): boolean {
  for (const form of [path, path.normalize('NFKC')]) {
    if (form.includes('\\')) return true;
    if (SLASH_LIKE.test(form) && SLASH_LIKE.test(form.slice(1))) return true;
    if (!form.startsWith('/')) return true;
  }
  return false;
}

/**
 * Checks a redirect target. `origin` (e.g. `https://surgewatch.example.gov.vn`) lets an absolute URL of this very
 * site through, reduced to its path; any other absolute URL, scheme (`javascript:`, `data:`) or scheme-relative form
 * is refused.
 */
export function checkRedirect(value: unknown, origin?: string): RedirectCheck {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH)
    return { ok: false, reason: 'malformed' };
  const layers = decodingLayers(value);
  if (layers === null) return { ok: false, reason: 'malformed' };
  if (layers.some((l) => CONTROL.test(l))) return { ok: false, reason: 'control-character' };

  let candidate = value;
  if (SCHEME.test(value)) {
    // an absolute URL: only of this site, over http(s); then judged as its path
    if (!origin || !URL.canParse(value)) return { ok: false, reason: 'not-local' };
    const url = new URL(value);
    if (
      (url.protocol !== 'http:' && url.protocol !== 'https:') ||
      url.origin !== new URL(origin).origin ||
      url.username ||
      url.password
    ) {
      return { ok: false, reason: 'not-local' };
    }
    candidate = url.pathname + url.search + url.hash;
  }

  // the path part only: `?next=//x` in a query string is harmless, and a query may well hold an encoded slash
  const pathPart = (s: string) => s.split(/[?#]/, 1)[0]!;
  const pathLayers = candidate === value ? layers : decodingLayers(candidate);
  if (pathLayers === null) return { ok: false, reason: 'malformed' };
  if (pathLayers.some((l) => opensLikeAuthority(pathPart(l)))) return { ok: false, reason: 'not-local' };
  // …nor once a decoded layer's dot segments are resolved (`/x/..%2f%2fevil` decoded is `/x/..//evil`, i.e. `//evil`)
  const resolvesLikeAuthority = (l: string) =>
    URL.canParse(pathPart(l), BASE) && opensLikeAuthority(new URL(pathPart(l), BASE).pathname);
  if (pathLayers.some(resolvesLikeAuthority)) return { ok: false, reason: 'not-local' };

  // the browser's own reading: it must stay on this origin, and what we hand back must not open like a host either
  if (!URL.canParse(candidate, BASE)) return { ok: false, reason: 'malformed' };
  const url = new URL(candidate, BASE);
  if (url.origin !== BASE) return { ok: false, reason: 'not-local' };
  const path = url.pathname + url.search + url.hash;
  if (opensLikeAuthority(url.pathname)) return { ok: false, reason: 'not-local' };
  // The URL parser resolves dot segments and re-encodes, so what we hand back may differ from what was checked
  // (`/.%2e/%2fevil` becomes `/%2fevil`): it must pass the same checks itself (a fixed point), or it is refused.
  if (path !== candidate) {
    const again = checkRedirect(path);
    if (!again.ok || again.path !== path) return { ok: false, reason: again.ok ? 'malformed' : again.reason };
  }
  return { ok: true, path };
}

/** A safe local path to redirect to, or null (then the caller uses its default, e.g. the user's home page). */
export function safeRedirectPath(value: unknown, origin?: string): string | null {
  const result = checkRedirect(value, origin);
  return result.ok ? result.path : null;
}
