import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from 'use-intl/core';
import { MESSAGES } from '@/i18n/config';
import { numberFormats } from '@/i18n/format';
import { addWeeks, lastCompleteWeek } from '@/lib/epi-week';
import { GROWTH_WEEKS, growthMessages, growthOfWeeks, growthWords, type GrowthTranslate } from '@/lib/growth';
import { getProvinceCards, openProvince } from '@/server/dashboard/province';
import type { WeekFigures } from '@/server/verdicts/series';
import { province, reports, user, type FactoryProvince, type Figures } from '../factories';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

// The cards' data for "tăng nhanh" (issue 14): getProvinceCards hands the cards the last GROWTH_WEEKS weeks of the
// province's sums, severity figures and how many units reported each figure included, and growth on those weeks gives
// the table values; a week still being reported waits instead of reading as a fall.

process.env.SURGEWATCH_NOW ??= '2026-11-23T03:00:00Z';
const LAST = lastCompleteWeek(new Date(process.env.SURGEWATCH_NOW)); // 2026-W47
let db: TestDatabase;
let p: FactoryProvince;
let partial: FactoryProvince;

const CASES = [100, 141, 200, 283];
const DEATHS = [20, 14, 10, 7];
const quiet = { oxygenAvg7d: 1, freeCovidBeds: 300, staffedIcuBeds: 100 };
const weekOf = (i: number) => addWeeks(LAST, i - (GROWTH_WEEKS - 1));

beforeAll(async () => {
  db = await createTestDatabase();
  useAsAppDatabase(db);
  p = await province(db.prisma, { plan: 'default', responsePlan: false, districts: [600_000, 400_000] });
  for (let i = 0; i < GROWTH_WEEKS; i++) {
    // the severity figures split over two units: the cards get their sums
    const east: Figures = { ...quiet, newCases: 60 * (i + 1), deaths: DEATHS[i]! - 2 };
    const west: Figures = { ...quiet, newCases: CASES[i]! - 60 * (i + 1), deaths: 2 };
    await reports(db.prisma, p, weekOf(i), {
      [p.code]: { ...quiet, newCases: null },
      [p.districts[0]!.code]: east,
      [p.districts[1]!.code]: west,
    });
  }
  // a fifth, older week far off the trend: outside the fit, it must not change it
  await reports(db.prisma, p, addWeeks(LAST, -GROWTH_WEEKS), { [p.districts[0]!.code]: { newCases: 5_000 } });

  // the review's case: a doubling (200, 283, 400, 566 over three districts) whose last week only one district (170
  // of its 566) has reported yet; the provincial hospitals' deaths of that week are not in either
  partial = await province(db.prisma, {
    plan: 'default',
    responsePlan: false,
    districts: [300_000, 300_000, 400_000],
  });
  const doubling = [200, 283, 400, 566];
  for (let i = 0; i < GROWTH_WEEKS; i++) {
    const last = i === GROWTH_WEEKS - 1;
    const split = [0.3, 0.3, 0.4].map((s) => Math.round(doubling[i]! * s));
    await reports(db.prisma, partial, weekOf(i), {
      [partial.code]: { ...quiet, newCases: null, deaths: last ? null : DEATHS[i]!, severeCases: 40 },
      [partial.districts[0]!.code]: { ...quiet, newCases: split[0]! },
      ...(last
        ? {}
        : {
            [partial.districts[1]!.code]: { ...quiet, newCases: split[1]! },
            [partial.districts[2]!.code]: { ...quiet, newCases: doubling[i]! - split[0]! - split[1]! },
          }),
    });
  }
});
afterAll(async () => db?.destroy());

async function cardsOf(of: FactoryProvince) {
  const leader = await user(db.prisma, 'PROVINCIAL_LEADER', { province: of });
  const opened = await openProvince(leader, of.code);
  if (opened.status !== 'ok') throw new Error(opened.status);
  return getProvinceCards(opened.data, LAST);
}

function line(weeks: readonly WeekFigures[], field: Parameters<typeof growthOfWeeks>[1]): string {
  const t = createTranslator({ locale: 'vi', messages: MESSAGES.vi, namespace: 'dashboard' });
  return growthWords(growthMessages(growthOfWeeks(weeks, field)), t as unknown as GrowthTranslate, numberFormats('vi'))
    .line;
}

describe('getProvinceCards', () => {
  it('gives the last 4 weeks, oldest first, with the severity sums; growth on them is the issue table', async () => {
    const { current, previous, recent } = await cardsOf(p);
    expect(recent.map((w) => w.week)).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47']);
    expect(recent[3]).toBe(current);
    expect(recent[2]).toBe(previous);
    expect(recent.map((w) => w.counts.newCases)).toEqual(CASES);
    expect(recent.map((w) => w.counts.deaths)).toEqual(DEATHS);
    // nobody reported severe cases: not reported, never 0
    expect(recent.map((w) => w.counts.severeCases ?? null)).toEqual([null, null, null, null]);
    // how many units reported each severity figure, apart from the judged figures' completeness
    expect(current.severityByField).toEqual({ severeCases: 0, newAdmissions: 0, deaths: 2 });
    expect(Object.keys(current.byField).sort()).toEqual(['freeCovidBeds', 'newCases', 'oxygenAvg7d', 'staffedIcuBeds']);

    const cases = growthOfWeeks(recent, 'newCases');
    expect(cases.change).toBeCloseTo(0.415, 12);
    expect(cases.doubling?.kind).toBe('doubling');
    expect(cases.doubling!.weeks).toBeCloseTo(2.0, 1);
    expect(cases.provisional).toBe(false);
    const deaths = growthOfWeeks(recent, 'deaths');
    expect(deaths.doubling?.kind).toBe('halving');
    expect(deaths.doubling!.weeks).toBeCloseTo(2.0, 1);
    expect(growthOfWeeks(recent, 'severeCases')).toMatchObject({ change: null, doubling: null, waiting: null });
    expect(line(recent, 'newCases')).toBe('↑ 42 % so với tuần trước · tăng gấp đôi sau ~2 tuần');
  });

  it('a partial last week waits for its reports instead of reading as a fall', async () => {
    const { current, recent } = await cardsOf(partial);
    // the sums themselves: a fall from 400 to 170, with 1 of 3 districts in
    expect(recent.map((w) => w.counts.newCases)).toEqual([200, 283, 400, 170]);
    expect(recent.map((w) => w.byField.newCases)).toEqual([3, 3, 3, 1]);
    expect(current.expectedByField.newCases).toBe(3);
    expect(recent.map((w) => w.severityByField.deaths)).toEqual([1, 1, 1, 0]);
    expect(recent.map((w) => w.severityByField.severeCases)).toEqual([1, 1, 1, 1]);

    const cases = growthOfWeeks(recent, 'newCases');
    expect(cases.change).toBeNull();
    expect(cases.waiting).toEqual({ reported: 1, of: 3 });
    expect(cases.doubling?.kind).toBe('doubling');
    expect(cases.provisional).toBe(false);
    expect(line(recent, 'newCases')).toBe('So với tuần trước: — (chờ báo cáo: 1/3 đơn vị) · tăng gấp đôi sau ~2 tuần');
    // a week missing only a severity figure: deaths wait, severe cases (reported) do not
    expect(line(recent, 'deaths')).toBe('So với tuần trước: — (chờ báo cáo: 0/1 đơn vị) · giảm một nửa sau ~2 tuần');
    expect(line(recent, 'severeCases')).toBe('Không đổi so với tuần trước · ổn định');
  });
});
