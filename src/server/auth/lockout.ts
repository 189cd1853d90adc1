import type { Prisma, PrismaClient } from '@/generated/prisma/client';

// 5 failed sign-ins within 15 minutes lock the address typed for 15 minutes, as DHIS2 does. The count is kept by the
// email typed, whether or not an account exists, so the lock (and its message) cannot tell anyone which addresses
// have accounts. Attempts made while locked are refused without checking the password and are not counted, so the
// lock ends 15 minutes after the fifth failure; a successful sign-in clears the count.

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

type Client = Pick<PrismaClient, 'signInAttempt'> | Prisma.TransactionClient;

export interface Attempt {
  at: Date;
  success: boolean;
}

/**
 * When the lock that is in force at `at` ends, or null. `attempts` may come in any order; only those of the last
 * window + lock matter.
 */
export function lockedUntil(attempts: readonly Attempt[], at: Date): Date | null {
  const sorted = [...attempts].filter((a) => a.at <= at).sort((a, b) => a.at.getTime() - b.at.getTime());
  let failures: Date[] = [];
  let until: Date | null = null;
  for (const a of sorted) {
    if (until && a.at < until) continue; // refused while locked: never recorded, but be safe with old data
    if (a.success) {
      failures = [];
      continue;
    }
    failures.push(a.at);
    failures = failures.filter((f) => a.at.getTime() - f.getTime() < FAILURE_WINDOW_MS);
    if (failures.length >= MAX_FAILURES) {
      until = new Date(a.at.getTime() + LOCK_MS);
      failures = [];
    }
  }
  return until && until > at ? until : null;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase().slice(0, 254);
}

async function recentAttempts(client: Client, email: string, at: Date): Promise<Attempt[]> {
  return client.signInAttempt.findMany({
    where: { email, at: { gt: new Date(at.getTime() - FAILURE_WINDOW_MS - LOCK_MS), lte: at } },
    select: { at: true, success: true },
    orderBy: { at: 'asc' },
    take: 200,
  });
}

export async function getLockedUntil(client: Client, email: string, at: Date): Promise<Date | null> {
  return lockedUntil(await recentAttempts(client, normaliseEmail(email), at), at);
}

/** Records one checked attempt; returns the lock this failure started, if it started one. */
export async function recordAttempt(client: Client, attempt: { email: string; success: boolean; ip: string | null; at: Date }): Promise<Date | null> {
  const email = normaliseEmail(attempt.email);
  await client.signInAttempt.create({ data: { email, success: attempt.success, ip: attempt.ip?.slice(0, 100) ?? null, at: attempt.at } });
  if (attempt.success) return null;
  return getLockedUntil(client, email, attempt.at);
}
