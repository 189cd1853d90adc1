import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '@/server/auth/sign-in';
import { DEMO_PASSWORD } from '@/server/seed/demo-accounts';
import { seedIfEmpty } from '@/server/seed';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

// 5 failed sign-ins in 15 minutes lock the address for 15 minutes, the same way whether or not an account exists.

const T0 = Date.parse('2026-11-23T03:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedIfEmpty(db.prisma, { demo: true, now: at(0) });
  useAsAppDatabase(db);
});
afterAll(async () => db?.destroy());

const attempt = (email: string, password: string, minutes: number, ip = '203.0.113.7') => authenticate(db.prisma, { email, password, ip }, at(minutes));

describe('lockout', () => {
  it('signs in with the right password and audits it', async () => {
    const result = await attempt('lanhdao.kg@demo.surgewatch.vn', DEMO_PASSWORD, 0);
    expect(result.ok).toBe(true);
    const row = await db.prisma.auditLog.findFirst({ where: { action: 'auth.sign-in', actorLabel: 'lanhdao.kg@demo.surgewatch.vn' } });
    expect(row?.after).toEqual({ ip: '203.0.113.7' });
  });

  it('locks an existing account after the fifth failure, even for the right password, for 15 minutes', async () => {
    const email = 'nhaplieu.lc@demo.surgewatch.vn';
    for (let i = 0; i < 4; i++) expect(await attempt(email, 'wrong-password-123', i)).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt(email, 'wrong-password-123', 4)).toEqual({ ok: false, reason: 'locked' });
    expect(await attempt(email, DEMO_PASSWORD, 5)).toEqual({ ok: false, reason: 'locked' });
    expect(await attempt(email, DEMO_PASSWORD, 18.99)).toEqual({ ok: false, reason: 'locked' });
    expect((await attempt(email, DEMO_PASSWORD, 19)).ok).toBe(true);
  });

  it('answers an address without an account exactly as an existing one', async () => {
    const email = 'khong.co.ai@demo.surgewatch.vn';
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await attempt(email, 'wrong-password-123', i));
    expect(results).toEqual([...Array(4).fill({ ok: false, reason: 'invalid' }), { ok: false, reason: 'locked' }, { ok: false, reason: 'locked' }]);
  });

  it('audits failures, the lock and attempts refused while locked, without passwords', async () => {
    const email = 'huyen.tamduong@demo.surgewatch.vn';
    for (let i = 0; i < 6; i++) await attempt(email, `wrong-password-${i}x`, 0);
    const rows = await db.prisma.auditLog.findMany({ where: { OR: [{ actorLabel: email }, { after: { path: ['email'], equals: email } }] }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.action)).toEqual([...Array(5).fill('auth.sign-in-failed'), 'auth.locked', 'auth.sign-in-locked']);
    expect(rows[0]?.after).toMatchObject({ reason: 'wrong-password' });
    expect(JSON.stringify(rows)).not.toContain('wrong-password-');
  });

  it('a success clears the count: four failures, a success, four failures do not lock', async () => {
    const email = 'soyte.lc@demo.surgewatch.vn';
    for (let i = 0; i < 4; i++) await attempt(email, 'wrong-password-123', i);
    expect((await attempt(email, DEMO_PASSWORD, 4)).ok).toBe(true);
    for (let i = 5; i < 9; i++) expect(await attempt(email, 'wrong-password-123', i)).toEqual({ ok: false, reason: 'invalid' });
    expect((await attempt(email, DEMO_PASSWORD, 9)).ok).toBe(true);
  });

  it('parallel guesses cannot slip past the count: only five passwords are checked', async () => {
    const email = 'lanhdao.lc@demo.surgewatch.vn';
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(email, `guess-number-${i}-xyz`, 30)));
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(4);
    expect(await db.prisma.signInAttempt.count({ where: { email } })).toBe(5);
  });

  it('refuses a deactivated account with the right password, as a plain failure', async () => {
    await db.prisma.user.update({ where: { email: 'soyte.kg@demo.surgewatch.vn' }, data: { active: false } });
    expect(await attempt('soyte.kg@demo.surgewatch.vn', DEMO_PASSWORD, 0)).toEqual({ ok: false, reason: 'invalid' });
    const row = await db.prisma.auditLog.findFirst({ where: { action: 'auth.sign-in-failed', targetId: { not: '' }, actorLabel: 'soyte.kg@demo.surgewatch.vn' } });
    expect(row?.after).toMatchObject({ reason: 'inactive' });
  });

  it('matches addresses whatever their case or spaces', async () => {
    const email = 'admin@demo.surgewatch.vn';
    for (let i = 0; i < 5; i++) await attempt(i % 2 ? ` ADMIN@demo.surgewatch.vn ` : email, 'wrong-password-123', 40);
    expect(await attempt(email, DEMO_PASSWORD, 41)).toEqual({ ok: false, reason: 'locked' });
  });
});
