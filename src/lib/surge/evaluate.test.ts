import { describe, expect, it } from 'vitest';
import {
  CRITERION_KEYS,
  evaluateSurge,
  PLANS,
  SurgeInputError,
  type Comparator,
  type Counts,
  type CriterionKey,
  type Plan,
  type SurgeLevel,
  type SurgeRule,
} from './index';

const none: Counts = { newCases: null, oxygenAvg7d: null, freeCovidBeds: null, staffedIcuBeds: null };
const counts = (p: Partial<Counts>): Counts => ({ ...none, ...p });
const field: Record<CriterionKey, keyof Counts> = {
  cases: 'newCases',
  oxygen: 'oxygenAvg7d',
  freeBeds: 'freeCovidBeds',
  icuBeds: 'staffedIcuBeds',
};
const metOf = (v: ReturnType<typeof evaluateSurge>, key: CriterionKey) => v.criteria.find((c) => c.key === key)?.met;
const withRule = (plan: Plan, rule: SurgeRule): Plan => ({ ...plan, rule });

/** What a comparator says about a value at, just under or just over its threshold. */
const EXPECTED: Record<Comparator, Record<'under' | 'at' | 'over', boolean>> = {
  '>': { under: false, at: false, over: true },
  '>=': { under: false, at: true, over: true },
  '<': { under: true, at: false, over: false },
  '<=': { under: true, at: true, over: false },
};

// Population 300,000: 1,350 cases = 450/100k; 96 on oxygen = 32/100k; 30 free beds = 10/100k; 12 ICU beds = 4/100k.
// "Just under/over" is the smallest step the figure allows: one case or bed (0.33/100k), 0.01 on oxygen (0.0033/100k).
const POP = 300_000;
const FIGURES: Record<CriterionKey, Record<'under' | 'at' | 'over', number>> = {
  cases: { under: 1_349, at: 1_350, over: 1_351 },
  oxygen: { under: 95.99, at: 96, over: 96.01 },
  freeBeds: { under: 29, at: 30, over: 31 },
  icuBeds: { under: 11, at: 12, over: 13 },
};

describe('each criterion at, just under and just over its threshold (population 300,000)', () => {
  const rows = (['default', 'kien-giang', 'lai-chau'] as const).flatMap((planKey) =>
    CRITERION_KEYS.flatMap((key) =>
      (['under', 'at', 'over'] as const).map((where) => {
        const { comparator, threshold } = PLANS[planKey].criteria[key];
        return {
          planKey,
          key,
          where,
          comparator,
          threshold,
          value: FIGURES[key][where],
          expected: EXPECTED[comparator][where],
        };
      }),
    ),
  );

  it.each(rows)(
    '$planKey $key $value ($where $comparator $threshold) → met $expected',
    ({ planKey, key, value, expected }) => {
      const v = evaluateSurge(counts({ [field[key]]: value }), POP, PLANS[planKey]);
      expect(metOf(v, key)).toBe(expected);
      for (const other of CRITERION_KEYS.filter((k) => k !== key)) expect(metOf(v, other)).toBeNull();
    },
  );

  it('covers 3 plans × 4 criteria × 3 positions', () => expect(rows).toHaveLength(36));
});

describe('the comparators of the plans', () => {
  it.each([
    ['default', '>=', '>=', '<=', '<'],
    ['kien-giang', '>', '>', '<', '<'],
    ['lai-chau', '>=', '>=', '<=', '<'],
  ] as const)('%s: cases %s 450, oxygen %s 32, free beds %s 10, ICU %s 4', (planKey, cases, oxygen, beds, icu) => {
    const c = PLANS[planKey].criteria;
    expect([c.cases, c.oxygen, c.freeBeds, c.icuBeds]).toEqual([
      { comparator: cases, threshold: 450 },
      { comparator: oxygen, threshold: 32 },
      { comparator: beds, threshold: 10 },
      { comparator: icu, threshold: 4 },
    ]);
  });

  // The same exact-threshold week, judged by the three plans: the strict and inclusive readings differ.
  it.each([
    ['default', 'surge', true, true, true, false],
    ['lai-chau', 'surge', true, true, true, false],
    ['kien-giang', 'normal', false, false, false, false],
  ] as const)('all four figures exactly on the threshold, %s → %s', (planKey, level, cases, oxygen, beds, icu) => {
    const v = evaluateSurge(
      { newCases: 1_350, oxygenAvg7d: 96, freeCovidBeds: 30, staffedIcuBeds: 12 },
      POP,
      PLANS[planKey],
    );
    expect(v.level).toBe(level);
    expect(v.provisional).toBe(false);
    expect(v.criteria.map((c) => c.met)).toEqual([cases, oxygen, beds, icu]);
  });
});

