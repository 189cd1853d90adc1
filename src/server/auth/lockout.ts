import type { Prisma, PrismaClient } from '@/generated/prisma/client';

// Sign-in throttling (SECURITY.md, docs/adr/0009-proxies-and-sign-in-throttling.md), kept in the SignInAttempt table
// so it works across app instances and the same way whether or not an account exists (every rule is keyed by the
// address typed and the client's IP address, never by the account itself). Three rules; the longest wait wins:
// A client is its IPv4 address, or its IPv6 /64 (throttleClient).
// 1. client + account: 5 failures of one client on one address within 15 minutes lock that client out of that
//    address for 15 minutes. Other clients are not affected, so nobody can lock someone else out.
// 2. client: a client that failed at 10 different addresses within 15 minutes waits 5 s after its last failure,
//    doubling with each further address, up to 15 minutes: trying many accounts is slowed after 10. Repeated failures
//    at one address are rule 1's business, so a user mistyping their own password never slows their whole office.
// 3. account: when failures on one address since its last successful sign-in come from 3 or more clients within 15
//    minutes, everyone waits 5 s after the last failure, doubling with each further client, up to 5 minutes: growing
//    delays, never a hard lock. A client that signed in to that address successfully in the last 30 days is exempt.
// Refused attempts check no password and are not recorded (only audited), so they do not prolong the waits.

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;
export const CLIENT_FREE_FAILURES = 10;
export const CLIENT_MAX_DELAY_MS = 15 * 60_000;
export const ACCOUNT_FREE_CLIENTS = 2;
export const ACCOUNT_MAX_DELAY_MS = 5 * 60_000;
export const BASE_DELAY_MS = 5_000;
export const KNOWN_CLIENT_MS = 30 * 24 * 3600_000;

type Client = Pick<PrismaClient, 'signInAttempt'> | Prisma.TransactionClient;

export interface Attempt {
  at: Date;
  success: boolean;
}

export interface SourcedAttempt extends Attempt {
  ip: string | null;
}

export type ThrottleRule = 'client-account' | 'client' | 'account';

export interface Throttle {
  rule: ThrottleRule;
  until: Date;
  retryAfterSeconds: number;
}

/**
 * Rule 1 on one client's attempts at one address: when the lock in force at `at` ends, or null. `attempts` may come
 * in any order; only those of the last window + lock matter.
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

/** The wait of a client that failed at `addresses` different addresses within the window (rule 2): 0 up to the free ten. */
export function clientDelayMs(addresses: number): number {
  if (addresses < CLIENT_FREE_FAILURES) return 0;
  return Math.min(BASE_DELAY_MS * 2 ** Math.min(addresses - CLIENT_FREE_FAILURES, 30), CLIENT_MAX_DELAY_MS);
}

/** The wait on an address whose recent failures came from `clients` distinct clients (rule 3). */
export function accountDelayMs(clients: number): number {
  if (clients <= ACCOUNT_FREE_CLIENTS) return 0;
  return Math.min(BASE_DELAY_MS * 2 ** Math.min(clients - ACCOUNT_FREE_CLIENTS - 1, 30), ACCOUNT_MAX_DELAY_MS);
}

const inWindow = (a: Attempt, at: Date) => a.at <= at && at.getTime() - a.at.getTime() < FAILURE_WINDOW_MS;
const latest = (list: readonly Attempt[]) => list.reduce((m, a) => Math.max(m, a.at.getTime()), -Infinity);

export interface AddressedAttempt extends Attempt {
  email: string;
}

/** Rule 2 on every attempt of one client: when its wait ends, or null. */
export function clientWaitUntil(attempts: readonly AddressedAttempt[], at: Date): Date | null {
  const failures = attempts.filter((a) => !a.success && inWindow(a, at));
  const delay = clientDelayMs(new Set(failures.map((a) => a.email)).size);
  if (delay === 0) return null;
  const until = new Date(latest(failures) + delay);
  return until > at ? until : null;
}

