import { describe, expect, it } from 'vitest';
import { aggregateCounts, evaluateProvinceWeek, hasAnyFigure, PLANS, SurgeInputError, type Counts } from './index';

const none: Counts = { newCases: null, oxygenAvg7d: null, freeCovidBeds: null, staffedIcuBeds: null };
const counts = (p: Partial<Counts>): Counts => ({ ...none, ...p });

describe('aggregateCounts', () => {
  it.each<[string, Counts[], Counts]>([
    ['no rows', [], none],
    ['one row', [counts({ newCases: 5, oxygenAvg7d: 1.25 })], counts({ newCases: 5, oxygenAvg7d: 1.25 })],
    [
      'sums reported values field by field; null only where no row reported',
      [
        counts({ newCases: 10, freeCovidBeds: 3 }),
        counts({ newCases: 5, oxygenAvg7d: 2.5 }),
        counts({ freeCovidBeds: 0 }),
      ],
      { newCases: 15, oxygenAvg7d: 2.5, freeCovidBeds: 3, staffedIcuBeds: null },
    ],
    ['rows that report nothing', [none, none], none],
    ['zeros are figures', [counts({ staffedIcuBeds: 0 }), none], counts({ staffedIcuBeds: 0 })],
    [
      'oxygen summed in hundredths',
      [counts({ oxygenAvg7d: 0.1 }), counts({ oxygenAvg7d: 0.2 }), counts({ oxygenAvg7d: 31.7 })],
      counts({ oxygenAvg7d: 32 }),
    ],
    [
      'oxygen rounded to 2 decimals per row before summing',
      [counts({ oxygenAvg7d: 1.004 }), counts({ oxygenAvg7d: 1.006 })],
      counts({ oxygenAvg7d: 2.01 }),
    ],
  ])('%s', (_, rows, expected) => {
    expect(aggregateCounts(rows)).toEqual(expected);
  });

  it('names the row and field of a bad figure', () => {
    const run = () => aggregateCounts([counts({ newCases: 1 }), counts({ freeCovidBeds: -2 })]);
    expect(run).toThrow(SurgeInputError);
    expect(run).toThrow('rows[1].freeCovidBeds');
  });

  it('does not modify its input', () => {
    const rows = [counts({ newCases: 1 }), counts({ newCases: 2 })];
    const copy = structuredClone(rows);
    aggregateCounts(rows);
    expect(rows).toEqual(copy);
  });
});

describe('hasAnyFigure', () => {
  it.each([
    [null, false],
    [none, false],
    [counts({ newCases: 0 }), true],
    [counts({ oxygenAvg7d: 0 }), true],
    [counts({ staffedIcuBeds: 4 }), true],
  ])('%j → %s', (row, expected) => expect(hasAnyFigure(row)).toBe(expected));
});

