import { describe, expect, it } from 'vitest';
import { createTranslator } from 'use-intl/core';
import { MESSAGES } from '@/i18n/config';
import { numberFormats } from '@/i18n/format';
import type { Counts } from '@/lib/surge';
import {
  doublingTime,
  GROWTH_OF_CRITERION,
  growthMessages,
  growthOfWeeks,
  growthWords,
  MIN_COUNT,
  MIN_PREVIOUS,
  type CoveredWeek,
  type Growth,
  type GrowthField,
  type GrowthTranslate,
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

// A week of a province of 10 reporting units: `by` of them reported the judged figure, `expected` were expected to
// (new cases: the districts), `severityBy` reported the severity figure.
function covered(
  counts: Partial<Counts>,
  { by = 10, expected = 10, severityBy = 0 }: { by?: number; expected?: number; severityBy?: number } = {},
): CoveredWeek {
  return {
    counts: { newCases: null, oxygenAvg7d: null, freeCovidBeds: null, staffedIcuBeds: null, ...counts },
    byField: { newCases: by, oxygenAvg7d: by, freeCovidBeds: by, staffedIcuBeds: by },
    expectedByField: { newCases: expected, oxygenAvg7d: expected, freeCovidBeds: expected, staffedIcuBeds: expected },
    severityByField: { severeCases: severityBy, newAdmissions: severityBy, deaths: severityBy },
  };
}
/** New cases over weeks, each with how many of `expected` units reported them (0 units: the figure is null). */
const cases = (values: Figure[], by: number[], expected = 10) =>
  values.map((v, i) => covered({ newCases: by[i] === 0 ? null : v }, { by: by[i], expected }));
type Figure = number | null;

interface Want {
  change: number | null;
  noChange?: Growth['noChange'];
  doubling: [kind: 'doubling' | 'halving' | 'stable', weeks: number] | null;
  waiting?: Growth['waiting'];
  provisional?: boolean;
}

function expectGrowth(got: Growth, want: Want) {
  if (want.change === null) expect(got.change).toBeNull();
  else expect(got.change).toBeCloseTo(want.change, 12);
  expect(got.noChange).toEqual(want.noChange ?? null);
  if (want.doubling === null) expect(got.doubling).toBeNull();
  else {
    expect(got.doubling?.kind).toBe(want.doubling[0]);
    expect(got.doubling!.weeks).toBeCloseTo(want.doubling[1], 1);
  }
  expect(got.waiting).toEqual(want.waiting ?? null);
  expect(got.provisional).toBe(want.provisional ?? false);
}

describe('growthOfWeeks: like for like, a week counts only when as many units reported the figure as at best', () => {
  it.each<[string, Figure[], number[], number, Want]>([
    [
      'fully reported: ↑ 41.5 %, doubling in 2',
      [200, 283, 400, 566],
      [10, 10, 10, 10],
      10,
      {
        change: 0.415,
        doubling: ['doubling', 2.0],
      },
    ],
    // the review's case: a doubling whose last week has 3 of 10 units in is no "↓ 58 %"
    [
      'this week 3 of 10 units in: waiting, and the doubling of the other three',
      [200, 283, 400, 170],
      [10, 10, 10, 3],
      10,
      {
        change: null,
        noChange: { reason: 'waiting', reported: 3, of: 10 },
        doubling: ['doubling', 2.0],
        waiting: { reported: 3, of: 10 },
      },
    ],
    [
      'this week nobody in yet',
      [200, 283, 400, null],
      [10, 10, 10, 0],
      10,
      {
        change: null,
        noChange: { reason: 'waiting', reported: 0, of: 10 },
        doubling: ['doubling', 2.0],
        waiting: { reported: 0, of: 10 },
      },
    ],
    [
      'last week 8 of 10 (a unit late): no change, the fit keeps the gap in its place',
      [200, 283, 200, 400],
      [10, 10, 8, 10],
      10,
      { change: null, noChange: { reason: 'previous', reported: 8, of: 10 }, doubling: ['doubling', 3.1] },
    ],
    [
      'two weeks short: only 2 of 4 like for like, no fit',
      [200, 150, 400, 170],
      [10, 6, 10, 3],
      10,
      {
        change: null,
        noChange: { reason: 'waiting', reported: 3, of: 10 },
        doubling: null,
        waiting: { reported: 3, of: 10 },
      },
    ],
    // like for like, but a unit expected to report never did: the figures could still change
    [
      '9 of 10 every week: shown, provisional',
      [200, 283, 400, 566],
      [9, 9, 9, 9],
      10,
      {
        change: 0.415,
        doubling: ['doubling', 2.0],
        provisional: true,
      },
    ],
    [
      'an older short week is left out of the fit and makes nothing provisional',
      [150, 283, 400, 566],
      [9, 10, 10, 10],
      10,
      { change: 0.415, doubling: ['doubling', 2.0] },
    ],
    [
      '10 of 11 expected every week: provisional',
      [200, 283, 400, 566],
      [10, 10, 10, 10],
      11,
      { change: 0.415, doubling: ['doubling', 2.0], provisional: true },
    ],
    [
      'a unit that joins this week: last week is not like for like',
      [200, 283, 400, 600],
      [10, 10, 10, 11],
      11,
      {
        change: null,
        noChange: { reason: 'previous', reported: 10, of: 11 },
        doubling: null,
      },
    ],
    [
      'last week below 10',
      [5, 8, 9, 30],
      [10, 10, 10, 10],
      10,
      {
        change: null,
        noChange: { reason: 'small', min: MIN_PREVIOUS },
        doubling: null,
      },
    ],
    [
      'nothing reported in the 4 weeks',
      [null, null, null, null],
      [0, 0, 0, 0],
      10,
      {
        change: null,
        noChange: { reason: 'current' },
        doubling: null,
      },
    ],
  ])('%s', (_label, values, by, expected, want) => {
    expectGrowth(growthOfWeeks(cases(values, by, expected), 'newCases'), want);
  });

  it('uses the last 4 weeks of a longer series; a shorter one counts the missing weeks as unreported', () => {
    // the older week is off the trend and reported by more units: outside the window, it changes nothing
    const series = [covered({ newCases: 5_000 }, { by: 12 }), ...cases([200, 283, 400, 566], [10, 10, 10, 10])];
    expectGrowth(growthOfWeeks(series, 'newCases'), { change: 0.415, doubling: ['doubling', 2.0] });
    expectGrowth(growthOfWeeks(series.slice(-2), 'newCases'), { change: 0.415, doubling: null });
    expectGrowth(growthOfWeeks(series.slice(-3), 'newCases'), { change: 0.415, doubling: ['doubling', 2.0] });
  });

  const deaths = (values: Figure[], by: number[], judged = 10) =>
    values.map((v, i) =>
      covered({ newCases: 100 * (i + 1), deaths: by[i] === 0 ? null : v }, { by: judged, severityBy: by[i] }),
    );

  it('severity: coverage of its own; optional, so never provisional for want of units', () => {
    // the provincial hospitals report deaths (1 unit); 4 of 10 units have not reported cases: no matter for deaths
    expectGrowth(growthOfWeeks(deaths([20, 14, 10, 7], [1, 1, 1, 1], 6), 'deaths'), {
      change: -0.3,
      doubling: ['halving', 2.0],
    });
  });

  it('a week missing only a severity figure: that figure waits, the judged ones do not', () => {
    const weeks = deaths([20, 14, 10, null], [1, 1, 1, 0]);
    expectGrowth(growthOfWeeks(weeks, 'deaths'), {
      change: null,
      noChange: { reason: 'waiting', reported: 0, of: 1 },
      doubling: ['halving', 2.0],
      waiting: { reported: 0, of: 1 },
    });
    expect(growthOfWeeks(weeks, 'newCases').change).toBeCloseTo(1 / 3, 12);
  });

  it('a severity figure nobody has reported (absent, not null) has no growth and nothing to wait for', () => {
    const weeks = [0, 1, 2, 3].map(() => covered({ newCases: 100 }));
    expectGrowth(growthOfWeeks(weeks, 'severeCases'), {
      change: null,
      noChange: { reason: 'current' },
      doubling: null,
    });
  });

  it('oxygen and new cases are the criteria with growth; beds and ICU have none', () => {
    expect(GROWTH_OF_CRITERION).toEqual({ cases: 'newCases', oxygen: 'oxygenAvg7d' });
  });
});

// The words, with the real messages and number formats: what a leader reads on the cards, the trends and the brief.
const NUMBERS = { vi: numberFormats('vi'), en: numberFormats('en') };
function line(weeks: CoveredWeek[], field: GrowthField, locale: 'vi' | 'en' = 'vi'): string {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'dashboard' });
  return growthWords(growthMessages(growthOfWeeks(weeks, field)), t as unknown as GrowthTranslate, NUMBERS[locale])
    .line;
}

