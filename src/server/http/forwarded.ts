// What the app may believe about where a request came from (docs/adr/0009-proxies-and-sign-in-throttling.md).
// scripts/forwarded-guard.cjs, in front of Next, removes forwarding headers that did not come from a TRUSTED_PROXIES
// peer and names the client in `x-surgewatch-client`. These readers believe those headers only when that guard runs
// in this very process; otherwise (the app started some other way than `npm start`) they fall back to what a client
// cannot choose: no client address, the Host header, the URL's own protocol.
// No `server-only`: src/proxy.ts uses it too.

const CLIENT_HEADER = 'x-surgewatch-client';
const GUARD_FLAG = 'SURGEWATCH_FORWARDED_GUARD';

type HeaderSource = Headers | Record<string, unknown> | null | undefined;

function header(source: HeaderSource, name: string): string | null {
  if (!source) return null;
  if (typeof (source as Headers).get === 'function') return (source as Headers).get(name);
  const value = (source as Record<string, unknown>)[name];
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : null;
  return typeof value === 'string' ? value : null;
}

const first = (value: string | null) => value?.split(',')[0]?.trim() || null;

/** The guard marks the process it runs in with that process's id (a child inherits the variable, not the guard). */
export function behindForwardedGuard(): boolean {
  return process.env[GUARD_FLAG] === String(process.pid);
}

/** The client's IP address: the socket's peer, or what a trusted proxy says the client was. null when unknown. */
export function clientAddress(headers: HeaderSource): string | null {
  if (!behindForwardedGuard()) return null;
  const value = header(headers, CLIENT_HEADER);
  return value && value.length <= 64 ? value : null;
}

/** The host the client asked for: a trusted proxy's X-Forwarded-Host, else the Host header. */
export function requestHost(headers: HeaderSource): string | null {
  const host = header(headers, 'host');
  return behindForwardedGuard() ? first(header(headers, 'x-forwarded-host')) || host : host;
}

/** Did the request reach us (or the trusted proxy in front) over HTTPS? */
export function requestOverHttps(headers: HeaderSource, urlProtocol: string): boolean {
  if (behindForwardedGuard()) {
    const proto = first(header(headers, 'x-forwarded-proto'));
    if (proto) return proto === 'https';
  }
  return urlProtocol === 'https:';
}
