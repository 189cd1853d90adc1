import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '@/server/auth/sign-in';
import { DEMO_ACCOUNTS, DEMO_EMAILS, type DemoAccountKey } from '@/server/seed/demo-accounts';
import { province, TEST_PASSWORD, user } from '../factories';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

// Sign-in throttling (src/server/auth/lockout.ts, SECURITY.md): a client that fails 5 times at one address is locked out
// of it for 15 minutes, and only that client; a client failing at many addresses is slowed after 10; an address failed
// from many clients gets growing delays. The same answers whether or not an account exists.

const T0 = Date.parse('2026-11-23T03:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const testEmail = (demoEmail: string) => demoEmail.replace('@demo.surgewatch.vn', '@test.surgewatch.vn');
/** a demo account's test address, by its short name: the addresses follow the demo (DEMO_EMAILS) */
const account = (key: DemoAccountKey) => testEmail(DEMO_EMAILS[key]);
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  // the demo's roles, under test addresses (…@test.surgewatch.vn), all able to sign in with TEST_PASSWORD
  const p = await province(db.prisma);
  for (const a of DEMO_ACCOUNTS)
    await user(db.prisma, a.role, {
      email: testEmail(a.email),
      name: a.name,
      province: a.provinceCode ? p : undefined,
      unit: a.unitCode ? p.districts[0] : undefined,
      agency: a.agencyCode ? p.agencies[0] : undefined,
      canSignIn: true,
    });
  useAsAppDatabase(db);
});
afterAll(async () => db?.destroy());

const X = '203.0.113.7';
const Y = '198.51.100.20';
const attempt = (email: string, password: string, minutes: number, ip: string | null = X) =>
  authenticate(db.prisma, { email, password, ip }, at(minutes));
const INVALID = { ok: false, reason: 'invalid' };
const throttled = (seconds: number) => ({ ok: false, reason: 'throttled', retryAfterSeconds: seconds });