describe('evaluateProvinceWeek', () => {
  // A province of 1,000,000 people with 3 districts: 4,500 cases = 450/100k, 320 on oxygen = 32/100k,
  // 100 free beds = 10/100k, 40 ICU beds = 4/100k.
  const plan = PLANS['lai-chau'];
  const population = 1_000_000;

  it('sums the province row and its districts and judges the sum', () => {
    const week = evaluateProvinceWeek({
      ownRow: counts({ newCases: 500, oxygenAvg7d: 100.5, freeCovidBeds: 60, staffedIcuBeds: 30 }),
      districtRows: [
        counts({ newCases: 2_000, oxygenAvg7d: 100.25, freeCovidBeds: 20, staffedIcuBeds: 0 }),
        counts({ newCases: 1_000, oxygenAvg7d: 60.25, freeCovidBeds: 10, staffedIcuBeds: 5 }),
        counts({ newCases: 1_000, oxygenAvg7d: 59, freeCovidBeds: 10, staffedIcuBeds: 4 }),
      ],
      expectedDistricts: 3,
      population,
      plan,
    });
    expect(week.counts).toEqual({ newCases: 4_500, oxygenAvg7d: 320, freeCovidBeds: 100, staffedIcuBeds: 39 });
    expect(week.verdict.level).toBe('surge');
    expect(week.verdict.provisional).toBe(false);
    expect(week.verdict.criteria.map((c) => c.met)).toEqual([true, true, true, true]);
    expect(week.completeness).toEqual({
      reported: 4,
      expected: 4,
      ratio: 1,
      byField: { newCases: 4, oxygenAvg7d: 4, freeCovidBeds: 4, staffedIcuBeds: 4 },
      // the province's own row is not expected to report new cases
      expectedByField: { newCases: 3, oxygenAvg7d: 4, freeCovidBeds: 4, staffedIcuBeds: 4 },
    });
    expect(week.verdict.settled).toBe(true);
  });

  it('is provisional when a unit has not reported, even if every figure is known', () => {
    const week = evaluateProvinceWeek({
      ownRow: counts({ newCases: 10, oxygenAvg7d: 1, freeCovidBeds: 500, staffedIcuBeds: 100 }),
      districtRows: [counts({ newCases: 3 }), null, none],
      expectedDistricts: 4,
      population,
      plan,
    });
    expect(week.completeness).toEqual({
      reported: 2,
      expected: 5,
      ratio: 0.4,
      byField: { newCases: 2, oxygenAvg7d: 1, freeCovidBeds: 1, staffedIcuBeds: 1 },
      expectedByField: { newCases: 4, oxygenAvg7d: 5, freeCovidBeds: 5, staffedIcuBeds: 5 },
    });
    expect(week.counts).toEqual({ newCases: 13, oxygenAvg7d: 1, freeCovidBeds: 500, staffedIcuBeds: 100 });
    expect(week.verdict.level).toBe('normal');
    expect(week.verdict.criteria.every((c) => c.met !== null)).toBe(true);
    expect(week.verdict.provisional).toBe(true);
    // the missing districts could still bring cases and oxygen over the threshold; beds and ICU can only grow
    expect(week.verdict.criteria.map((c) => c.settled)).toEqual([false, false, true, true]);
    expect(week.verdict.settled).toBe(false);
  });

  it.each([
    ['no row at all', undefined, [], 0, 2, 'no-data'],
    ['only the province row', counts({ newCases: 1 }), [], 1, 3, 'normal'],
    ['only districts', null, [counts({ newCases: 5_000 })], 1, 3, 'warning'],
    ['rows without any figure do not count', none, [none, none], 0, 3, 'no-data'],
  ] as const)('%s', (_, ownRow, districtRows, reported, expected, level) => {
    const week = evaluateProvinceWeek({ ownRow, districtRows, expectedDistricts: expected - 1, population, plan });
    expect(week.completeness.reported).toBe(reported);
    expect(week.completeness.expected).toBe(expected);
    expect(week.completeness.ratio).toBe(reported / expected);
    expect(week.verdict.level).toBe(level);
    expect(week.verdict.provisional).toBe(true);
  });

  it('judges a province without districts on its own row', () => {
    const week = evaluateProvinceWeek({
      ownRow: counts({ newCases: 0, oxygenAvg7d: 0, freeCovidBeds: 0, staffedIcuBeds: 0 }),
      districtRows: [],
      expectedDistricts: 0,
      population,
      plan,
    });
    expect(week.completeness.ratio).toBe(1);
    // 0 free beds and 0 ICU beds with no cases: capacity criteria met, no epidemic signal, normal (issue 13)
    expect(week.verdict).toMatchObject({ level: 'normal', provisional: false, settled: true });
    expect(week.verdict.criteria.map((c) => c.met)).toEqual([false, false, true, true]);
  });

  it.each([
    ['districtRows', { districtRows: [none, none, none], expectedDistricts: 2 }],
    ['expectedDistricts', { expectedDistricts: -1 }],
    ['expectedDistricts', { expectedDistricts: 2.5 }],
    ['population', { population: 0 }],
    ['districtRows[1].newCases', { districtRows: [none, counts({ newCases: -1 })] }],
    ['ownRow.oxygenAvg7d', { ownRow: counts({ oxygenAvg7d: Number.NaN }) }],
  ] as const)('throws SurgeInputError naming %s', (name, change) => {
    const run = () =>
      evaluateProvinceWeek({ ownRow: null, districtRows: [], expectedDistricts: 3, population, plan, ...change });
    expect(run).toThrow(SurgeInputError);
    expect(run).toThrow(name);
  });
});
