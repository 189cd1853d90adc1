import { describe, expect, it } from 'vitest';
import { CAPACITY_CRITERIA, evaluateDistrict, evaluateSurge, PLANS, SurgeInputError, type Counts } from './index';

const none: Counts = { newCases: null, oxygenAvg7d: null, freeCovidBeds: null, staffedIcuBeds: null };
const counts = (p: Partial<Counts>): Counts => ({ ...none, ...p });

// District of 100,000 people. Only the epidemic criteria (cases, oxygen) are judged at district level; capacity is
// province-wide in the plans ("trên địa bàn cấp tỉnh") and is returned for information only.
describe('evaluateDistrict', () => {
  it.each<[string, Counts, string, string, boolean, (boolean | null)[]]>([
    ['cases met', counts({ newCases: 450, oxygenAvg7d: 0 }), 'lai-chau', 'warning', false, [true, false, null, null]],
    ['oxygen met', counts({ newCases: 0, oxygenAvg7d: 32 }), 'lai-chau', 'warning', false, [false, true, null, null]],
    [
      'strict plan at the threshold',
      counts({ newCases: 450, oxygenAvg7d: 32 }),
      'kien-giang',
      'normal',
      false,
      [false, false, null, null],
    ],
    [
      'nothing met',
      counts({ newCases: 449, oxygenAvg7d: 31.99 }),
      'default',
      'normal',
      false,
      [false, false, null, null],
    ],
    [
      'epidemic met and capacity exhausted: still warning, never surge',
      counts({ newCases: 5_000, oxygenAvg7d: 500, freeCovidBeds: 0, staffedIcuBeds: 0 }),
      'default',
      'warning',
      false,
      [true, true, null, null],
    ],
    [
      'capacity alone decides nothing',
      counts({ newCases: 1, oxygenAvg7d: 1, freeCovidBeds: 0, staffedIcuBeds: 0 }),
      'default',
      'normal',
      false,
      [false, false, null, null],
    ],
    ['oxygen missing: provisional', counts({ newCases: 10 }), 'default', 'normal', true, [false, null, null, null]],
    ['cases met, oxygen missing', counts({ newCases: 900 }), 'default', 'warning', true, [true, null, null, null]],
    [
      'no epidemic figure: no-data, even with beds',
      counts({ freeCovidBeds: 3, staffedIcuBeds: 1 }),
      'default',
      'no-data',
      true,
      [null, null, null, null],
    ],
    ['nothing at all', none, 'default', 'no-data', true, [null, null, null, null]],
  ])('%s', (_, c, planKey, level, provisional, met) => {
    const v = evaluateDistrict(c, 100_000, PLANS[planKey as keyof typeof PLANS]);
    expect(v.level).toBe(level);
    expect(v.provisional).toBe(provisional);
    expect(v.criteria.map((x) => x.met)).toEqual(met);
    expect(v.informationOnly).toEqual(CAPACITY_CRITERIA);
  });

  it('reports the capacity rates for information, with thresholds', () => {
    const v = evaluateDistrict(
      counts({ newCases: 0, oxygenAvg7d: 0, freeCovidBeds: 7, staffedIcuBeds: 2 }),
      100_000,
      PLANS['lai-chau'],
    );
    expect(v.criteria.slice(2)).toEqual([
      { key: 'freeBeds', rate: 7, threshold: 10, comparator: '<=', met: null, settled: false },
      { key: 'icuBeds', rate: 2, threshold: 4, comparator: '<', met: null, settled: false },
    ]);
  });

  it('judges the epidemic criteria exactly as evaluateSurge does', () => {
    for (const newCases of [0, 449, 450, 451, 10_000]) {
      for (const oxygenAvg7d of [0, 31.99, 32, 32.01]) {
        const c = counts({ newCases, oxygenAvg7d, freeCovidBeds: 5 });
        for (const plan of Object.values(PLANS)) {
          expect(evaluateDistrict(c, 100_000, plan).criteria.slice(0, 2)).toEqual(
            evaluateSurge(c, 100_000, plan).criteria.slice(0, 2),
          );
        }
      }
    }
  });

  it('throws SurgeInputError on bad input, naming the field', () => {
    expect(() => evaluateDistrict(counts({ staffedIcuBeds: -1 }), 100_000, PLANS.default)).toThrow('staffedIcuBeds');
    expect(() => evaluateDistrict(none, 0, PLANS.default)).toThrow(SurgeInputError);
    expect(() => evaluateDistrict(none, 100_000, { ...PLANS.default, rule: 'x' as never })).toThrow('plan.rule');
  });
});