describe('oxygen with 2 decimals', () => {
  const plan3201 = (comparator: Comparator): Plan => ({
    ...PLANS.default,
    criteria: { ...PLANS.default.criteria, oxygen: { comparator, threshold: 32.01 } },
  });

  it.each([
    // 96.03 / 300,000 = 32.01 exactly; 96.02 and 96.04 are the neighbours (32.00667, 32.01333)
    ['>=', 96.03, true],
    ['>', 96.03, false],
    ['<=', 96.03, true],
    ['<', 96.03, false],
    ['>', 96.04, true],
    ['>=', 96.02, false],
    ['<', 96.02, true],
  ] as const)('threshold 32.01: oxygen %s … %s / 300,000 → met %s', (comparator, oxygen, expected) => {
    expect(metOf(evaluateSurge(counts({ oxygenAvg7d: oxygen }), POP, plan3201(comparator)), 'oxygen')).toBe(expected);
  });

  it.each([
    // 7-day averages as entered: 32.01/100k reached at 100,000 people, and 32.005 rounds (Math.round(x × 100)) to 32 or 32.01
    [32.01, 100_000, 'kien-giang', true],
    [32, 100_000, 'kien-giang', false],
    [32.004, 100_000, 'kien-giang', false],
    [32.006, 100_000, 'kien-giang', true],
    [31.99, 100_000, 'lai-chau', false],
    [32, 100_000, 'lai-chau', true],
  ] as const)('oxygen %s / %s with %s → met %s', (oxygen, population, planKey, expected) => {
    expect(metOf(evaluateSurge(counts({ oxygenAvg7d: oxygen }), population, PLANS[planKey]), 'oxygen')).toBe(expected);
  });
});

describe('rates are per 100,000 population of the unit, never raw counts', () => {
  it('reports the rate of each criterion', () => {
    const v = evaluateSurge(
      { newCases: 1_350, oxygenAvg7d: 96.03, freeCovidBeds: 30, staffedIcuBeds: 12 },
      POP,
      PLANS.default,
    );
    expect(v.criteria.map((c) => c.key)).toEqual(['cases', 'oxygen', 'freeBeds', 'icuBeds']);
    expect(v.criteria.map((c) => c.rate)).toEqual([450, 32.01, 10, 4]);
    expect(v.criteria.map((c) => [c.threshold, c.comparator])).toEqual([
      [450, '>='],
      [32, '>='],
      [10, '<='],
      [4, '<'],
    ]);
  });

  it.each([
    // the same 1,350 cases: an epidemic in 300,000 people, nothing in 3 million
    [1_350, 300_000, true],
    [1_350, 3_000_000, false],
    [13_500, 3_000_000, true],
  ])('%s cases in %s people → cases met %s', (newCases, population, expected) => {
    expect(metOf(evaluateSurge(counts({ newCases }), population, PLANS['lai-chau']), 'cases')).toBe(expected);
  });

  it('judges 20 free beds as plenty for 100,000 people and as a shortage for 1 million', () => {
    expect(metOf(evaluateSurge(counts({ freeCovidBeds: 20 }), 100_000, PLANS.default), 'freeBeds')).toBe(false);
    expect(metOf(evaluateSurge(counts({ freeCovidBeds: 20 }), 1_000_000, PLANS.default), 'freeBeds')).toBe(true);
  });
});

