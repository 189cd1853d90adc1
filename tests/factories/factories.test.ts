import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@/server/auth/password';
import { loadProvinceVerdict } from '@/server/verdicts/province-verdict';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { builtInPlans, calmFigures, everyUnit, province, reports, surgeFigures, user } from './index';

// The factories build what the seed would: a province judged by its own copy of a plan, and its figures judged as the
// app judges them (the verdict reader the activation uses).

const WEEK = { isoYear: 2026, isoWeek: 47 };
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await builtInPlans(db.prisma);
});
afterAll(async () => db?.destroy());

describe('factories', () => {
  it('builds a province whose figures the app judges, settled once every unit has reported', async () => {
    const p = await province(db.prisma);
    expect(p.code).toMatch(/^\d{2}$/);
    expect(p.districts).toHaveLength(3);
    expect(p.agencies.length).toBeGreaterThan(0);

    await reports(db.prisma, p, WEEK, { [p.code]: surgeFigures(p.population) });
    const partial = await loadProvinceVerdict(db.prisma, p.code, WEEK);
    expect(partial?.snapshot.plan.key).toBe(p.plan.key);
    expect(partial?.snapshot.provisional).toBe(true);

    await reports(db.prisma, p, WEEK, everyUnit(p, surgeFigures));
    const settled = await loadProvinceVerdict(db.prisma, p.code, WEEK);
    expect(settled?.snapshot).toMatchObject({ level: 'surge', provisional: false });
    // the province's own row and its three districts
    expect(settled?.snapshot.completeness).toEqual({ reported: 4, expected: 4 });
  });

  it('builds calm figures and a Lai Châu-like province side by side', async () => {
    const p = await province(db.prisma, { plan: 'lai-chau', districts: [80_000, 90_000] });
    await reports(db.prisma, p, WEEK, everyUnit(p, calmFigures));
    const v = await loadProvinceVerdict(db.prisma, p.code, WEEK);
    expect(v?.snapshot).toMatchObject({ level: 'normal', provisional: false });
    expect(v?.snapshot.plan.key).toBe(`lai-chau-test-${p.code}`);
  });

  it('builds users in their scope, signing in only when asked', async () => {
    const p = await province(db.prisma, { responsePlan: false });
    const officer = await user(db.prisma, 'DISTRICT_OFFICER', { province: p, unit: p.districts[0], canSignIn: true });
    expect(officer).toMatchObject({ role: 'DISTRICT_OFFICER', provinceCode: p.code, unitId: p.districts[0]!.id });
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: officer.id } });
    expect(await verifyPassword(stored.passwordHash, officer.password)).toBe(true);
    const reader = await user(db.prisma, 'NATIONAL_LEADER');
    const hash = (await db.prisma.user.findUniqueOrThrow({ where: { id: reader.id } })).passwordHash;
    expect(await verifyPassword(hash, reader.password)).toBe(false);
  });
});
