import { describe, expect, it } from 'vitest';
import type { Counts } from '@/lib/surge';
import {
  doublingTime,
  growthOf,
  MIN_COUNT,
  MIN_DEATHS,
  roundedPercent,
  roundedWeeks,
  STABLE_AFTER_WEEKS,
  weekOnWeek,
} from './growth';

const _ = null;

describe('weekOnWeek: (this − last) / last', () => {
  it.each([
    [135, 100, 0.35],
    [283, 200, 0.415],
    [50, 100, -0.5],
    [0, 100, -1],
    [100, 100, 0],
    [12, 10, 0.2], // last week exactly 10: shown
    [30, 9, null], // last week below 10: "—"
    [30, 0, null],
    [30, _, null], // last week unreported
    [30, undefined, null], // a severity figure nobody has reported yet
    [_, 100, null], // this week unreported: never read as a fall to 0
    [undefined, 100, null],
    [10.5, 10.5, 0], // the oxygen average has decimals
  ])('%s against %s → %s', (current, previous, want) => {
    const got = weekOnWeek(current, previous);
    if (want === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(want, 12);
  });
});

// One decimal is what a leader reads ("~2 tuần"); the fits themselves are checked to 0.05 weeks.
const geometric = (start: number, weeksToDouble: number) => [0, 1, 2, 3].map((i) => start * 2 ** (i / weeksToDouble));

describe('doublingTime: ln 2 / |b|, b the least-squares slope of ln(count) over the last 4 weeks', () => {
  it.each([
    ['the issue: 100, 141, 200, 283', [100, 141, 200, 283], MIN_COUNT, 'doubling', 2.0],
    ['the issue: 283, 200, 141, 100', [283, 200, 141, 100], MIN_COUNT, 'halving', 2.0],
    ['every week exactly 10 and then a doubling', [10, 10, 10, 80], MIN_COUNT, 'doubling', 1.1],
    ['3 of 4 with a gap keeps the gap in its place', [100, _, 200, 283], MIN_COUNT, 'doubling', 2.0],
    ['3 of 4, the oldest missing', [_, 141, 200, 283], MIN_COUNT, 'doubling', 2.0],
    ['3 of 4, this week missing', [100, 141, 200, _], MIN_COUNT, 'doubling', 2.0],
    ['deaths: 20, 14, 10, 7 (each ≥ 5)', [20, 14, 10, 7], MIN_DEATHS, 'halving', 2.0],
    ['deaths: exactly 5 is enough', [5, 7, 10, 14], MIN_DEATHS, 'doubling', 2.0],
    ['slow growth just inside 26 weeks', geometric(1000, 25.9), MIN_COUNT, 'doubling', 25.9],
    ['a fall just inside 26 weeks', geometric(1000, -25.9), MIN_COUNT, 'halving', 25.9],
  ] as const)('%s → %s in %s weeks', (_label, values, minCount, kind, weeks) => {
    const got = doublingTime(values, { minCount });
    expect(got?.kind).toBe(kind);
    expect(got!.weeks).toBeCloseTo(weeks, 1);
  });

  it.each([
    ['flat', [100, 100, 100, 100]],
    ['just past 26 weeks', geometric(1000, 26.1)],
    ['a fall just past 26 weeks', geometric(1000, -26.1)],
    ['noise around a level', [100, 104, 98, 101]],
  ] as const)('%s → "ổn định" (stable)', (_label, values) => {
    const got = doublingTime(values, { minCount: MIN_COUNT });
    expect(got?.kind).toBe('stable');
    expect(got!.weeks).toBeGreaterThan(STABLE_AFTER_WEEKS);
  });

  it.each([
    ['the issue: 12, 9, —, 11 (too small)', [12, 9, _, 11], MIN_COUNT],
    ['one week at 9.99', [100, 9.99, 200, 283], MIN_COUNT],
    ['a zero (no logarithm, and too small)', [0, 141, 200, 283], MIN_COUNT],
    ['zeros throughout', [0, 0, 0, 0], MIN_COUNT],
    ['only 2 of 4 reported', [_, 141, _, 283], MIN_COUNT],
    ['nothing reported', [_, _, _, _], MIN_COUNT],
    ['severity figures nobody has reported (undefined)', [undefined, undefined, 200, 283], MIN_COUNT],
    ['deaths: a week at 4', [20, 14, 4, 7], MIN_DEATHS],
    ['deaths judged by the general rule would be too small', [20, 14, 10, 7], MIN_COUNT],
  ] as const)('%s → null ("—")', (_label, values, minCount) => {
    expect(doublingTime(values, { minCount })).toBeNull();
  });

  it('takes exactly 4 weeks', () => {
    expect(() => doublingTime([100, 200, 400], { minCount: MIN_COUNT })).toThrow(RangeError);
  });
});

const week = (p: Partial<Counts>): Counts => ({
  newCases: null,
  oxygenAvg7d: null,
  freeCovidBeds: null,
  staffedIcuBeds: null,
  ...p,
});

describe('growthOf: a figure of the last 4 weeks of a series', () => {
  const series = [
    week({ newCases: 5 }), // older than the 4 weeks: ignored
    week({ newCases: 100, deaths: 20 }),
    week({ newCases: 141, deaths: 14 }),
    week({ newCases: 200, deaths: 10 }),
    week({ newCases: 283, deaths: 7 }),
  ];

  it('cases: ↑ 41.5 % and doubling in 2 weeks; deaths: halving with the deaths rule', () => {
    const cases = growthOf(series, 'newCases');
    expect(cases.change).toBeCloseTo(0.415, 12);
    expect(cases.doubling?.kind).toBe('doubling');
    const deaths = growthOf(series, 'deaths');
    expect(deaths.change).toBeCloseTo(-0.3, 12);
    expect(deaths.doubling?.kind).toBe('halving');
    expect(deaths.doubling!.weeks).toBeCloseTo(2.0, 1);
  });

  it('a figure never reported (absent) has no growth', () => {
    expect(growthOf(series, 'severeCases')).toEqual({ change: null, doubling: null });
  });

  it('a series shorter than 4 weeks counts the missing weeks as unreported', () => {
    expect(growthOf(series.slice(-2), 'newCases').doubling).toBeNull();
    expect(growthOf(series.slice(-3), 'newCases').doubling?.kind).toBe('doubling');
  });
});

describe('display rounding', () => {
  it.each([
    [0.35, 35],
    [0.415, 42], // 283 against 200: half rounds away from zero, not down by floating-point noise
    [(283 - 200) / 200, 42],
    [-0.415, -42],
    [-0.3, -30],
    [0.004, 0],
    [0.005, 1],
    [12, 1200],
  ])('change %s → %s percent', (change, want) => {
    expect(roundedPercent(change)).toBe(want);
  });

  it.each([
    [1.9973, 2], // the 100, 141, 200, 283
    [1.96, 2],
    [1.94, 1.9],
    [0.86, 0.9],
    [2.4, 2],
    [2.5, 3],
    [25.9, 26],
  ])('%s weeks → ~%s', (weeks, want) => {
    expect(roundedWeeks(weeks)).toBe(want);
  });
});
