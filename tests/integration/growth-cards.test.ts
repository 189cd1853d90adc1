import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWeeks, lastCompleteWeek } from '@/lib/epi-week';
import { GROWTH_WEEKS, growthOf } from '@/lib/growth';
import { getProvinceCards, openProvince } from '@/server/dashboard/province';
import { province, reports, user, type FactoryProvince, type Figures } from '../factories';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

// The cards' data for "tăng nhanh" (issue 14): getProvinceCards hands the cards the last GROWTH_WEEKS weeks of the
// province's sums, severity figures included, and growth on those sums gives the table values.

process.env.SURGEWATCH_NOW ??= '2026-11-23T03:00:00Z';
const LAST = lastCompleteWeek(new Date(process.env.SURGEWATCH_NOW)); // 2026-W47
let db: TestDatabase;
let p: FactoryProvince;

const CASES = [100, 141, 200, 283];
const DEATHS = [20, 14, 10, 7];

beforeAll(async () => {
  db = await createTestDatabase();
  useAsAppDatabase(db);
  p = await province(db.prisma, { plan: 'default', responsePlan: false, districts: [600_000, 400_000] });
  for (let i = 0; i < GROWTH_WEEKS; i++) {
    const quiet = { oxygenAvg7d: 1, freeCovidBeds: 300, staffedIcuBeds: 100 };
    // the severity figures split over two units: the cards get their sums
    const east: Figures & { deaths: number } = { ...quiet, newCases: 60 * (i + 1), deaths: DEATHS[i]! - 2 };
    const west: Figures & { deaths: number | null } = {
      ...quiet,
      newCases: CASES[i]! - 60 * (i + 1),
      deaths: 2,
    };
    await reports(db.prisma, p, addWeeks(LAST, i - (GROWTH_WEEKS - 1)), {
      [p.code]: { ...quiet, newCases: null },
      [p.districts[0]!.code]: east,
      [p.districts[1]!.code]: west,
    });
  }
  // a fifth, older week far off the trend: outside the fit, it must not change it
  await reports(db.prisma, p, addWeeks(LAST, -GROWTH_WEEKS), { [p.districts[0]!.code]: { newCases: 5_000 } });
});
afterAll(async () => db?.destroy());

describe('getProvinceCards', () => {
  it('gives the last 4 weeks, oldest first, with the severity sums; growth on them is the issue table', async () => {
    const leader = await user(db.prisma, 'PROVINCIAL_LEADER', { province: p });
    const opened = await openProvince(leader, p.code);
    if (opened.status !== 'ok') throw new Error(opened.status);
    const { current, previous, recent } = await getProvinceCards(opened.data, LAST);
    expect(recent.map((w) => w.week)).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47']);
    expect(recent[3]).toBe(current);
    expect(recent[2]).toBe(previous);
    expect(recent.map((w) => w.counts.newCases)).toEqual(CASES);
    expect(recent.map((w) => w.counts.deaths)).toEqual(DEATHS);
    // nobody reported severe cases: not reported, never 0
    expect(recent.map((w) => w.counts.severeCases ?? null)).toEqual([null, null, null, null]);

    const counts = recent.map((w) => w.counts);
    const cases = growthOf(counts, 'newCases');
    expect(cases.change).toBeCloseTo(0.415, 12);
    expect(cases.doubling?.kind).toBe('doubling');
    expect(cases.doubling!.weeks).toBeCloseTo(2.0, 1);
    const deaths = growthOf(counts, 'deaths');
    expect(deaths.doubling?.kind).toBe('halving');
    expect(deaths.doubling!.weeks).toBeCloseTo(2.0, 1);
    expect(growthOf(counts, 'severeCases')).toEqual({ change: null, doubling: null });
  });
});
