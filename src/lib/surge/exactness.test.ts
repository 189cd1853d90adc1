import { describe, expect, it } from 'vitest';
import {
  aggregateCounts,
  evaluateSurge,
  PLANS,
  type Comparator,
  type Counts,
  type CriterionKey,
  type Plan,
} from './index';

// Inputs where floating-point rates put the value on the wrong side of the threshold, and proof that the engine
// judges them exactly (integer arithmetic: figure × 100,000 × 100 against threshold × 100 × population).

const none: Counts = { newCases: null, oxygenAvg7d: null, freeCovidBeds: null, staffedIcuBeds: null };
const counts = (p: Partial<Counts>): Counts => ({ ...none, ...p });
const metOf = (c: Counts, population: number, plan: Plan, key: CriterionKey) =>
  evaluateSurge(c, population, plan).criteria.find((x) => x.key === key)?.met;
const planWith = (key: CriterionKey, comparator: Comparator, threshold: number): Plan => ({
  ...PLANS.default,
  criteria: { ...PLANS.default.criteria, [key]: { comparator, threshold } },
});

/** The exact answer, in BigInt rational arithmetic: value/100 × 100,000 / population ⋚ threshold, value in hundredths. */
function exactly(hundredths: bigint, population: bigint, thresholdCents: bigint, comparator: Comparator): boolean {
  const left = hundredths * 100_000n; // × 100 on both sides: (value × 100) × 100,000 vs (threshold × 100) × population
  const right = thresholdCents * population;
  return comparator === '>'
    ? left > right
    : comparator === '>='
      ? left >= right
      : comparator === '<'
        ? left < right
        : left <= right;
}

describe('naive rate = count / population × 100,000 puts exact values on the wrong side', () => {
  it.each([
    // cases exactly 450 per 100,000, and the naive rate falls just under 450
    [450, 100_000],
    [459, 102_000],
    [9, 2_000],
    [495, 110_000],
  ])('%s cases in %s people is exactly 450/100k', (newCases, population) => {
    const naive = (newCases / population) * 100_000;
    expect(naive).toBeLessThan(450); // the trap: 449.99999999999994
    expect(exactly(BigInt(newCases * 100), BigInt(population), 45_000n, '>=')).toBe(true);
    expect(metOf(counts({ newCases }), population, PLANS['lai-chau'], 'cases')).toBe(true); // ≥ 450: met
    expect(metOf(counts({ newCases }), population, PLANS['kien-giang'], 'cases')).toBe(false); // > 450: not met
    expect(evaluateSurge(counts({ newCases }), population, PLANS.default).criteria[0]?.rate).toBe(450);
  });
});

describe('oxygen averages with decimals: naive oxygen × 100,000 / population is off by one ulp', () => {
  it.each([
    // oxygen, population, exact rate, naive rate
    [32.16, 100_500, 32, 31.999999999999996],
    [32.12, 100_375, 32, 31.999999999999996],
  ])('%s on oxygen in %s people is exactly 32/100k', (oxygen, population, exact, naive) => {
    expect((oxygen * 100_000) / population).toBe(naive);
    expect(naive).not.toBe(exact);
    expect(metOf(counts({ oxygenAvg7d: oxygen }), population, PLANS['lai-chau'], 'oxygen')).toBe(true); // ≥ 32
    expect(metOf(counts({ oxygenAvg7d: oxygen }), population, PLANS['kien-giang'], 'oxygen')).toBe(false); // > 32
  });

  it.each([
    [160.05, 500_000],
    [320.1, 1_000_000],
  ])('%s on oxygen in %s people is exactly 32.01/100k, naive says more', (oxygen, population) => {
    expect((oxygen * 100_000) / population).toBeGreaterThan(32.01); // 32.010000000000005
    expect(metOf(counts({ oxygenAvg7d: oxygen }), population, planWith('oxygen', '>', 32.01), 'oxygen')).toBe(false);
    expect(metOf(counts({ oxygenAvg7d: oxygen }), population, planWith('oxygen', '>=', 32.01), 'oxygen')).toBe(true);
    expect(metOf(counts({ oxygenAvg7d: oxygen }), population, planWith('oxygen', '<', 32.01), 'oxygen')).toBe(false);
    expect(metOf(counts({ oxygenAvg7d: oxygen }), population, planWith('oxygen', '<=', 32.01), 'oxygen')).toBe(true);
  });

  it('96.03 on oxygen in 300,000 people (32.01/100k): naive division order flips it too', () => {
    expect((96.03 / 300_000) * 100_000).toBeGreaterThan(32.01);
    expect(metOf(counts({ oxygenAvg7d: 96.03 }), 300_000, planWith('oxygen', '>', 32.01), 'oxygen')).toBe(false);
  });

  it('sums district oxygen averages in hundredths: 10.1 + 10.2 + 11.7 is 32, not 31.999999999999996', () => {
    const rows = [10.1, 10.2, 11.7].map((oxygenAvg7d) => counts({ oxygenAvg7d }));
    expect(10.1 + 10.2 + 11.7).toBe(31.999999999999996); // the trap
    const total = aggregateCounts(rows);
    expect(total.oxygenAvg7d).toBe(32);
    expect(metOf(total, 100_000, PLANS['lai-chau'], 'oxygen')).toBe(true);
    expect(metOf(total, 100_000, PLANS['kien-giang'], 'oxygen')).toBe(false);
  });
});

