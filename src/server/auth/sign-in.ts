import type { PrismaClient } from '@/generated/prisma/client';
import { recordAudit } from '@/server/audit/record';
import { getThrottle, normaliseEmail, recordAttempt, throttleClient, type Throttle } from './lockout';
import { verifyAgainstNothing, verifyPassword } from './password';

// The credentials check behind next-auth's authorize(). Every outcome is audited; the caller shows one message for
// every failure (wrong password, no such account, deactivated), and one "try again in N seconds" for a throttle
// (src/server/auth/lockout.ts), worded alike for every address, so nothing tells which addresses exist.

export interface SignInInput {
  email: string;
  password: string;
  /** the client's address (src/server/http/forwarded.ts); null when unknown */
  ip: string | null;
}

export type SignInResult =
  | { ok: true; user: { id: number; email: string; name: string; sessionVersion: number } }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export async function authenticate(client: PrismaClient, input: SignInInput, at: Date): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  // One attempt per address, and per client, at a time (advisory locks, always in this order): parallel guesses cannot
  // slip past the counts.
  return client.$transaction(
    async (prisma) => {
      await prisma.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sign-in:${email}`}::text))`;
      const client = throttleClient(input.ip);
      if (client) await prisma.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sign-in-ip:${client}`}::text))`;
      return check(prisma, email, input, at);
    },
    { maxWait: 15_000, timeout: 30_000 },
  );
}

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

const throttled = (t: Throttle): SignInResult => ({
  ok: false,
  reason: 'throttled',
  retryAfterSeconds: t.retryAfterSeconds,
});

async function check(prisma: Tx, email: string, input: SignInInput, at: Date): Promise<SignInResult> {
  const before = await getThrottle(prisma, { email, ip: input.ip }, at);
  if (before) {
    await recordAudit(prisma, {
      actor: { id: null, label: email },
      action: 'auth.sign-in-locked',
      targetType: 'SignIn',
      targetId: email,
      after: { ip: input.ip, rule: before.rule, lockedUntil: before.until.toISOString() },
    });
    return throttled(before);
  }

  const user = await prisma.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      passwordHash: true,
      active: true,
      sessionVersion: true,
      provinceCode: true,
    },
  });
  const ok =
    user !== null && user.active
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyAgainstNothing(input.password);
  const lock = await recordAttempt(prisma, { email, success: ok, ip: input.ip, at });
  await recordAudit(prisma, {
    actor: user && ok ? { id: user.id, label: user.email } : { id: null, label: email },
    action: ok ? 'auth.sign-in' : 'auth.sign-in-failed',
    targetType: user ? 'User' : 'SignIn',
    targetId: user ? String(user.id) : email,
    provinceCode: user?.provinceCode ?? null,
    // why it failed stays in the log, never in the answer
    after: {
      ip: input.ip,
      ...(ok ? {} : { reason: user === null ? 'no-account' : !user.active ? 'inactive' : 'wrong-password' }),
    },
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
  if (!user || !ok) {
    // this failure may have started a wait: say so now rather than at the next try
    const after = await getThrottle(prisma, { email, ip: input.ip }, at);
    return after ? throttled(after) : { ok: false, reason: 'invalid' };
  }
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}
