import { afterAll, describe, expect, it } from 'vitest';
import { formatIsoWeek, type IsoWeek } from '@/lib/epi-week';
import type { SessionUser } from '@/lib/roles';
import { clearFiguresCache } from '@/server/verdicts/cache';
import { getNationalOverview } from '@/server/dashboard/national';
import { NATIONAL_PROVINCES, planUnits, seedNational } from '../../scripts/seed-national';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

// The national-scale generator (scripts/seed-national.ts) on a reduced run: bulk inserts land, the data is
// deterministic, and the national overview's single GROUP BY agrees with the reports row by row.
const LAST: IsoWeek = { isoYear: 2026, isoWeek: 47 };
const national: SessionUser = {
  id: 1,
  email: 'n@x',
  name: 'N',
  role: 'NATIONAL_LEADER',
  provinceCode: null,
  unitId: null,
  agencyId: null,
};
const opened: TestDatabase[] = [];
afterAll(async () => {
  for (const db of opened) await db.destroy();
});

describe('seed:national', () => {
  it('lists the 63 provinces once each and plans the same units every time', () => {
    expect(NATIONAL_PROVINCES).toHaveLength(63);
    expect(new Set(NATIONAL_PROVINCES.map(([c]) => c)).size).toBe(63);
    const a = planUnits(new Map([['12', 460_196]]), { communes: false });
    expect(planUnits(new Map([['12', 460_196]]), { communes: false })).toEqual(a);
    const districts = a.filter((u) => u.kind === 'district');
    expect(districts.length).toBeGreaterThan(550); // ~700 with the demo provinces' real districts
    // a province's units share its population exactly
    const hn = a.filter((u) => u.parentCode === '01').reduce((s, u) => s + u.population, 0);
    expect(hn).toBe(a.find((u) => u.code === '01')!.population);
  });

  it.each([false, true])(
    'fills an empty database (communes: %s) and the overview sums what was inserted',
    async (communes) => {
      const db = await createTestDatabase();
      opened.push(db);
      const result = await seedNational(db, { communes, weeks: 6, last: LAST, provinces: 8, accounts: false });
      expect(result.provinces).toBe(8);
      const branches = await db.prisma.adminUnit.count({ where: { depth: 1 } });
      expect(result.branches).toBe(branches);
      expect(await db.prisma.adminUnit.count({ where: { depth: 1, kind: communes ? 'commune' : 'district' } })).toBe(
        branches,
      );
      expect(await db.prisma.weeklyReport.count()).toBe(result.reports);
      expect(await db.prisma.dataVersion.count()).toBe(8);

      useAsAppDatabase(db);
      clearFiguresCache(); // the cache belongs to the process and its one database; this file opens two
      const overview = await getNationalOverview(national, LAST);
      if (overview.status !== 'ok') throw new Error(overview.status);
      expect(overview.data.rows).toHaveLength(8);
      for (const row of overview.data.rows) {
        const reports = await db.prisma.weeklyReport.findMany({
          where: { ...LAST, unit: { provinceCode: row.code } },
          select: { newCases: true },
        });
        const population = await db.prisma.unitPopulation.findFirstOrThrow({ where: { unit: { code: row.code } } });
        const cases = reports.reduce((s, r) => s + (r.newCases ?? 0), 0);
        expect(row.casesRate, row.code).toBeCloseTo((cases * 100_000) / population.population, 9);
        expect(row.spark).toHaveLength(12);
      }
      expect(overview.data.week).toBe(formatIsoWeek(LAST));
    },
  );

  it('refuses a database that already has units', async () => {
    const db = opened[0]!;
    await expect(seedNational(db, { communes: false, weeks: 1, last: LAST, accounts: false })).rejects.toThrow(
      /empty database/,
    );
  });
});
