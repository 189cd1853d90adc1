import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIfEmpty } from '@/server/seed';
import { DEMO_ACCOUNTS } from '@/server/seed/demo-accounts';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

// The clock is fixed: Monday 2026-11-23 in Vietnam, so the demo's last complete week is 2026-W47.
const NOW = new Date('2026-11-23T03:00:00Z');
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  const result = await seedIfEmpty(db.prisma, { demo: true, now: NOW });
  expect(result.seeded).toBe(true);
});
afterAll(async () => db?.destroy());

describe('the demo seed', () => {
  it('creates the four provinces of the source plans with their districts', async () => {
    const provinces = await db.prisma.adminUnit.findMany({
      where: { kind: 'province' },
      select: { code: true, _count: { select: { children: true } } },
      orderBy: { code: 'asc' },
    });
    expect(provinces.map((p) => [p.code, p._count.children])).toEqual([
      ['12', 8],
      ['35', 6],
      ['70', 11],
      ['91', 15],
    ]);
  });

  it('takes 24 bodies for Kiên Giang and 16 for Lai Châu from appendix section V, with their tasks', async () => {
    const plans = await db.prisma.plan.findMany({
      select: {
        key: true,
        agencies: { select: { order: true, _count: { select: { templates: true } } }, orderBy: { order: 'asc' } },
      },
    });
    const byKey = Object.fromEntries(plans.map((p) => [p.key, p.agencies]));
    expect(byKey['kien-giang']).toHaveLength(24);
    expect(byKey['lai-chau']).toHaveLength(16);
    expect(byKey['default']).toHaveLength(0);
    for (const agencies of [byKey['kien-giang']!, byKey['lai-chau']!]) {
      for (const a of agencies) expect(a._count.templates).toBeGreaterThan(0);
    }
  });

  it('stores the plans with their own comparators', async () => {
    const versions = await db.prisma.planVersion.findMany({
      select: { plan: { select: { key: true } }, casesComparator: true, bedsComparator: true, icuComparator: true },
    });
    const byKey = Object.fromEntries(
      versions.map((v) => [v.plan.key, [v.casesComparator, v.bedsComparator, v.icuComparator]]),
    );
    expect(byKey).toEqual({
      'kien-giang': ['GT', 'LT', 'LT'],
      'lai-chau': ['GTE', 'LTE', 'LT'],
      default: ['GTE', 'LTE', 'LT'],
    });
  });

  it('creates one demo account per role, and 52 weeks of reports ending at the last complete week', async () => {
    expect(await db.prisma.user.count()).toBe(DEMO_ACCOUNTS.length);
    const roles = new Set((await db.prisma.user.findMany({ select: { role: true } })).map((u) => u.role));
    expect(roles.size).toBe(6);
    const latest = await db.prisma.weeklyReport.findFirst({
      orderBy: [{ isoYear: 'desc' }, { isoWeek: 'desc' }],
      select: { isoYear: true, isoWeek: true },
    });
    expect(latest).toEqual({ isoYear: 2026, isoWeek: 47 });
    const weeks = await db.prisma.weeklyReport.groupBy({ by: ['isoYear', 'isoWeek'] });
    expect(weeks).toHaveLength(52);
    // no cases on the province's own row: cases are counted by district of residence
    expect(await db.prisma.weeklyReport.count({ where: { unit: { kind: 'province' }, newCases: { not: null } } })).toBe(
      0,
    );
  });

  it('is idempotent: seeding again adds nothing', async () => {
    const before = await db.prisma.weeklyReport.count();
    expect((await seedIfEmpty(db.prisma, { demo: true, now: NOW })).seeded).toBe(false);
    expect(await db.prisma.weeklyReport.count()).toBe(before);
  });
});

describe('schema rules', () => {
  it('refuses a second report for the same unit and week', async () => {
    const existing = await db.prisma.weeklyReport.findFirstOrThrow({
      select: { unitId: true, isoYear: true, isoWeek: true },
    });
    await expect(db.prisma.weeklyReport.create({ data: { ...existing, newCases: 1 } })).rejects.toMatchObject({
      code: 'P2002',
    });
  });

  it('refuses to delete a unit that has reports, and deletes a plan version with its plan', async () => {
    const unit = await db.prisma.weeklyReport.findFirstOrThrow({ select: { unitId: true } });
    await expect(db.prisma.adminUnit.delete({ where: { id: unit.unitId } })).rejects.toThrow();
    const plan = await db.prisma.plan.create({
      data: {
        key: 'temp',
        name: 't',
        sourceDocument: 's',
        versions: {
          create: {
            version: 1,
            validFrom: new Date('2024-01-01'),
            casesComparator: 'GT',
            casesThreshold: 1,
            oxygenComparator: 'GT',
            oxygenThreshold: 1,
            bedsComparator: 'LT',
            bedsThreshold: 1,
            icuComparator: 'LT',
            icuThreshold: 1,
          },
        },
      },
    });
    await db.prisma.plan.delete({ where: { id: plan.id } });
    expect(await db.prisma.planVersion.count({ where: { planId: plan.id } })).toBe(0);
  });

  it('allows one open activation per province at a time', async () => {
    const province = await db.prisma.adminUnit.findFirstOrThrow({ where: { code: '35' }, select: { id: true } });
    const version = await db.prisma.planVersion.findFirstOrThrow({ select: { id: true } });
    const data = {
      provinceId: province.id,
      planVersionId: version.id,
      isoYear: 2026,
      isoWeek: 47,
      trigger: 'MANUAL' as const,
      snapshot: {},
    };
    const first = await db.prisma.activation.create({ data });
    await expect(db.prisma.activation.create({ data })).rejects.toThrow();
    await db.prisma.activation.update({ where: { id: first.id }, data: { status: 'STOOD_DOWN' } });
    await expect(db.prisma.activation.create({ data })).resolves.toBeTruthy();
  });
});

describe('outside demo mode', () => {
  it('loads the reference data but creates no demo account and no synthetic report', async () => {
    const prod = await createTestDatabase();
    try {
      const result = await seedIfEmpty(prod.prisma, { demo: false, now: NOW });
      expect(result).toMatchObject({ seeded: true, users: 0, reports: 0 });
      expect(await prod.prisma.user.count()).toBe(0);
      expect(await prod.prisma.weeklyReport.count()).toBe(0);
      expect(await prod.prisma.adminUnit.count()).toBe(4 + 15 + 8 + 11 + 6);
      expect(await prod.prisma.agency.count()).toBe(24 + 16);
    } finally {
      await prod.destroy();
    }
  });
});