describe('one client at one address', () => {
  it('signs in with the right password and audits it with the client address', async () => {
    const result = await attempt(account('leaderKG'), TEST_PASSWORD, 0);
    expect(result.ok).toBe(true);
    const row = await db.prisma.auditLog.findFirst({
      where: { action: 'auth.sign-in', actorLabel: account('leaderKG') },
    });
    expect(row?.after).toEqual({ ip: X });
  });

  it('the fifth failure locks that client out of that address for 15 minutes, even with the right password', async () => {
    const email = account('dataEntryLC');
    for (let i = 0; i < 4; i++) expect(await attempt(email, 'wrong-password-123', i)).toEqual(INVALID);
    expect(await attempt(email, 'wrong-password-123', 4)).toEqual(throttled(900));
    expect(await attempt(email, TEST_PASSWORD, 5)).toEqual(throttled(840));
    expect(await attempt(email, TEST_PASSWORD, 18.99)).toEqual(throttled(1));
    expect((await attempt(email, TEST_PASSWORD, 19)).ok).toBe(true);
  });

  it('40 failures of client X at an address lock X out, and client Y still signs in there with the right password', async () => {
    const email = account('leaderLC');
    const results = [];
    for (let i = 0; i < 40; i++) results.push(await attempt(email, `guess-${i}-xyz`, 100 + i / 10, X));
    expect(results.slice(0, 4)).toEqual(Array(4).fill(INVALID));
    expect(results.slice(4).every((r) => !r.ok && r.reason === 'throttled')).toBe(true);
    // only five passwords were checked
    expect(await db.prisma.signInAttempt.count({ where: { email, ip: X } })).toBe(5);
    expect((await attempt(email, TEST_PASSWORD, 104, Y)).ok).toBe(true);
    // and X stays locked out, even with the right password
    expect(await attempt(email, TEST_PASSWORD, 104.1, X)).toMatchObject({ ok: false, reason: 'throttled' });
  });

  it('an IPv6 client rotating addresses inside its /64 is still one client; the audit keeps each full address', async () => {
    const email = account('agencyLC');
    const ip = (i: number) => `2001:db8:77:1::${(i + 1).toString(16)}`;
    for (let i = 0; i < 4; i++) expect(await attempt(email, 'wrong-password-123', 200 + i, ip(i))).toEqual(INVALID);
    expect(await attempt(email, 'wrong-password-123', 204, ip(4))).toEqual(throttled(900));
    expect(await attempt(email, TEST_PASSWORD, 205, ip(5))).toMatchObject({ ok: false, reason: 'throttled' });
    // another /64 is another client
    expect((await attempt(email, TEST_PASSWORD, 205, '2001:db8:77:2::1')).ok).toBe(true);
    const audited = await db.prisma.auditLog.findMany({
      where: { action: 'auth.sign-in-failed', actorLabel: email },
      select: { after: true },
    });
    expect(audited.map((r) => (r.after as { ip: string }).ip)).toEqual(expect.arrayContaining([ip(0), ip(4)]));
  });

  it('answers an address without an account exactly as an existing one', async () => {
    const run = async (email: string, ip: string) => {
      const results = [];
      for (let i = 0; i < 6; i++) results.push(await attempt(email, 'wrong-password-123', 200 + i, ip));
      return results;
    };
    const ghost = await run('khong.co.ai@test.surgewatch.vn', '192.0.2.1');
    const real = await run(account('agencyKG'), '192.0.2.2');
    expect(ghost).toEqual(real);
    expect(ghost).toEqual([...Array(4).fill(INVALID), throttled(900), throttled(840)]);
  });

  it('audits failures, the lock and attempts refused while locked, without passwords', async () => {
    const email = account('districtLC');
    for (let i = 0; i < 6; i++) await attempt(email, `wrong-password-${i}x`, 300);
    const rows = await db.prisma.auditLog.findMany({
      where: { OR: [{ actorLabel: email }, { after: { path: ['email'], equals: email } }] },
      orderBy: { id: 'asc' },
    });
    expect(rows.map((r) => r.action)).toEqual([
      ...Array(5).fill('auth.sign-in-failed'),
      'auth.locked',
      'auth.sign-in-locked',
    ]);
    expect(rows[0]?.after).toMatchObject({ reason: 'wrong-password', ip: X });
    expect(rows[6]?.after).toMatchObject({ rule: 'client-account', ip: X });
    expect(JSON.stringify(rows)).not.toContain('wrong-password-');
  });

  it('a success clears the count: four failures, a success, four failures do not lock', async () => {
    const email = account('agencyLC');
    for (let i = 0; i < 4; i++) await attempt(email, 'wrong-password-123', 400 + i);
    expect((await attempt(email, TEST_PASSWORD, 404)).ok).toBe(true);
    for (let i = 5; i < 9; i++) expect(await attempt(email, 'wrong-password-123', 400 + i)).toEqual(INVALID);
    expect((await attempt(email, TEST_PASSWORD, 409)).ok).toBe(true);
  });

  it('parallel guesses cannot slip past the count: only five passwords are checked', async () => {
    const email = account('dataEntryKG');
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt(email, `guess-number-${i}-xyz`, 500)),
    );
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(4);
    expect(await db.prisma.signInAttempt.count({ where: { email, at: at(500) } })).toBe(5);
  });

  it('refuses a deactivated account with the right password, as a plain failure', async () => {
    await db.prisma.user.update({ where: { email: account('districtKG') }, data: { active: false } });
    expect(await attempt(account('districtKG'), TEST_PASSWORD, 600)).toEqual(INVALID);
    const row = await db.prisma.auditLog.findFirst({
      where: { action: 'auth.sign-in-failed', actorLabel: account('districtKG') },
    });
    expect(row?.after).toMatchObject({ reason: 'inactive' });
    await db.prisma.user.update({ where: { email: account('districtKG') }, data: { active: true } });
  });

  it('matches addresses whatever their case or spaces', async () => {
    const email = 'admin@test.surgewatch.vn';
    for (let i = 0; i < 5; i++) await attempt(i % 2 ? ` ADMIN@test.surgewatch.vn ` : email, 'wrong-password-123', 700);
    expect(await attempt(email, TEST_PASSWORD, 701)).toEqual(throttled(840));
  });
});

