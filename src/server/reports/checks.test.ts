import { describe, expect, it } from 'vitest';
import { EMPTY_FIGURES } from '@/lib/validations/figures';
import {
  farFromHistory,
  findHardIssues,
  median,
  recentValues,
  SEVERITY_FLOOR_AFTER_ZERO,
  WARNED_FIELDS,
  weekOrdinal,
  type UnitInfo,
} from './checks';
import type { ReportInput } from './types';

const units = new Map<string, UnitInfo>([
  ['12', { id: 1, code: '12', kind: 'province', provinceCode: '12', reports: true }],
  ['105', { id: 2, code: '105', kind: 'district', provinceCode: '12', reports: true }],
  ['150', { id: 3, code: '150', kind: 'district', provinceCode: '12', reports: false }],
  ['899', { id: 4, code: '899', kind: 'district', provinceCode: '91', reports: true }],
]);
const current = { isoYear: 2026, isoWeek: 48 };
const input = (i: Partial<ReportInput>): ReportInput => ({
  unitCode: '105',
  week: { isoYear: 2026, isoWeek: 47 },
  version: 0,
  figures: EMPTY_FIGURES,
  ref: 0,
  ...i,
});

describe('hard issues', () => {
  it.each([
    [input({}), []],
    [input({ week: current }), []], // the current week may be entered
    [input({ week: { isoYear: 2026, isoWeek: 49 } }), ['isoWeek:futureWeek']],
    [input({ week: { isoYear: 2027, isoWeek: 1 } }), ['isoWeek:futureWeek']],
    [input({ unitCode: '899' }), ['unitCode:outsideProvince']],
    [input({ unitCode: '150' }), ['unitCode:notReportingUnit']],
    [input({ unitCode: 'nope' }), ['unitCode:badUnit']],
    [input({ unitCode: '12', figures: { ...EMPTY_FIGURES, newCases: 0 } }), ['newCases:casesOnProvinceRow']],
    [input({ unitCode: '12', figures: { ...EMPTY_FIGURES, oxygenAvg7d: 4 } }), []],
  ])('%j', (i, expected) => {
    expect(findHardIssues([i], '12', units, current).map((x) => `${x.field}:${x.code}`)).toEqual(expected);
  });

  it('names the first row of a duplicate unit-week', () => {
    const issues = findHardIssues(
      [input({ ref: 4 }), input({ ref: 9 }), input({ ref: 11, week: { isoYear: 2026, isoWeek: 46 } })],
      '12',
      units,
      current,
    );
    expect(issues).toEqual([expect.objectContaining({ ref: 9, code: 'duplicateRow', value: 4 })]);
  });
});

describe('far from history', () => {
  it.each([
    [[1, 2, 3], 2],
    [[4, 1, 3, 2], 2.5],
    [[7], 7],
  ])('median of %j is %d', (values, m) => {
    expect(median(values)).toBe(m);
  });

  it.each([
    [100, [30, 32, 35, 31, 29, 33, 30, 34], 31.5], // over 3 times the median
    [9, [30, 32, 35, 31, 29, 33, 30, 34], 31.5], // under a third
    [90, [30, 32, 35, 31, 29, 33, 30, 34], null], // under 3 times
    [12, [30, 32, 35, 31, 29, 33, 30, 34], null], // over a third
    [100, [30, 32], null], // too little history
    [6, [1, 2, 1, 2], null], // small counts: 6 is 4 times the median 1.5 but only 4.5 more, under the absolute difference
    [10, [1, 2, 1, 2], 1.5],
    [5, [0, 0, 0, 0], null], // median zero: no ratio to judge
  ])('%d against %j -> %s', (value, history, expected) => {
    expect(farFromHistory(value, history)).toBe(expected);
  });

  // most districts report 0 deaths and admissions most weeks: after a median of 0 a severity figure is far from it from
  // the floor up; the judged figures keep their rule (never, after a median of 0)
  it.each([
    ['deaths', SEVERITY_FLOOR_AFTER_ZERO, [0, 0, 0, 0, 0, 0, 0, 0], 0],
    ['deaths', SEVERITY_FLOOR_AFTER_ZERO - 1, [0, 0, 0, 0, 0, 0, 0, 0], null], // under the floor (10)
    ['deaths', 12, [0, 1, 0, 0, 2], 0], // median 0 with some non-zero weeks
    ['newAdmissions', 25, [0, 0, 0], 0], // MIN_HISTORY reports are enough
    ['severeCases', 10, [0, 0, 0], 0],
    ['deaths', 40, [0, 0], null], // too little history
    ['deaths', 0, [0, 0, 0, 0], null],
    ['deaths', 11, [1, 0, 1, 1], 1], // median 1: the ratio rule as before
    ['deaths', 5, [1, 0, 1, 1], null], // ...with its difference of at least 5
    ['newCases', 500, [0, 0, 0, 0], null], // a judged figure: unchanged
    ['oxygenAvg7d', 50, [0, 0, 0, 0], null],
    [undefined, 50, [0, 0, 0, 0], null], // no field named: the judged rule
  ] as const)('%s = %d after %j -> %s', (field, value, history, expected) => {
    expect(farFromHistory(value, history, field)).toBe(expected);
  });

  it('takes the last 8 known values before the week, skipping unreported ones', () => {
    const entries = Array.from({ length: 12 }, (_, i) => ({
      ordinal: weekOrdinal({ isoYear: 2026, isoWeek: 30 + i }),
      figures: { ...EMPTY_FIGURES, newCases: i === 9 ? null : i },
    }));
    expect(recentValues(entries, weekOrdinal({ isoYear: 2026, isoWeek: 41 }), 'newCases')).toEqual([
      10, 8, 7, 6, 5, 4, 3, 2,
    ]);
  });

  it('checks the severity figures like the judged ones, and not the bed totals', () => {
    expect(WARNED_FIELDS).toEqual([
      'newCases',
      'oxygenAvg7d',
      'freeCovidBeds',
      'staffedIcuBeds',
      'severeCases',
      'newAdmissions',
      'deaths',
    ]);
    // a week without deaths reported is skipped, a 0 is a value
    const entries = [3, null, 0, 4, 2].map((deaths, i) => ({
      ordinal: weekOrdinal({ isoYear: 2026, isoWeek: 40 + i }),
      figures: { ...EMPTY_FIGURES, newCases: 100, deaths },
    }));
    const history = recentValues(entries, weekOrdinal({ isoYear: 2026, isoWeek: 45 }), 'deaths');
    expect(history).toEqual([2, 4, 0, 3]);
    expect(farFromHistory(40, history)).toBe(2.5);
  });
});
