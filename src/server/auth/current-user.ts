import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import type { PrismaClient } from '@/generated/prisma/client';
import type { RoleName, SessionUser } from '@/lib/roles';
import { db } from '../db';
import { now } from '../env';
import { authOptions } from './options';
import { sessionState, type SessionClaims } from './session-policy';

/**
 * The user a session token stands for, or null: no token, idle or too old (session-policy.ts), the user gone or
 * deactivated, or the token's session version older than the user's (signed out, password or role changed).
 */
export async function resolveSessionUser(prisma: PrismaClient, claims: SessionClaims | null, at: Date): Promise<SessionUser | null> {
  const state = sessionState(claims, at.getTime());
  if (state === 'none' || state === 'idle' || state === 'expired') return null;
  const user = await prisma.user.findUnique({
    where: { id: claims!.uid! },
    select: { id: true, email: true, name: true, role: true, provinceCode: true, unitId: true, agencyId: true, active: true, sessionVersion: true },
  });
  if (!user || !user.active || user.sessionVersion !== claims!.sv) return null;
  const { active: _a, sessionVersion: _s, ...rest } = user;
  return { ...rest, role: rest.role as RoleName };
}

/** The signed-in user, re-read from the database once per request; null when signed out or the session was revoked. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions())) as SessionClaims | null;
  if (!session?.uid) return null;
  return resolveSessionUser(await db(), session, now());
});

export async function requireUser(returnTo = '/'): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
