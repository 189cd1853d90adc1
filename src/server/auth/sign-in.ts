import type { PrismaClient } from '@/generated/prisma/client';
import { recordAudit } from '../audit';
import { getLockedUntil, normaliseEmail, recordAttempt } from './lockout';
import { verifyAgainstNothing, verifyPassword } from './password';

// The credentials check behind next-auth's authorize(). Every outcome is audited; the caller shows one message for
// every failure (wrong password, no such account, deactivated, locked), so nothing tells which addresses exist.

export interface SignInInput {
  email: string;
  password: string;
  ip: string | null;
}

export type SignInResult =
  | { ok: true; user: { id: number; email: string; name: string; sessionVersion: number } }
  | { ok: false; reason: 'invalid' | 'locked' };

export async function authenticate(client: PrismaClient, input: SignInInput, at: Date): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  // One attempt per address at a time (an advisory lock on the address): parallel guesses cannot slip past the count.
  return client.$transaction(
    async (prisma) => {
      await prisma.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sign-in:${email}`}::text))`;
      return check(prisma, email, input, at);
    },
    { maxWait: 15_000, timeout: 30_000 },
  );
}

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

async function check(prisma: Tx, email: string, input: SignInInput, at: Date): Promise<SignInResult> {
  const lockedUntil = await getLockedUntil(prisma, email, at);
  if (lockedUntil) {
    await recordAudit(prisma, {
      actor: { id: null, label: email },
      action: 'auth.sign-in-locked',
      targetType: 'SignIn',
      targetId: email,
      after: { ip: input.ip, lockedUntil: lockedUntil.toISOString() },
    });
    return { ok: false, reason: 'locked' };
  }

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, active: true, sessionVersion: true, provinceCode: true },
  });
  const ok = user !== null && user.active ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstNothing(input.password);
  const lock = await recordAttempt(prisma, { email, success: ok, ip: input.ip, at });
  await recordAudit(prisma, {
    actor: user && ok ? { id: user.id, label: user.email } : { id: null, label: email },
    action: ok ? 'auth.sign-in' : 'auth.sign-in-failed',
    targetType: user ? 'User' : 'SignIn',
    targetId: user ? String(user.id) : email,
    provinceCode: user?.provinceCode ?? null,
    // why it failed stays in the log, never in the answer
    after: { ip: input.ip, ...(ok ? {} : { reason: user === null ? 'no-account' : !user.active ? 'inactive' : 'wrong-password' }) },
  });
  if (lock) {
    await recordAudit(prisma, {
      actor: { id: null, label: 'system:lockout' },
      action: 'auth.locked',
      targetType: user ? 'User' : 'SignIn',
      targetId: user ? String(user.id) : email,
      provinceCode: user?.provinceCode ?? null,
      after: { email, ip: input.ip, lockedUntil: lock.toISOString() },
    });
  }
  if (!user || !ok) return { ok: false, reason: lock ? 'locked' : 'invalid' };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}

/** The client's address as the first proxy saw it (x-forwarded-for), for the log only: never trusted for decisions. */
export function clientIp(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.['x-forwarded-for'];
  const first = typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined;
  const real = headers?.['x-real-ip'];
  return first || (typeof real === 'string' ? real : null);
}