/** Rule 3 on every attempt at one address (any client): when the wait ends, or null. */
export function accountWaitUntil(attempts: readonly SourcedAttempt[], at: Date): Date | null {
  const lastSuccess = latest(attempts.filter((a) => a.success && a.at <= at));
  const failures = attempts.filter((a) => !a.success && inWindow(a, at) && a.at.getTime() > lastSuccess);
  const delay = accountDelayMs(new Set(failures.map((a) => a.ip ?? '')).size);
  if (delay === 0) return null;
  const until = new Date(latest(failures) + delay);
  return until > at ? until : null;
}

/** The longest of the waits in force, or null. */
export function strictest(waits: ReadonlyArray<[ThrottleRule, Date | null]>, at: Date): Throttle | null {
  let found: Throttle | null = null;
  for (const [rule, until] of waits) {
    if (until && until > at && (!found || until > found.until)) {
      found = { rule, until, retryAfterSeconds: Math.ceil((until.getTime() - at.getTime()) / 1000) };
    }
  }
  return found;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase().slice(0, 254);
}

/**
 * The client as the throttle counts it: an IPv4 address as it is, an IPv6 address by its /64 (one subscriber or
 * household gets a whole /64, so rotating addresses inside it must not make a new client each time). The audit log
 * keeps the full address.
 */
export function throttleClient(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const address = ip
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .split('%')[0]!;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address.slice(0, 100);
  const [head, tail = ''] = address.split('::', 2) as [string, string?];
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  if (!address.includes('::') && left.length !== 8) return address.slice(0, 100); // not an address we can read: as is
  const groups = address.includes('::')
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return address.slice(0, 100);
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

const since = (at: Date, ms: number) => ({ gt: new Date(at.getTime() - ms), lte: at });

/**
 * The throttle in force for `email` from `ip` at `at`, or null. An unknown client address (the app not behind
 * scripts/forwarded-guard.cjs) skips rule 2, and all unknown clients count as one client in rules 1 and 3.
 */
export async function getThrottle(
  client: Client,
  input: { email: string; ip: string | null | undefined },
  at: Date,
): Promise<Throttle | null> {
  const email = normaliseEmail(input.email);
  const ip = throttleClient(input.ip);
  const onAccount: SourcedAttempt[] = await client.signInAttempt.findMany({
    where: { email, at: since(at, FAILURE_WINDOW_MS + LOCK_MS) },
    select: { at: true, success: true, ip: true },
    orderBy: { at: 'desc' },
    take: 500,
  });
  const pair = onAccount.filter((a) => a.ip === ip);
  const fromClient: AddressedAttempt[] =
    ip === null
      ? []
      : await client.signInAttempt.findMany({
          where: { ip, success: false, at: since(at, FAILURE_WINDOW_MS) },
          select: { at: true, success: true, email: true },
          orderBy: { at: 'desc' },
          take: 500,
        });
  let account = accountWaitUntil(onAccount, at);
  if (account) {
    const known = await client.signInAttempt.findFirst({
      where: { email, ip, success: true, at: since(at, KNOWN_CLIENT_MS) },
      select: { id: true },
    });
    if (known) account = null;
  }
  return strictest(
    [
      ['client-account', lockedUntil(pair, at)],
      ['client', clientWaitUntil(fromClient, at)],
      ['account', account],
    ],
    at,
  );
}

/** Compatibility reader: when the throttle in force for this address (and client) ends, or null. */
export async function getLockedUntil(
  client: Client,
  email: string,
  at: Date,
  ip: string | null = null,
): Promise<Date | null> {
  return (await getThrottle(client, { email, ip }, at))?.until ?? null;
}

/** Records one checked attempt; returns the end of the client + account lock this failure started, if it started one. */
export async function recordAttempt(
  client: Client,
  attempt: { email: string; success: boolean; ip: string | null; at: Date },
): Promise<Date | null> {
  const email = normaliseEmail(attempt.email);
  const ip = throttleClient(attempt.ip);
  await client.signInAttempt.create({ data: { email, success: attempt.success, ip, at: attempt.at } });
  if (attempt.success) return null;
  const pair = await client.signInAttempt.findMany({
    where: { email, ip, at: since(attempt.at, FAILURE_WINDOW_MS + LOCK_MS) },
    select: { at: true, success: true },
    orderBy: { at: 'desc' },
    take: 200,
  });
  return lockedUntil(pair, attempt.at);
}