describe('products beyond Number.MAX_SAFE_INTEGER are judged exactly (BigInt fallback)', () => {
  // Cases judged against a 32.01 threshold in an (absurd) population of trillions: both products exceed 2^53 and the
  // double comparison says "equal" where the exact values differ.
  it.each([
    [1_234_568_798, 3_856_822_236_801, '>=', false], // rate just below 32.01; doubles say equal → would be met
    [1_234_568_798, 3_856_822_236_801, '<', true],
    [1_234_570_567, 3_856_827_763_199, '>', true], // rate just above 32.01; doubles say equal → would not be met
    [1_234_570_567, 3_856_827_763_199, '<=', false],
  ] as const)('%s cases in %s people, %s 32.01 → %s', (newCases, population, comparator, expected) => {
    expect(newCases * 10_000_000).toBe(3201 * population); // the doubles tie
    expect(exactly(BigInt(newCases) * 100n, BigInt(population), 3201n, comparator)).toBe(expected);
    expect(metOf(counts({ newCases }), population, planWith('cases', comparator, 32.01), 'cases')).toBe(expected);
  });

  it('keeps realistic extremes on the fast path and exact: 10 million cases in 150 million people', () => {
    expect(10_000_000 * 10_000_000).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
    expect(45_000 * 150_000_000).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
    // 675,000 cases in 150,000,000 people = 450/100k exactly
    expect(metOf(counts({ newCases: 675_000 }), 150_000_000, PLANS['lai-chau'], 'cases')).toBe(true);
    expect(metOf(counts({ newCases: 674_999 }), 150_000_000, PLANS['lai-chau'], 'cases')).toBe(false);
    expect(metOf(counts({ newCases: 675_000 }), 150_000_000, PLANS['kien-giang'], 'cases')).toBe(false);
    expect(metOf(counts({ oxygenAvg7d: 48_000 }), 150_000_000, PLANS['lai-chau'], 'oxygen')).toBe(true);
    expect(metOf(counts({ oxygenAvg7d: 47_999.99 }), 150_000_000, PLANS['lai-chau'], 'oxygen')).toBe(false);
    expect(metOf(counts({ newCases: 10_000_000 }), 150_000_000, PLANS['lai-chau'], 'cases')).toBe(true);
  });

  it('judges the largest threshold the database can hold (Decimal(12, 2))', () => {
    const plan = planWith('freeBeds', '<', 9_999_999_999.99);
    expect(metOf(counts({ freeCovidBeds: 1_000_000 }), 150_000_000, plan, 'freeBeds')).toBe(true);
  });
});

describe('exhaustive check around each threshold agrees with BigInt, where naive division often does not', () => {
  it('cases, beds and ICU, populations 1…2,000 and 99,000…101,000, counts around the threshold', () => {
    let checked = 0;
    let naiveWrong = 0;
    const populations = [
      ...Array.from({ length: 2_000 }, (_, i) => i + 1),
      ...Array.from({ length: 2_001 }, (_, i) => 99_000 + i),
    ];
    for (const [key, field, plan] of [
      ['cases', 'newCases', PLANS['lai-chau']],
      ['cases', 'newCases', PLANS['kien-giang']],
      ['freeBeds', 'freeCovidBeds', PLANS['lai-chau']],
      ['freeBeds', 'freeCovidBeds', PLANS['kien-giang']],
      ['icuBeds', 'staffedIcuBeds', PLANS.default],
    ] as const) {
      const { comparator, threshold } = plan.criteria[key];
      for (const population of populations) {
        const around = Math.round((threshold * population) / 100_000);
        for (let n = Math.max(0, around - 1); n <= around + 1; n++) {
          const expected = exactly(BigInt(n) * 100n, BigInt(population), BigInt(threshold * 100), comparator);
          if (metOf(counts({ [field]: n }), population, plan, key) !== expected)
            throw new Error(`${key} ${n}/${population}`);
          const naive = (n / population) * 100_000;
          const naiveMet =
            comparator === '>'
              ? naive > threshold
              : comparator === '>='
                ? naive >= threshold
                : comparator === '<'
                  ? naive < threshold
                  : naive <= threshold;
          if (naiveMet !== expected) naiveWrong++;
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50_000);
    expect(naiveWrong).toBeGreaterThan(0); // the naive formula is wrong somewhere in this range; the engine nowhere
  });
});