describe('growthMessages: keys and values', () => {
  it('a change and a doubling', () => {
    expect(growthMessages(growthOfWeeks(cases([200, 283, 400, 566], [10, 10, 10, 10]), 'newCases'))).toEqual({
      direction: 'up',
      change: { key: 'up', values: { percent: 42 } },
      doubling: { key: 'doubling', values: { weeks: 2 } },
      doublingKind: 'doubling',
      provisional: false,
    });
  });

  it('a partial last week: "—" with how many units are in, and the doubling of the others', () => {
    expect(growthMessages(growthOfWeeks(cases([200, 283, 400, 170], [10, 10, 10, 3]), 'newCases'))).toEqual({
      direction: null,
      change: { key: 'none', values: { reason: 'waiting', reported: 3, of: 10, min: MIN_PREVIOUS } },
      doubling: { key: 'doubling', values: { weeks: 2 } },
      doublingKind: 'doubling',
      provisional: false,
    });
  });

  it('a short last week that is closed reads apart from one never reported', () => {
    const partial = growthMessages(growthOfWeeks(cases([200, 283, 200, 400], [10, 10, 8, 10]), 'newCases'));
    expect(partial.change.values).toMatchObject({ reason: 'previousPartial', reported: 8, of: 10 });
    const none = growthMessages(growthOfWeeks(cases([200, 283, null, 400], [10, 10, 0, 10]), 'newCases'));
    expect(none.change.values).toMatchObject({ reason: 'previous' });
  });

  it('a line of "—" alone rests on no week and is never provisional', () => {
    const m = growthMessages(growthOfWeeks(cases([200, 150, 400, 170], [9, 6, 9, 3]), 'newCases'));
    expect(m.change.key).toBe('none');
    expect(m.doubling).toBeNull();
    expect(m.provisional).toBe(false);
  });
});

