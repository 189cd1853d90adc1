import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@/server/auth/password';
import { loadProvinceVerdict } from '@/server/verdicts/province-verdict';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { DEMO_EMAILS } from '@/server/seed/demo-accounts';
import {
  builtInPlans,
  calmFigures,
  demoAccounts,
  demoReports,
  everyUnit,
  openPlan,
  province,
  referenceProvince,
  reports,
  surgeFigures,
  TEST_PASSWORD,
  user,
  warningFigures,
} from './index';

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
    expect(settled?.snapshot.completeness).toMatchObject({ reported: 4, expected: 4 });
    expect(settled?.snapshot.settled).toBe(true);
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
    const officer = await user(db.prisma, 'LOCAL_OFFICER', { province: p, unit: p.districts[0], canSignIn: true });
    expect(officer).toMatchObject({ role: 'LOCAL_OFFICER', provinceCode: p.code, unitId: p.districts[0]!.id });
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: officer.id } });
    expect(await verifyPassword(stored.passwordHash, TEST_PASSWORD)).toBe(true);
    const reader = await user(db.prisma, 'NATIONAL_LEADER');
    const hash = (await db.prisma.user.findUniqueOrThrow({ where: { id: reader.id } })).passwordHash;
    expect(await verifyPassword(hash, TEST_PASSWORD)).toBe(false);
  });

  it('opens a plan by the automatic rule, and judges warning figures as early warning', async () => {
    const p = await province(db.prisma, { districts: [{ population: 120_000, name: 'Thành phố Thử' }, 80_000] });
    expect(p.districts.map((d) => d.name)).toEqual(['Thành phố Thử', `Huyện Thử nghiệm ${p.code}-2`]);
    const opened = await openPlan(db.prisma, p, WEEK, new Date('2026-11-23T03:00:00Z'));
    // Kiên Giang's appendix: 67 tasks, the 8 of the district committees copied per district
    expect(opened.tasks).toBe(67 - 8 + 8 * 2);
    const q = await province(db.prisma, { plan: 'lai-chau', responsePlan: false });
    await reports(db.prisma, q, WEEK, everyUnit(q, warningFigures));
    expect((await loadProvinceVerdict(db.prisma, q.code, WEEK))?.snapshot.level).toBe('warning');
  });

  it('builds a reference province with the demo’s history and the demo’s accounts, without the demo', async () => {
    // on a database of its own: the reference provinces bring the built-in plans with their response plans
    const own = await createTestDatabase();
    try {
      await referenceWorld(own);
    } finally {
      await own.destroy();
    }
  });
});

/** The assertions of the reference-province test, on its own database. */
async function referenceWorld(own: TestDatabase) {
  const lc = await referenceProvince(own.prisma, '12');
  await referenceProvince(own.prisma, '91');
  expect(lc).toMatchObject({ name: 'Tỉnh Lai Châu', plan: { key: 'lai-chau' } });
  expect(lc.districts.map((d) => d.code)).toContain('106');
  expect(lc.agencies).toHaveLength(16);
  const rows = await demoReports(own.prisma, lc, WEEK);
  expect(await own.prisma.weeklyReport.count({ where: { unit: { provinceCode: '12' } } })).toBe(rows);
  const accounts = await demoAccounts(own.prisma);
  expect(accounts.districtLC).toMatchObject({ email: DEMO_EMAILS.districtLC, provinceCode: '12' });
  expect(accounts.agencyKG.agencyId).not.toBeNull();
  const stored = await own.prisma.user.findUniqueOrThrow({ where: { email: DEMO_EMAILS.admin } });
  expect(await verifyPassword(stored.passwordHash, TEST_PASSWORD)).toBe(true);
}
