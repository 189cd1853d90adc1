import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/roles';
import { openProvince } from '@/server/dashboard/province';
import { getDistrictCards, getDistrictReports, openDistrict } from '@/server/dashboard/district';
import { getReportHistory } from '@/server/reports/queries';
import { getExportRows, getReportsInRange } from '@/server/reports/range';
import { seedIfEmpty } from '@/server/seed';
import { DEMO, sessionUser } from '../fixtures/session-users';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

// Issue 11: a district officer reads the province's pages (rates) but only their own unit's reports, history and
// export; the province's other readers see every unit. The HTTP side (403, pages) is in tests/e2e/authz-matrix.spec.ts.

const NOW = new Date('2026-11-23T03:00:00Z');
vi.stubEnv('SURGEWATCH_NOW', NOW.toISOString());
vi.stubEnv('DEMO', '1');
const W40 = { isoYear: 2026, isoWeek: 40 };
const W41 = { isoYear: 2026, isoWeek: 41 };

let db: TestDatabase;
let district: SessionUser;
let leader: SessionUser;
let own: { id: number; code: string };
let other: { id: number; code: string };

beforeAll(async () => {
  db = await createTestDatabase();
  await seedIfEmpty(db.prisma, { demo: true, now: NOW });
  useAsAppDatabase(db);
  district = await sessionUser(db.prisma, DEMO.districtLC);
  leader = await sessionUser(db.prisma, DEMO.leaderLC);
  own = await db.prisma.adminUnit.findUniqueOrThrow({
    where: { id: district.unitId! },
    select: { id: true, code: true },
  });
  other = await db.prisma.adminUnit.findFirstOrThrow({
    where: { provinceCode: '12', kind: 'district', NOT: { id: own.id } },
    select: { id: true, code: true },
  });
});
afterAll(async () => db?.destroy());

describe('a district officer’s reads of their province', () => {
  it('the API list holds their own unit’s reports only; the leader’s holds every unit', async () => {
    const mine = await getReportsInRange(district, '12', W40, W41);
    if (mine.status !== 'ok') throw new Error(mine.status);
    expect(mine.data.reports.length).toBeGreaterThan(0);
    expect(new Set(mine.data.reports.map((r) => r.unitCode))).toEqual(new Set([own.code]));
    const all = await getReportsInRange(leader, '12', W40, W41);
    if (all.status !== 'ok') throw new Error(all.status);
    expect(new Set(all.data.reports.map((r) => r.unitCode)).size).toBeGreaterThan(2);
    expect(all.data.reports.filter((r) => r.unitCode === own.code)).toEqual(mine.data.reports);
  });

  it('the export holds their own unit’s rows, without the province total (the sum of every unit’s figures)', async () => {
    const mine = await getExportRows(district, '12', W40, W41);
    if (mine.status !== 'ok') throw new Error(mine.status);
    expect(mine.data.rows.map((r) => [r.unitCode, r.rowType])).toEqual([
      [own.code, 'district'],
      [own.code, 'district'],
    ]);
    const all = await getExportRows(leader, '12', W40, W41);
    if (all.status !== 'ok') throw new Error(all.status);
    expect(all.data.rows.filter((r) => r.rowType === 'province-total')).toHaveLength(2);
    expect(all.data.rows.filter((r) => r.unitCode === own.code)).toEqual(mine.data.rows);
  });

  it('another province stays refused', async () => {
    expect((await getReportsInRange(district, '91', W40, W41)).status).toBe('forbidden');
    expect((await getExportRows(district, '91', W40, W41)).status).toBe('forbidden');
  });

  it('the history of their own unit’s report, not of another unit’s or the province’s own row', async () => {
    const mine = await getReportHistory(district, '12', own.code, W40);
    expect(mine.status).toBe('ok');
    expect((await getReportHistory(district, '12', other.code, W40)).status).toBe('forbidden');
    expect((await getReportHistory(district, '12', '12', W40)).status).toBe('forbidden');
    expect((await getReportHistory(leader, '12', other.code, W40)).status).toBe('ok');
    expect((await getReportHistory(district, '12', 'no-such-unit', W40)).status).toBe('not-found');
  });

  it('district pages: every district’s rates, only their own district’s reports', async () => {
    const province = await openProvince(district, '12');
    if (province.status !== 'ok') throw new Error(province.status);
    expect(province.data.readsReportsOf(own.id)).toBe(true);
    expect(province.data.readsReportsOf(other.id)).toBe(false);

    const ownPage = await openDistrict(district, '12', own.code);
    if (ownPage.status !== 'ok') throw new Error(ownPage.status);
    expect(ownPage.data.reportsVisible).toBe(true);
    expect((await getDistrictReports(ownPage.data, W41, 2)).map((r) => r.week)).toEqual(['2026-W41', '2026-W40']);

    const otherPage = await openDistrict(district, '12', other.code);
    if (otherPage.status !== 'ok') throw new Error(otherPage.status);
    expect(otherPage.data.reportsVisible).toBe(false);
    expect((await getDistrictCards(otherPage.data, W41)).current.criteria?.length).toBe(4); // the rates
    await expect(getDistrictReports(otherPage.data, W41, 2)).rejects.toThrow(/may not read/);

    const leaderPage = await openDistrict(leader, '12', other.code);
    if (leaderPage.status !== 'ok') throw new Error(leaderPage.status);
    expect(leaderPage.data.reportsVisible).toBe(true);
  });
});
