import { describe, expect, it } from 'vitest';
import { weekThursday } from '@/lib/epi-week';
import { EMPTY_FIGURES } from '@/lib/validations/figures';
import {
  farFromHistory,
  findHardIssues,
  median,
  recentValues,
  resolveUnit,
  SEVERITY_FLOOR_AFTER_ZERO,
  WARNED_FIELDS,
  weekOrdinal,
  type UnitInfo,
} from './checks';
import type { ReportInput } from './types';

const unit = (u: Partial<UnitInfo> & Pick<UnitInfo, 'id' | 'code' | 'kind'>): UnitInfo => ({
  gsoCode: u.code,
  name: `Unit ${u.code}`,
  provinceCode: '12',
  reports: true,
  validFrom: null,
  validTo: null,
  reportsFrom: null,
  ...u,
});
const units = [
  unit({ id: 1, code: '12', kind: 'province' }),
  unit({ id: 2, code: '105', kind: 'district' }),
  unit({ id: 3, code: '150', kind: 'district', reports: false }),
  unit({ id: 4, code: '899', kind: 'district', provinceCode: '91' }),
  // units in time: a district ended by the 2025 reform, a new commune, a continuing one, a facility
  unit({ id: 5, code: '106', name: 'Huyện Tam Đường', kind: 'district', validTo: '2025-06-30' }),
  unit({ id: 6, code: '03388', name: 'Phường Đoàn Kết', kind: 'commune', validFrom: '2025-07-01' }),
  unit({ id: 7, code: '03390', name: 'Xã Bình Lư', kind: 'commune', reportsFrom: '2025-07-01' }),
  unit({ id: 8, code: '12-TT1', kind: 'facility', validFrom: '2025-07-01' }),
  // a code held in turn: the old unit's handle carries its last day
  unit({
    id: 9,
    code: '91~20250630',
    gsoCode: '91',
    kind: 'province',
    provinceCode: '91~20250630',
    validTo: '2025-06-30',
  }),
  unit({ id: 10, code: '91', kind: 'province', provinceCode: '91', validFrom: '2025-07-01' }),
];
const current = { isoYear: 2026, isoWeek: 48 };
const input = (i: Partial<ReportInput>): ReportInput => ({
  unitCode: '105',
  week: { isoYear: 2026, isoWeek: 47 },
  version: 0,
  figures: EMPTY_FIGURES,
  ref: 0,
  ...i,
});
const W2024 = { isoYear: 2024, isoWeek: 10 };
const W2026 = { isoYear: 2026, isoWeek: 10 };

function issues(inputs: ReportInput[], opts: { stored?: boolean; admin?: boolean; formerOnly?: boolean } = {}) {
  return findHardIssues(inputs, {
    provinceCode: '12',
    current,
    unitOf: (i) => resolveUnit(units, i.unitCode, weekThursday(i.week)),
    // Lai Châu's weeks: districts before 1 July 2025, communes after
    systemOf: (w) => (weekThursday(w) >= '2025-07-01' ? 'commune' : 'district'),
    stored: () => (opts.stored ? { ...EMPTY_FIGURES, oxygenAvg7d: 4 } : undefined),
    mayEditFormer: opts.admin ?? false,
    formerOnly: opts.formerOnly,
  });
}
const codes = (list: ReturnType<typeof issues>) => list.map((x) => `${x.field}:${x.code}`);

