import { describe, expect, it } from 'vitest';
import {
  aggregateCounts,
  checkCounts,
  evaluateSurge,
  PLANS,
  severityRates,
  SurgeInputError,
  type Counts,
} from './index';

const none: Counts = { newCases: null, oxygenAvg7d: null, freeCovidBeds: null, staffedIcuBeds: null };
const counts = (p: Partial<Counts>): Counts => ({ ...none, ...p });

describe('severity figures in Counts', () => {
  it('a four-figure row stays valid and sums to a four-figure row (no severity property appears)', () => {
    expect(aggregateCounts([counts({ newCases: 3 }), counts({ newCases: 4 })])).toStrictEqual(counts({ newCases: 7 }));
  });

  it.each<[string, Counts[], Partial<Counts>]>([
    [
      'summed where reported',
      [counts({ deaths: 2 }), counts({ deaths: 3, severeCases: 0 })],
      { deaths: 5, severeCases: 0 },
    ],
    ['null when rows carry the property but none reported it', [counts({ deaths: null }), none], { deaths: null }],
    ['absent rows do not count as 0', [counts({ newAdmissions: 4 }), none], { newAdmissions: 4 }],
    ['0 is a figure', [counts({ deaths: 0 }), counts({ deaths: null })], { deaths: 0 }],
  ])('aggregateCounts: %s', (_, rows, severity) => {
    expect(aggregateCounts(rows)).toStrictEqual({ ...none, ...severity });
  });

  it.each<[keyof Counts, unknown]>([
    ['severeCases', -1],
    ['newAdmissions', 1.5],
    ['deaths', Number.NaN],
    ['deaths', '3'],
  ])('refuses %s = %s, naming the row and field', (field, value) => {
    const bad = { ...none, [field]: value } as Counts;
    expect(() => checkCounts(bad)).toThrow(SurgeInputError);
    expect(() => aggregateCounts([none, bad])).toThrow(`rows[1].${field}`);
  });

  it('does not change a verdict: the plans judge the four figures only', () => {
    const four = counts({ newCases: 500, oxygenAvg7d: 40, freeCovidBeds: 5, staffedIcuBeds: 1 });
    const withSeverity = { ...four, severeCases: 90, newAdmissions: 120, deaths: 30 };
    expect(evaluateSurge(withSeverity, 100_000, PLANS['lai-chau'])).toStrictEqual(
      evaluateSurge(four, 100_000, PLANS['lai-chau']),
    );
  });
});

describe('severityRates', () => {
  it('per 100,000, deaths also per 1,000,000; null where not reported', () => {
    const rates = severityRates(counts({ severeCases: 25, deaths: 3 }), 500_000);
    expect(rates).toStrictEqual({ severeCases: 5, newAdmissions: null, deaths: 0.6, deathsPerMillion: 6 });
  });

  it('0 reported is a rate of 0, not "not reported"', () => {
    expect(severityRates(counts({ deaths: 0 }), 1_000).deathsPerMillion).toBe(0);
  });

  it('refuses a population that is not a whole number > 0', () => {
    expect(() => severityRates(counts({ deaths: 1 }), 0)).toThrow(SurgeInputError);
  });
});