describe('growthWords: the line as shown (vi, en)', () => {
  it.each<[string, CoveredWeek[], GrowthField, string]>([
    [
      'fully reported',
      cases([200, 283, 400, 566], [10, 10, 10, 10]),
      'newCases',
      '↑ 42 % so với tuần trước · tăng gấp đôi sau ~2 tuần',
    ],
    [
      'a partial last week',
      cases([200, 283, 400, 170], [10, 10, 10, 3]),
      'newCases',
      'So với tuần trước: — (chờ báo cáo: 3/10 đơn vị) · tăng gấp đôi sau ~2 tuần',
    ],
    [
      'a short previous week',
      cases([200, 283, 200, 400], [10, 10, 8, 10]),
      'newCases',
      'So với tuần trước: — (tuần trước chỉ 8/10 đơn vị báo cáo) · tăng gấp đôi sau ~3 tuần',
    ],
    [
      'a unit expected every week never reported',
      cases([200, 283, 400, 566], [9, 9, 9, 9]),
      'newCases',
      '↑ 42 % so với tuần trước · tăng gấp đôi sau ~2 tuần (tạm tính)',
    ],
    [
      'last week too small',
      cases([5, 8, 9, 30], [10, 10, 10, 10]),
      'newCases',
      'So với tuần trước: — (tuần trước dưới 10 ca, quá ít để so sánh)',
    ],
    [
      'under two weeks: one decimal',
      cases([10, 10, 10, 80], [10, 10, 10, 10]),
      'newCases',
      '↑ 700 % so với tuần trước · tăng gấp đôi sau ~1,1 tuần',
    ],
    [
      'a fall',
      cases([283, 200, 141, 100], [10, 10, 10, 10]),
      'newCases',
      '↓ 29 % so với tuần trước · giảm một nửa sau ~2 tuần',
    ],
    ['flat', cases([100, 100, 100, 100], [10, 10, 10, 10]), 'newCases', 'Không đổi so với tuần trước · ổn định'],
    [
      'a week missing only deaths',
      [20, 14, 10, null].map((d, i) => covered({ newCases: 100, deaths: d }, { severityBy: i < 3 ? 1 : 0 })),
      'deaths',
      'So với tuần trước: — (chờ báo cáo: 0/1 đơn vị) · giảm một nửa sau ~2 tuần',
    ],
    [
      'a severity figure never reported',
      cases([200, 283, 400, 566], [10, 10, 10, 10]),
      'severeCases',
      'So với tuần trước: — (tuần này chưa báo cáo)',
    ],
  ])('vi: %s', (_label, weeks, field, want) => {
    expect(line(weeks, field)).toBe(want);
  });

  it.each<[string, CoveredWeek[], string]>([
    ['fully reported', cases([200, 283, 400, 566], [10, 10, 10, 10]), '↑ 42% on last week · doubling in ~2 weeks'],
    [
      'a partial last week',
      cases([200, 283, 400, 170], [10, 10, 10, 3]),
      'On last week: — (waiting for reports: 3/10 units) · doubling in ~2 weeks',
    ],
    [
      'provisional',
      cases([200, 283, 400, 566], [9, 9, 9, 9]),
      '↑ 42% on last week · doubling in ~2 weeks (provisional)',
    ],
    ['under two weeks', cases([10, 10, 10, 80], [10, 10, 10, 10]), '↑ 700% on last week · doubling in ~1.1 weeks'],
  ])('en: %s', (_label, weeks, want) => {
    expect(line(weeks, 'newCases', 'en')).toBe(want);
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