describe('hard issues', () => {
  it.each([
    [input({ week: W2024 }), []],
    [input({ week: current }), []], // the current week may be entered
    [input({ week: { isoYear: 2026, isoWeek: 49 } }), ['isoWeek:futureWeek']],
    [input({ week: { isoYear: 2027, isoWeek: 1 } }), ['isoWeek:futureWeek']],
    [input({ unitCode: '899' }), ['unitCode:outsideProvince']],
    [input({ unitCode: '150' }), ['unitCode:notReportingUnit']],
    [input({ unitCode: 'nope' }), ['unitCode:badUnit']],
    [
      input({ unitCode: '12', week: W2024, figures: { ...EMPTY_FIGURES, newCases: 0 } }),
      ['newCases:casesOnProvinceRow'],
    ],
    [input({ unitCode: '12', figures: { ...EMPTY_FIGURES, newCases: 0 } }), ['newCases:casesOnProvinceRow']],
    [input({ unitCode: '12', week: W2024, figures: { ...EMPTY_FIGURES, oxygenAvg7d: 4 } }), []],
    // the commune system: the province row and facilities report beds, communes cases and oxygen
    [
      input({ unitCode: '12', week: W2026, figures: { ...EMPTY_FIGURES, oxygenAvg7d: 4 } }),
      ['oxygenAvg7d:figureNotReported'],
    ],
    [input({ unitCode: '12', week: W2026, figures: { ...EMPTY_FIGURES, freeCovidBeds: 4, totalIcuBeds: 2 } }), []],
    [input({ unitCode: '12-TT1', week: W2026, figures: { ...EMPTY_FIGURES, staffedIcuBeds: 1, deaths: 0 } }), []],
    [input({ unitCode: '03388', week: W2026, figures: { ...EMPTY_FIGURES, newCases: 3, oxygenAvg7d: 1.5 } }), []],
    [
      input({ unitCode: '03388', week: W2026, figures: { ...EMPTY_FIGURES, freeCovidBeds: 3, totalCovidBeds: 9 } }),
      ['freeCovidBeds:figureNotReported', 'totalCovidBeds:figureNotReported'],
    ],
    [input({ unitCode: '03388', week: W2026, figures: { ...EMPTY_FIGURES, severeCases: 2 } }), []], // severity: any row
    // validity: a new report outside it is refused
    [input({ unitCode: '106', week: W2026 }), ['unitCode:outsideValidity']],
    [input({ unitCode: '106', week: W2024 }), []],
    [input({ unitCode: '03388', week: W2024 }), ['unitCode:outsideValidity']],
    [input({ unitCode: '03390', week: W2024 }), ['unitCode:outsideValidity']],
    [input({ unitCode: '03390', week: W2026 }), []],
    [input({ unitCode: '12-TT1', week: W2024 }), ['unitCode:outsideValidity']],
  ])('%j', (i, expected) => {
    expect(codes(issues([i]))).toEqual(expected);
  });

  it('keeps a figure the role no longer reports as stored, and refuses a change of it', () => {
    const own = (oxygenAvg7d: number) =>
      input({ unitCode: '12', week: W2026, figures: { ...EMPTY_FIGURES, oxygenAvg7d, freeCovidBeds: 5 } });
    expect(codes(issues([own(4)], { stored: true }))).toEqual([]);
    expect(codes(issues([own(5)], { stored: true }))).toEqual(['oxygenAvg7d:figureNotReported']);
  });

  it('names the unit, the week and the validity when refusing a unit outside it', () => {
    const [ended] = issues([input({ unitCode: '106', week: W2026 })]);
    expect(ended!.params).toEqual({
      unit: 'Huyện Tam Đường',
      code: '106',
      week: '2026-W10',
      standing: 'ended',
      validity: 'đến 30/06/2025',
      validityEn: 'until 30/06/2025',
    });
    const [notYet] = issues([input({ unitCode: '03388', week: W2024 })]);
    expect(notYet!.params).toMatchObject({ standing: 'notYet', validity: 'từ 01/07/2025' });
    const [notReporting] = issues([input({ unitCode: '03390', week: W2024 })]);
    expect(notReporting!.params).toMatchObject({ standing: 'notReportingYet', validity: 'từ 01/07/2025' });
  });

  it('lets an administrator alone edit a report stored under a former unit', () => {
    const stored = input({ unitCode: '106', week: W2026, figures: { ...EMPTY_FIGURES, newCases: 4 } });
    expect(codes(issues([stored], { stored: true }))).toEqual(['unitCode:formerUnitAdminOnly']);
    expect(codes(issues([stored], { stored: true, admin: true }))).toEqual([]);
    expect(codes(issues([stored], { stored: true, admin: true, formerOnly: true }))).toEqual([]);
    // the administrators' save takes reports under former units only
    expect(codes(issues([input({ week: W2024 })], { admin: true, formerOnly: true }))).toEqual([
      'unitCode:notFormerUnit',
    ]);
  });

  it('resolves a GSO code with the week, and takes handles as they are', () => {
    expect(resolveUnit(units, '91', weekThursday(W2024))?.id).toBe(9);
    expect(resolveUnit(units, '91', weekThursday(W2026))?.id).toBe(10);
    expect(resolveUnit(units, '91~20250630', weekThursday(W2026))?.id).toBe(9);
    expect(resolveUnit(units, '106', weekThursday(W2026))?.id).toBe(5); // ended: named, to be refused
    expect(resolveUnit(units, '999', weekThursday(W2026))).toBeUndefined();
  });

  it('names the first row of a duplicate unit-week', () => {
    const found = issues([
      input({ ref: 4 }),
      input({ ref: 9 }),
      input({ ref: 11, week: { isoYear: 2026, isoWeek: 46 } }),
    ]);
    expect(found).toEqual([expect.objectContaining({ ref: 9, code: 'duplicateRow', value: 4 })]);
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
