import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateSurge, PLANS, type Comparator, type Counts, type Plan, type SurgeRule } from './index';

const planArb: fc.Arbitrary<Plan> = fc
  .tuple(
    fc.constantFrom(PLANS.default, PLANS['kien-giang'], PLANS['lai-chau']),
    fc.constantFrom<SurgeRule>('epidemic-and-capacity', 'any', 'all'),
  )
  .map(([plan, rule]) => ({ ...plan, rule }));

const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { freq: 5, nil: null });

/** Figures in realistic ranges; oxygen as a whole number of hundredths, to be scaled exactly. */
const weekArb = fc.record({
  newCases: maybe(fc.nat({ max: 1_000_000 })),
  oxygenCents: maybe(fc.nat({ max: 10_000_000 })),
  freeCovidBeds: maybe(fc.nat({ max: 100_000 })),
  staffedIcuBeds: maybe(fc.nat({ max: 20_000 })),
  population: fc.integer({ min: 1, max: 150_000_000 }),
});

/** Weeks close to the thresholds, where exactness matters: rates of 0…2 × the threshold in a population of 1…1M. */
const nearArb = fc.integer({ min: 1, max: 1_000_000 }).chain((population) => {
  const around = (perHundredK: number, unit: number) =>
    fc.integer({ min: 0, max: Math.ceil((2 * perHundredK * population) / 100_000 / unit) + 2 });
  return fc.record({
    newCases: maybe(around(450, 1)),
    oxygenCents: maybe(around(3_200, 1)),
    freeCovidBeds: maybe(around(10, 1)),
    staffedIcuBeds: maybe(around(4, 1)),
    population: fc.constant(population),
  });
});

type Week = {
  newCases: number | null;
  oxygenCents: number | null;
  freeCovidBeds: number | null;
  staffedIcuBeds: number | null;
  population: number;
};

function scaled(w: Week, k: number): { counts: Counts; population: number } {
  return {
    counts: {
      newCases: w.newCases === null ? null : w.newCases * k,
      oxygenAvg7d: w.oxygenCents === null ? null : (w.oxygenCents * k) / 100,
      freeCovidBeds: w.freeCovidBeds === null ? null : w.freeCovidBeds * k,
      staffedIcuBeds: w.staffedIcuBeds === null ? null : w.staffedIcuBeds * k,
    },
    population: w.population * k,
  };
}

const summary = (counts: Counts, population: number, plan: Plan) => {
  const v = evaluateSurge(counts, population, plan);
  return { level: v.level, provisional: v.provisional, met: v.criteria.map((c) => c.met) };
};

describe('properties', () => {
  it('the verdict never changes when counts and population are scaled by the same integer k', () => {
    fc.assert(
      fc.property(fc.oneof(weekArb, nearArb), fc.integer({ min: 2, max: 1_000 }), planArb, (w, k, plan) => {
        const one = scaled(w, 1);
        const many = scaled(w, k);
        expect(summary(many.counts, many.population, plan)).toEqual(summary(one.counts, one.population, plan));
      }),
      { numRuns: 3_000 },
    );
  });

  it('every criterion agrees with an exact BigInt reference, for any 2-decimal threshold and comparator', () => {
    const exact = (hundredths: bigint, population: bigint, cents: bigint, c: Comparator) => {
      const l = hundredths * 100_000n;
      const r = cents * population;
      return c === '>' ? l > r : c === '>=' ? l >= r : c === '<' ? l < r : l <= r;
    };
    fc.assert(
      fc.property(
        nearArb,
        fc.integer({ min: 0, max: 100_000 }), // threshold in hundredths: 0 … 1,000.00
        fc.constantFrom<Comparator>('>', '>=', '<', '<='),
        (w, cents, comparator) => {
          const criterion = { comparator, threshold: cents / 100 };
          const plan: Plan = {
            ...PLANS.default,
            criteria: { cases: criterion, oxygen: criterion, freeBeds: criterion, icuBeds: criterion },
          };
          const { counts, population } = scaled(w, 1);
          const v = evaluateSurge(counts, population, plan);
          const units = [
            w.newCases === null ? null : w.newCases * 100,
            w.oxygenCents,
            w.freeCovidBeds === null ? null : w.freeCovidBeds * 100,
            w.staffedIcuBeds === null ? null : w.staffedIcuBeds * 100,
          ];
          units.forEach((u, i) => {
            expect(v.criteria[i]?.met).toBe(
              u === null ? null : exact(BigInt(u), BigInt(population), BigInt(cents), comparator),
            );
          });
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('figures exactly on (and one step either side of) random 2-decimal thresholds agree with the BigInt reference', () => {
    const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
    const exact = (hundredths: bigint, population: bigint, cents: bigint, c: Comparator) => {
      const l = hundredths * 100_000n;
      const r = cents * population;
      return c === '>' ? l > r : c === '>=' ? l >= r : c === '<' ? l < r : l <= r;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }), // threshold in hundredths
        fc.integer({ min: 1, max: 2_000 }),
        fc.integer({ min: -1, max: 1 }),
        fc.constantFrom('newCases', 'oxygenAvg7d', 'freeCovidBeds', 'staffedIcuBeds') as fc.Arbitrary<keyof Counts>,
        fc.constantFrom<Comparator>('>', '>=', '<', '<='),
        (cents, t, delta, field, comparator) => {
          // rate = threshold exactly: figure × (1e7, or 1e5 for oxygen hundredths) = cents × population
          const scale = field === 'oxygenAvg7d' ? 100_000 : 10_000_000;
          const g = gcd(cents, scale);
          const population = (scale / g) * t;
          const units = Math.max(0, (cents / g) * t + delta); // a whole figure, or oxygen in hundredths
          const value = field === 'oxygenAvg7d' ? units / 100 : units;
          const criterion = { comparator, threshold: cents / 100 };
          const plan: Plan = {
            ...PLANS.default,
            criteria: { cases: criterion, oxygen: criterion, freeBeds: criterion, icuBeds: criterion },
          };
          const counts: Counts = {
            newCases: null,
            oxygenAvg7d: null,
            freeCovidBeds: null,
            staffedIcuBeds: null,
            [field]: value,
          };
          const v = evaluateSurge(counts, population, plan);
          const hundredths = field === 'oxygenAvg7d' ? units : units * 100;
          const met = v.criteria.find((c) => c.met !== null)?.met;
          expect(met).toBe(exact(BigInt(hundredths), BigInt(population), BigInt(cents), comparator));
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('more cases or oxygen never lowers the level; more free beds or ICU beds never raises it', () => {
    const rank = { 'no-data': 0, normal: 0, warning: 1, surge: 2 } as const;
    fc.assert(
      fc.property(
        weekArb.filter((w) => Object.values(w).every((x) => x !== null)),
        fc.nat({ max: 100_000 }),
        planArb,
        (w, extra, plan) => {
          const base = scaled(w, 1);
          const level = (c: Counts) => rank[evaluateSurge(c, base.population, plan).level];
          const l0 = level(base.counts);
          const c = base.counts;
          expect(level({ ...c, newCases: (c.newCases ?? 0) + extra })).toBeGreaterThanOrEqual(l0);
          expect(level({ ...c, oxygenAvg7d: (c.oxygenAvg7d ?? 0) + extra })).toBeGreaterThanOrEqual(l0);
          expect(level({ ...c, freeCovidBeds: (c.freeCovidBeds ?? 0) + extra })).toBeLessThanOrEqual(l0);
          expect(level({ ...c, staffedIcuBeds: (c.staffedIcuBeds ?? 0) + extra })).toBeLessThanOrEqual(l0);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