describe('one client at many addresses', () => {
  it('is slowed after 10 failures: 5 s, then doubling, until the wait has passed; other clients are not', async () => {
    const ip = '192.0.2.77';
    const emails = Array.from({ length: 40 }, (_, i) => `thu.${i}@example.vn`);
    const t = (s: number) => 800 + s / 60;
    for (let i = 0; i < 9; i++) expect(await attempt(emails[i]!, 'wrong-password-123', t(i), ip)).toEqual(INVALID);
    // the tenth failure starts the wait
    expect(await attempt(emails[9]!, 'wrong-password-123', t(9), ip)).toEqual(throttled(5));
    // refused without checking a password, at any address, until it has passed
    expect(await attempt(emails[10]!, 'wrong-password-123', t(12), ip)).toEqual(throttled(2));
    expect(await attempt(account('leaderKG'), TEST_PASSWORD, t(13), ip)).toEqual(throttled(1));
    expect(await db.prisma.signInAttempt.count({ where: { ip } })).toBe(10);
    // then one more failure doubles it
    expect(await attempt(emails[10]!, 'wrong-password-123', t(14), ip)).toEqual(throttled(10));
    // 40 addresses within a minute: 13 passwords checked (the waits after them: 20 s, then 40 s)
    const rest = [];
    for (let i = 11; i < 40; i++) rest.push(await attempt(emails[i]!, 'wrong-password-123', t(15 + i), ip));
    expect(rest.every((r) => !r.ok && r.reason === 'throttled')).toBe(true);
    expect(await db.prisma.signInAttempt.count({ where: { ip } })).toBe(13);
    // another client is not slowed
    expect(await attempt(emails[20]!, 'wrong-password-123', t(60), '192.0.2.78')).toEqual(INVALID);
  });
});

describe('one address from many clients', () => {
  it('gets growing delays for everyone, never a hard lock; a client that signed in there before is exempt', async () => {
    const email = account('leaderKG'); // signed in from X at minute 0 (first test)
    const t = (s: number) => 900 + s / 60;
    expect(await attempt(email, 'wrong-password-1', t(0), '198.51.100.1')).toEqual(INVALID);
    expect(await attempt(email, 'wrong-password-2', t(1), '198.51.100.2')).toEqual(INVALID);
    expect(await attempt(email, 'wrong-password-3', t(2), '198.51.100.3')).toEqual(throttled(5));
    // a fourth client waits too
    expect(await attempt(email, TEST_PASSWORD, t(3), '198.51.100.4')).toEqual(throttled(4));
    expect(await attempt(email, 'wrong-password-4', t(7), '198.51.100.4')).toEqual(throttled(10));
    expect(await attempt(email, 'wrong-password-5', t(17), '198.51.100.5')).toEqual(throttled(20));
    // the owner's usual client is not held back
    expect((await attempt(email, TEST_PASSWORD, t(18), X)).ok).toBe(true);
    // a new client with the right password gets in once the wait has passed (the success also clears the count)
    expect(await attempt(email, 'wrong-password-6', t(19), '198.51.100.6')).toEqual(INVALID);
  });

  it('is answered alike for an address without an account', async () => {
    const email = 'khong.ai.ca@test.surgewatch.vn';
    const t = (s: number) => 1000 + s / 60;
    expect(await attempt(email, 'wrong-password-1', t(0), '198.51.100.1')).toEqual(INVALID);
    expect(await attempt(email, 'wrong-password-2', t(1), '198.51.100.2')).toEqual(INVALID);
    expect(await attempt(email, 'wrong-password-3', t(2), '198.51.100.3')).toEqual(throttled(5));
  });
});
