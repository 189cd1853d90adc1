import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import type { RoleName, SessionUser } from '@/lib/roles';
import { db } from '../db';
import { authOptions } from './options';

/** The signed-in user, re-read from the database once per request; null when signed out or the session was revoked. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions())) as { uid?: number; sv?: number } | null;
  if (!session?.uid) return null;
  const prisma = await db();
  const user = await prisma.user.findUnique({
    where: { id: session.uid },
    select: { id: true, email: true, name: true, role: true, provinceCode: true, unitId: true, agencyId: true, active: true, sessionVersion: true },
  });
  if (!user || !user.active || user.sessionVersion !== session.sv) return null;
  const { active: _a, sessionVersion: _s, ...rest } = user;
  return { ...rest, role: rest.role as RoleName };
});

export async function requireUser(returnTo = '/'): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
