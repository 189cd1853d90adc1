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
  it('builds the demo provinces as they are since the 2025 reform: communes, the province row, regional centres', async () => {
    const provinces = await db.prisma.adminUnit.findMany({
      where: { code: { in: ['91', '12', '75', '37'] } },
      select: { code: true, name: true, validFrom: true, children: { select: { kind: true, reports: true } } },
      orderBy: { code: 'asc' },
    });
    const shape = provinces.map((p) => {
      const kids = p.children.filter((c) => c.reports);
      const count = (kind: string) => kids.filter((c) => c.kind === kind).length;
      return [p.code, p.name, count('commune'), count('facility'), count('district')];
    });
    // Lai Châu's 8 districts are under it too (valid to 30/06/2025); its 38 communes are since the reform
    expect(shape).toEqual([
      ['12', 'Tỉnh Lai Châu', 38, 5, 8],
      ['37', 'Tỉnh Ninh Bình', 129, 4, 0],
      ['75', 'Tỉnh Đồng Nai', 95, 4, 0],
      ['91', 'Tỉnh An Giang', 102, 6, 0],
    ]);
    const facility = await db.prisma.adminUnit.findUniqueOrThrow({ where: { code: '12-TTYTKV-01' } });
    expect(facility).toMatchObject({
      gsoCode: '12-TTYTKV-01',
      name: 'Trung tâm Y tế khu vực Tam Đường',
      kind: 'facility',
      depth: 1,
      path: '12/12-TTYTKV-01',
      provinceCode: '12',
      fromCatalogue: false,
      reports: true,
      validFrom: new Date('2025-07-01T00:00:00Z'),
      validTo: null,
    });
  });

  it('gives the demo communes synthetic populations, approximate, that sum to the province figure', async () => {
    const populationOf = async (code: string) =>
      await db.prisma.unitPopulation.findFirstOrThrow({ where: { unit: { code } }, orderBy: { year: 'desc' } });
    // new An Giang: old Kiên Giang's and old An Giang's 2019 census figures, labelled approximate
    const ag = await populationOf('91');
    expect(ag).toMatchObject({ year: 2025, population: 1_723_067 + 1_908_352, approximate: true });
    expect(ag.source).toMatch(/^APPROXIMATE/);
    expect(await populationOf('12')).toMatchObject({ year: 2019, population: 460_196, approximate: false });
    for (const [code, total] of [
      ['91', 3_631_419],
      ['12', 460_196],
    ] as const) {
      const communes = await db.prisma.unitPopulation.findMany({
        where: { unit: { provinceCode: code, kind: 'commune', reports: true, validTo: null } },
        select: { population: true, approximate: true, source: true },
      });
      expect(communes).toHaveLength(code === '91' ? 102 : 38);
      expect(communes.reduce((s, c) => s + c.population, 0)).toBe(total);
      expect(communes.every((c) => c.approximate && c.population > 0 && /synthetic demo/.test(c.source))).toBe(true);
    }
    // the facilities have none: they report beds, no rate is computed over them
    expect(await db.prisma.unitPopulation.count({ where: { unit: { kind: 'facility' } } })).toBe(0);
  });

  it('takes 24 bodies for Kiên Giang and 16 for Lai Châu from appendix section V, with their tasks', async () => {
    const plans = await db.prisma.plan.findMany({
      select: {
        key: true,
        provinceCode: true,
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
    // Kiên Giang's plan stays with Kiên Giang (ended 30/06/2025); new An Giang has a demo plan, a labelled copy
    expect(Object.fromEntries(plans.map((p) => [p.key, p.provinceCode]))).toEqual({
      default: null,
      'kien-giang': '91~20250630',
      'lai-chau': '12',
      'an-giang-minh-hoa': '91',
    });
    expect(byKey['an-giang-minh-hoa']).toEqual(byKey['kien-giang']);
    const demo = await db.prisma.plan.findUniqueOrThrow({ where: { key: 'an-giang-minh-hoa' } });
    expect(demo.name).toContain('dữ liệu minh họa');
    expect(demo.sourceDocument).toMatch(/^Dữ liệu minh họa/);
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
      'an-giang-minh-hoa': ['GT', 'LT', 'LT'],
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
  });

  it('reports by the units expected in each week, each the figures its kind reports (src/lib/units.ts)', async () => {
    // every demo week is after the reform: the commune system, nothing for a district or a former province
    expect(await db.prisma.weeklyReport.count({ where: { unit: { kind: 'district' } } })).toBe(0);
    expect(await db.prisma.weeklyReport.count({ where: { unit: { validTo: { not: null } } } })).toBe(0);
    const filled = async (kind: string, field: string) =>
      db.prisma.weeklyReport.count({ where: { unit: { kind }, [field]: { not: null } } });
    // communes: cases and oxygen only; the province row and the facilities: beds and ICU (with totals), never cases
    for (const field of ['freeCovidBeds', 'staffedIcuBeds', 'totalCovidBeds', 'totalIcuBeds'])
      expect(await filled('commune', field), field).toBe(0);
    for (const kind of ['province', 'facility']) {
      for (const field of ['newCases', 'oxygenAvg7d']) expect(await filled(kind, field), `${kind} ${field}`).toBe(0);
      expect(await filled(kind, 'freeCovidBeds')).toBeGreaterThan(0);
    }
    expect(await filled('commune', 'newCases')).toBeGreaterThan(0);
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
      // the reference catalogue only: no demo facility, no demo plan
      expect(await prod.prisma.adminUnit.count({ where: { kind: 'facility' } })).toBe(0);
      expect(await prod.prisma.agency.count()).toBe(24 + 16);
      expect(await prod.prisma.plan.count({ where: { provinceCode: '91' } })).toBe(0);
    } finally {
      await prod.destroy();
    }
  });
});
