import { decode, encode, type JWT } from 'next-auth/jwt';
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

export async function readSessionToken(value: string | undefined): Promise<SessionToken | null> {
  if (!value) return null;
  try {
    return (await decode({ token: value, secret: authSecret() })) as SessionToken | null;
  } catch {
    return null; // tampered, or made with another secret: simply no session
  }
}

/** A re-issued token: the same claims with `changes` applied, valid for what is left of the absolute lifetime. */
export async function issueSessionToken(token: SessionToken, changes: Partial<SessionClaims>, at: number): Promise<{ value: string; maxAge: number }> {
  const { exp: _e, iat: _i, jti: _j, ...claims } = token as SessionToken & { exp?: number; iat?: number; jti?: string };
  const next = { ...claims, ...changes };
  const maxAge = remainingSeconds(next, at);
  return { value: await encode({ token: next, secret: authSecret(), maxAge }), maxAge };
}
