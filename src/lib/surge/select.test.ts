import { describe, expect, it } from 'vitest';
import { PLANS, selectPlan, selectPopulation, SurgeInputError, type Plan } from './index';

const version = (base: Plan, v: number, validFrom: string, key = `${base.key}-v${v}`): Plan => ({
  ...base,
  key,
  version: v,
  validFrom,
});

describe('selectPlan', () => {
  const kg2 = version(PLANS['kien-giang'], 2, '2024-03-04');
  const kg3 = version(PLANS['kien-giang'], 3, '2024-03-04');
  const lc2 = version(PLANS['lai-chau'], 2, '2025-01-06');
  const plans: Plan[] = [PLANS['lai-chau'], kg3, PLANS['kien-giang'], kg2, lc2, PLANS.default];

  it.each([
    // Kiên Giang ('91'): draft dated November 2023 (validFrom 2023-11-01)
    ['91', '2023-10-30', 'default', 'week before the draft: the default plan'],
    ['91', '2023-11-01', 'kien-giang', 'on validFrom'],
    ['91', '2023-11-06', 'kien-giang', 'the week after'],
    ['91', '2024-02-26', 'kien-giang', 'the week before version 2/3'],
    ['91', '2024-03-04', 'kien-giang-v3', 'two versions valid from the same day: the highest version'],
    ['91', '2030-01-07', 'kien-giang-v3', 'long after'],
    // Lai Châu ('12'): plan of December 2023 (validFrom 2023-12-01)
    ['12', '2023-11-27', 'default', 'the week of 27 Nov 2023 starts before 1 Dec'],
    ['12', '2023-12-04', 'lai-chau', 'first Monday in force'],
    ['12', '2024-12-30', 'lai-chau', 'before version 2'],
    ['12', '2025-01-06', 'lai-chau-v2', 'version 2'],
    // other provinces
    ['01', '2024-01-01', 'default', 'a province without a plan'],
    [null, '2024-01-01', 'default', 'no province code'],
  ] as const)('province %s, week of %s → %s (%s)', (code, monday, key, _why) => {
    expect(selectPlan(plans, code, monday).key).toBe(key);
  });

  it('does not depend on the order of the list', () => {
    expect(selectPlan([...plans].reverse(), '91', '2024-03-04').key).toBe('kien-giang-v3');
  });

  it('uses a stored default plan (provinceCode null) when one is in force, else the built-in default', () => {
    const default2 = version(PLANS.default, 2, '2024-06-03', 'default-v2');
    expect(selectPlan([default2], '01', '2024-05-27')).toBe(PLANS.default);
    expect(selectPlan([default2], '01', '2024-06-03').key).toBe('default-v2');
    expect(selectPlan([default2, PLANS['lai-chau']], '12', '2024-06-03').key).toBe('lai-chau');
    expect(selectPlan([], '12', '2024-06-03')).toBe(PLANS.default);
  });

  it.each(['2024-13-01', '2024-02-30', '04/03/2024', '', '2024-3-4'])('throws on a malformed date %j', (bad) => {
    expect(() => selectPlan(plans, '91', bad)).toThrow(SurgeInputError);
    expect(() => selectPlan(plans, '91', bad)).toThrow('weekMonday');
  });
});

describe('selectPopulation', () => {
  const figures = [
    { year: 2021, population: 1_751_000 },
    { year: 2023, population: 1_780_000 },
    { year: 2022, population: 1_765_000 },
  ];

  it.each([
    [2023, 2023],
    [2024, 2023], // the latest year not after the week's year
    [2030, 2023],
    [2022, 2022],
    [2021, 2021],
  ])('ISO year %s → the figure of %s', (isoYear, year) => {
    expect(selectPopulation(figures, isoYear)?.year).toBe(year);
  });

  it('returns the figure itself (year and population)', () => {
    expect(selectPopulation(figures, 2024)).toEqual({ year: 2023, population: 1_780_000 });
  });

  it('returns null when every figure is for a later year, or there is none', () => {
    expect(selectPopulation(figures, 2020)).toBeNull();
    expect(selectPopulation([], 2024)).toBeNull();
  });

  it.each([
    [
      'figures[1].population',
      [
        { year: 2022, population: 10 },
        { year: 2023, population: 0 },
      ],
      2024,
    ],
    ['figures[0].population', [{ year: 2022, population: 1.5 }], 2024],
    ['figures[0].year', [{ year: 2022.5, population: 10 }], 2024],
    [
      'figures[1].year',
      [
        { year: 2022, population: 10 },
        { year: 2022, population: 11 },
      ],
      2024,
    ],
    ['isoYear', [{ year: 2022, population: 10 }], Number.NaN],
  ])('throws SurgeInputError naming %s', (name, list, isoYear) => {
    expect(() => selectPopulation(list, isoYear)).toThrow(SurgeInputError);
    expect(() => selectPopulation(list, isoYear)).toThrow(name);
  });
});