describe('scenario rules', () => {
  // Population 100,000: figures that meet (or not) the default plan's criteria.
  const MET = { newCases: 450, oxygenAvg7d: 32, freeCovidBeds: 10, staffedIcuBeds: 3 };
  const NOT = { newCases: 449, oxygenAvg7d: 31.99, freeCovidBeds: 11, staffedIcuBeds: 4 };
  const week = (cases: boolean, oxygen: boolean, beds: boolean, icu: boolean): Counts => ({
    newCases: (cases ? MET : NOT).newCases,
    oxygenAvg7d: (oxygen ? MET : NOT).oxygenAvg7d,
    freeCovidBeds: (beds ? MET : NOT).freeCovidBeds,
    staffedIcuBeds: (icu ? MET : NOT).staffedIcuBeds,
  });

  it.each([
    // cases, oxygen, beds, ICU
    [false, false, false, false, 'normal', 'normal', 'normal'],
    [true, false, false, false, 'warning', 'surge', 'warning'],
    [false, true, false, false, 'warning', 'surge', 'warning'],
    // capacity alone: no epidemic signal, normal (issue 13: beds are set up only when needed)
    [false, false, true, false, 'normal', 'surge', 'normal'],
    [false, false, false, true, 'normal', 'surge', 'normal'],
    [true, true, false, false, 'warning', 'surge', 'warning'],
    [false, false, true, true, 'normal', 'surge', 'normal'],
    [true, false, true, false, 'surge', 'surge', 'warning'],
    [true, false, false, true, 'surge', 'surge', 'warning'],
    [false, true, true, false, 'surge', 'surge', 'warning'],
    [false, true, false, true, 'surge', 'surge', 'warning'],
    [true, true, true, false, 'surge', 'surge', 'warning'],
    [true, true, false, true, 'surge', 'surge', 'warning'],
    [true, false, true, true, 'surge', 'surge', 'warning'],
    [false, true, true, true, 'surge', 'surge', 'warning'],
    [true, true, true, true, 'surge', 'surge', 'surge'],
  ] as const)(
    'cases %s, oxygen %s, beds %s, ICU %s → epidemic-and-capacity %s, any %s, all %s',
    (cases, oxygen, beds, icu, eac, any, all) => {
      const c = week(cases, oxygen, beds, icu);
      const levels = (['epidemic-and-capacity', 'any', 'all'] as const).map((rule) => {
        const v = evaluateSurge(c, 100_000, withRule(PLANS.default, rule));
        expect(v.criteria.map((x) => x.met)).toEqual([cases, oxygen, beds, icu]);
        expect(v.provisional).toBe(false);
        return v.level;
      });
      expect(levels).toEqual([eac, any, all]);
    },
  );

  it('uses epidemic-and-capacity for the three built-in plans', () => {
    expect(Object.values(PLANS).map((p) => p.rule)).toEqual([
      'epidemic-and-capacity',
      'epidemic-and-capacity',
      'epidemic-and-capacity',
    ]);
  });
});

describe('missing figures are unknown, not zero', () => {
  const lc = PLANS['lai-chau'];

  it.each<[string, Counts, Record<SurgeRule, SurgeLevel>, (boolean | null)[]]>([
    [
      'nothing reported',
      none,
      { 'epidemic-and-capacity': 'no-data', any: 'no-data', all: 'no-data' },
      [null, null, null, null],
    ],
    [
      'cases met, both capacity figures missing',
      counts({ newCases: 450, oxygenAvg7d: 0 }),
      { 'epidemic-and-capacity': 'warning', any: 'surge', all: 'warning' },
      [true, false, null, null],
    ],
    [
      'nothing met, some figures missing',
      counts({ newCases: 10, staffedIcuBeds: 50 }),
      { 'epidemic-and-capacity': 'normal', any: 'normal', all: 'normal' },
      [false, null, null, false],
    ],
    [
      'epidemic and capacity met, the rest missing',
      counts({ oxygenAvg7d: 40, freeCovidBeds: 0 }),
      { 'epidemic-and-capacity': 'surge', any: 'surge', all: 'warning' },
      [null, true, true, null],
    ],
    [
      'only ICU reported, met',
      counts({ staffedIcuBeds: 0 }),
      { 'epidemic-and-capacity': 'normal', any: 'surge', all: 'normal' },
      [null, null, null, true],
    ],
    [
      'zero is a figure: 0 free beds meet ≤ 10',
      counts({ newCases: 0, oxygenAvg7d: 0, freeCovidBeds: 0, staffedIcuBeds: 100 }),
      { 'epidemic-and-capacity': 'normal', any: 'surge', all: 'normal' },
      [false, false, true, false],
    ],
  ])('%s', (_, c, levels, met) => {
    for (const rule of ['epidemic-and-capacity', 'any', 'all'] as const) {
      const v = evaluateSurge(c, 100_000, withRule(lc, rule));
      expect(v.level).toBe(levels[rule]);
      expect(v.criteria.map((x) => x.met)).toEqual(met);
      expect(v.provisional).toBe(met.includes(null));
    }
  });

  it('gives a missing figure rate null and met null, and keeps the threshold', () => {
    const v = evaluateSurge(counts({ newCases: 900 }), 100_000, lc);
    expect(v.criteria[1]).toEqual({
      key: 'oxygen',
      rate: null,
      threshold: 32,
      comparator: '>=',
      met: null,
      settled: false,
    });
    expect(v.criteria[0]).toEqual({
      key: 'cases',
      rate: 900,
      threshold: 450,
      comparator: '>=',
      met: true,
      settled: true,
    });
  });

  it('is not provisional when all four figures are known', () => {
    expect(
      evaluateSurge({ newCases: 0, oxygenAvg7d: 0, freeCovidBeds: 500, staffedIcuBeds: 500 }, 100_000, lc),
    ).toEqual({
      level: 'normal',
      provisional: false,
      settled: true,
      criteria: [
        { key: 'cases', rate: 0, threshold: 450, comparator: '>=', met: false, settled: true },
        { key: 'oxygen', rate: 0, threshold: 32, comparator: '>=', met: false, settled: true },
        { key: 'freeBeds', rate: 500, threshold: 10, comparator: '<=', met: false, settled: true },
        { key: 'icuBeds', rate: 500, threshold: 4, comparator: '<', met: false, settled: true },
      ],
    });
  });

  it('returns plain JSON data', () => {
    const v = evaluateSurge(counts({ newCases: 1, oxygenAvg7d: 2.5 }), 7, PLANS.default);
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });
});

