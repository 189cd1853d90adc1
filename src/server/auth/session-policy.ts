// How long a session lives (docs/adr/0004-roles-and-sessions.md). Pure: shared by the proxy (which slides the idle
// timer forward on every request), getCurrentUser (which refuses an idle or too old session even where the proxy did
// not run) and the tests. Times are milliseconds of the app's clock (now() from src/server/env.ts).

/** no request for this long ends the session (NIST SP 800-63B AAL2: 30 minutes) */
export const IDLE_TIMEOUT_MS = 30 * 60_000;
/** a session never outlives a working day, active or not (AAL2: 12 hours) */
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
/** the proxy re-issues the cookie at most this often, not on every request */
export const REFRESH_AFTER_MS = 60_000;

/** What the session token carries besides next-auth's own claims. */
export interface SessionClaims {
  /** the user's id */
  uid?: number;
  /** User.sessionVersion at sign-in: a bump revokes every older session */
  sv?: number;
  /** when the user signed in */
  authAt?: number;
  /** the last request seen (moved forward by the proxy) */
  seen?: number;
}

export type SessionState = 'none' | 'active' | 'refresh' | 'idle' | 'expired';

export function sessionState(claims: SessionClaims | null | undefined, at: number): SessionState {
  if (!claims || typeof claims.uid !== 'number') return 'none';
  // a token without the timing claims was not issued by this version: treat it as expired rather than eternal
  if (typeof claims.authAt !== 'number' || typeof claims.seen !== 'number') return 'expired';
  if (at - claims.authAt >= ABSOLUTE_TIMEOUT_MS) return 'expired';
  if (at - claims.seen >= IDLE_TIMEOUT_MS) return 'idle';
  return at - claims.seen >= REFRESH_AFTER_MS ? 'refresh' : 'active';
}

/** What is left of the absolute lifetime, in whole seconds (the cookie's and the token's max age on re-issue). */
export function remainingSeconds(claims: SessionClaims, at: number): number {
  return Math.max(0, Math.floor(((claims.authAt ?? at) + ABSOLUTE_TIMEOUT_MS - at) / 1000));
}
