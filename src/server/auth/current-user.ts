import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import type { SessionUser } from '@/lib/roles';
import type { Sql } from '../db/sql';
import { getDatabase } from '../db';
import { now } from '../env';
import { usesSecureCookieUrl } from './cookie-policy';
import { readSessionToken, sessionCookieName } from './session-cookie';
import { PATH_HEADER, signInUrl } from './sign-in-redirect';
import { sessionState, type SessionClaims } from './session-policy';

/** SessionUser as stored, with what decides whether the session still stands */
type UserRow = SessionUser & { active: boolean; sessionVersion: number };

// One indexed read by primary key on every request of a signed-in user: through the driver, since the ORM's own
// path costs several times the query itself here (see src/server/verdicts/fingerprint.ts).
const USER_BY_ID =
  'SELECT id, email, name, role::text AS role, "provinceCode", "unitId", "agencyId", active, "sessionVersion" FROM "User" WHERE id = $1';

/**
 * The user a session token stands for, or null: no token, idle or too old (session-policy.ts), the user gone or
 * deactivated, or the token's session version older than the user's (signed out, password or role changed).
 */
export async function resolveSessionUser(
  sql: Sql,
  claims: SessionClaims | null,
  at: Date,
): Promise<SessionUser | null> {
  const state = sessionState(claims, at.getTime());
  if (state === 'none' || state === 'idle' || state === 'expired') return null;
  const [user] = await sql.query<UserRow>(USER_BY_ID, [claims!.uid!]);
  if (!user || !user.active || user.sessionVersion !== claims!.sv) return null;
  const { active: _a, sessionVersion: _s, ...rest } = user;
  return rest;
}

/**
 * The signed-in user, re-read from the database once per request; null when signed out or the session was revoked.
 * Reads next-auth's session cookie itself (the same decoding as next-auth's): getServerSession would also run
 * next-auth's whole session route and re-encrypt a cookie that a server component cannot set anyway.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const value = (await cookies()).get(sessionCookieName(usesSecureCookieUrl()))?.value;
  const claims = await readSessionToken(value);
  if (!claims?.uid) return null;
  return resolveSessionUser((await getDatabase()).sql, claims, now());
});

/**
 * The signed-in user, or a redirect to the sign-in page that brings the visitor back to the address they asked for
 * (the proxy's x-surgewatch-path; `returnTo` only when it is missing, e.g. outside a page request).
 */
export async function requireUser(returnTo = '/'): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(signInUrl((await headers()).get(PATH_HEADER) ?? returnTo));
  return user;
}