describe('bad input throws SurgeInputError naming the field, never a verdict', () => {
  const ok: Counts = { newCases: 10, oxygenAvg7d: 1.5, freeCovidBeds: 20, staffedIcuBeds: 3 };
  it.each<[string, Partial<Counts>, number]>([
    ['newCases', { newCases: -1 }, POP],
    ['newCases', { newCases: 1.5 }, POP],
    ['newCases', { newCases: Number.NaN }, POP],
    ['newCases', { newCases: Number.POSITIVE_INFINITY }, POP],
    ['newCases', { newCases: 2 ** 53 }, POP],
    ['newCases', { newCases: '12' as unknown as number }, POP],
    ['newCases', { newCases: undefined as unknown as null }, POP],
    ['oxygenAvg7d', { oxygenAvg7d: -0.01 }, POP],
    ['oxygenAvg7d', { oxygenAvg7d: Number.NaN }, POP],
    ['oxygenAvg7d', { oxygenAvg7d: Number.POSITIVE_INFINITY }, POP],
    ['oxygenAvg7d', { oxygenAvg7d: 1e14 }, POP],
    ['oxygenAvg7d', { oxygenAvg7d: '3' as unknown as number }, POP],
    ['freeCovidBeds', { freeCovidBeds: -3 }, POP],
    ['freeCovidBeds', { freeCovidBeds: 0.5 }, POP],
    ['staffedIcuBeds', { staffedIcuBeds: Number.NaN }, POP],
    ['staffedIcuBeds', { staffedIcuBeds: 2.25 }, POP],
    ['population', {}, 0],
    ['population', {}, -300_000],
    ['population', {}, 300_000.5],
    ['population', {}, Number.NaN],
    ['population', {}, Number.POSITIVE_INFINITY],
  ])('%s: %j, population %s', (name, change, population) => {
    const run = () => evaluateSurge({ ...ok, ...change }, population, PLANS.default);
    expect(run).toThrow(SurgeInputError);
    expect(run).toThrow(name);
    try {
      run();
    } catch (e) {
      expect((e as SurgeInputError).field).toBe(name);
      expect((e as SurgeInputError).name).toBe('SurgeInputError');
    }
  });

  it('rejects counts that are not an object', () => {
    expect(() => evaluateSurge(null as unknown as Counts, POP, PLANS.default)).toThrow(SurgeInputError);
  });

  const badPlan = (key: CriterionKey, change: object): Plan => ({
    ...PLANS.default,
    criteria: { ...PLANS.default.criteria, [key]: { ...PLANS.default.criteria[key], ...change } },
  });
  it.each<[string, Plan]>([
    ['plan.criteria.oxygen.threshold', badPlan('oxygen', { threshold: 32.005 })],
    ['plan.criteria.cases.threshold', badPlan('cases', { threshold: Number.NaN })],
    ['plan.criteria.freeBeds.threshold', badPlan('freeBeds', { threshold: -10 })],
    ['plan.criteria.icuBeds.threshold', badPlan('icuBeds', { threshold: Number.POSITIVE_INFINITY })],
    ['plan.criteria.cases.threshold', badPlan('cases', { threshold: '450' })],
    ['plan.criteria.icuBeds.comparator', badPlan('icuBeds', { comparator: '=<' })],
    ['plan.criteria.cases.comparator', badPlan('cases', { comparator: 'gte' })],
    ['plan.rule', { ...PLANS.default, rule: 'some' as SurgeRule }],
  ])('%s', (name, plan) => {
    // also when the figure concerned is missing: a bad plan never yields a verdict
    for (const c of [counts({ newCases: 1, oxygenAvg7d: 1, freeCovidBeds: 1, staffedIcuBeds: 1 }), none]) {
      const run = () => evaluateSurge(c, POP, plan);
      expect(run).toThrow(SurgeInputError);
      expect(run).toThrow(name);
    }
  });
});

describe('a malformed plan is reported as SurgeInputError too', () => {
  it.each<[string, unknown]>([
    ['plan.criteria.icuBeds', { ...PLANS.default, criteria: { ...PLANS.default.criteria, icuBeds: undefined } }],
    ['plan.criteria', { ...PLANS.default, criteria: undefined }],
    ['plan', null],
  ])('%s', (name, plan) => {
    const run = () => evaluateSurge(counts({ newCases: 1 }), POP, plan as Plan);
    expect(run).toThrow(SurgeInputError);
    expect(run).toThrow(name);
  });
});
