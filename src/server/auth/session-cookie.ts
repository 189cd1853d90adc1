import { decode, encode, type JWT } from 'next-auth/jwt';
import { lruGet, lruSet } from '@/lib/lru';
import { authSecret } from './secret';
import { remainingSeconds, type SessionClaims } from './session-policy';

// The session cookie as next-auth writes it (same name, options and encryption), so the proxy can slide the idle timer
// forward and a password change can keep the current session while ending all others. Imported by src/proxy.ts: no
// 'server-only' and no database here.

export function sessionCookieName(secure: boolean): string {
  return `${secure ? '__Secure-' : ''}next-auth.session-token`;
}

export function sessionCookieOptions(secure: boolean, maxAge: number) {
  return { httpOnly: true, sameSite: 'lax' as const, path: '/', secure, maxAge };
}

export type SessionToken = JWT & SessionClaims;

// Decoding derives the key from the secret (HKDF) and decrypts the token; the proxy and then the page decode the same
// cookie on every request, and a browser sends the same cookie for a minute at a time (the proxy re-issues it at most
// every REFRESH_AFTER_MS). So the claims of tokens that decoded are kept by exact cookie value, a bounded number of
// them, least recently used out first, on globalThis so the proxy's bundle and the pages' share them; the store belongs
// to one secret and starts empty when the secret changes. The expiry that jose checks on decoding is checked again on
// every hit; tokens that fail to decode are never kept.
const DECODED_MAX = 512;
/** jose's leeway on `exp` as next-auth's decode sets it */
const CLOCK_TOLERANCE_S = 15;
const holder = globalThis as typeof globalThis & {
  __surgewatchDecodedTokens?: { secret: string; tokens: Map<string, Readonly<SessionToken>> };
};

function decodedTokens(secret: string): Map<string, Readonly<SessionToken>> {
  if (holder.__surgewatchDecodedTokens?.secret !== secret)
    holder.__surgewatchDecodedTokens = { secret, tokens: new Map() };
  return holder.__surgewatchDecodedTokens.tokens;
}

export async function readSessionToken(value: string | undefined): Promise<Readonly<SessionToken> | null> {
  if (!value) return null;
  const secret = authSecret();
  const cache = decodedTokens(secret);
  const hit = lruGet(cache, value);
  if (hit) {
    if (typeof hit.exp !== 'number' || (hit.exp + CLOCK_TOLERANCE_S) * 1000 > Date.now()) return hit;
    cache.delete(value);
    return null;
  }
  let token: SessionToken | null;
  try {
    token = (await decode({ token: value, secret })) as SessionToken | null;
  } catch {
    return null; // tampered, or made with another secret: simply no session
  }
  if (!token) return null;
  const frozen = Object.freeze(token);
  lruSet(cache, value, frozen, DECODED_MAX);
  return frozen;
}

/** A re-issued token: the same claims with `changes` applied, valid for what is left of the absolute lifetime. */
export async function issueSessionToken(
  token: Readonly<SessionToken>,
  changes: Partial<SessionClaims>,
  at: number,
): Promise<{ value: string; maxAge: number }> {
  const { exp: _e, iat: _i, jti: _j, ...claims } = token as SessionToken & { exp?: number; iat?: number; jti?: string };
  const next = { ...claims, ...changes };
  const maxAge = remainingSeconds(next, at);
  return { value: await encode({ token: next, secret: authSecret(), maxAge }), maxAge };
}
