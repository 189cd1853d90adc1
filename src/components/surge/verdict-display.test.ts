import { describe, expect, it } from 'vitest';
import { evaluateProvinceWeek, evaluateSurge, PLANS, type Counts, type CriterionKey } from '@/lib/surge';
import { criterionCoverage, criterionNotSettled, criterionState, settlementOf } from './verdict-display';

const FIELDS = { newCases: 9, oxygenAvg7d: 9, freeCovidBeds: 9, staffedIcuBeds: 9 };

describe('settlementOf', () => {
  it.each([
    [{ level: 'surge', provisional: false, settled: true }, 'settled'],
    [{ level: 'warning', provisional: true, settled: true }, 'settledProvisional'],
    [{ level: 'surge', provisional: true, settled: false }, 'notSettled'],
    [{ level: 'normal', provisional: true, settled: false }, 'notSettled'],
    [{ level: 'no-data', provisional: true, settled: false }, 'none'],
    // an activation snapshot stored before verdicts carried `settled`
    [{ level: 'surge', provisional: true }, 'provisional'],
    [{ level: 'surge', provisional: false }, 'settled'],
  ] as const)('%o is %s', (verdict, expected) => {
    expect(settlementOf(verdict)).toBe(expected);
  });
});

describe('criterionState', () => {
  const c = (key: CriterionKey, met: boolean | null) => ({ key, met });
  it.each([
    // beds and ICU met with no epidemic signal: information, not an alarm
    [
      'normal',
      [c('cases', false), c('oxygen', false), c('freeBeds', true), c('icuBeds', true)],
      'freeBeds',
      'capacityNote',
    ],
    [
      'normal',
      [c('cases', null), c('oxygen', false), c('freeBeds', false), c('icuBeds', true)],
      'icuBeds',
      'capacityNote',
    ],
    // with an epidemic criterion met, a capacity criterion met is part of the alarm
    ['surge', [c('cases', true), c('oxygen', false), c('freeBeds', true), c('icuBeds', false)], 'freeBeds', 'met'],
    ['warning', [c('cases', false), c('oxygen', true), c('freeBeds', false), c('icuBeds', true)], 'icuBeds', 'met'],
    // under 'any', a capacity criterion alone makes a surge: an alarm
    ['surge', [c('cases', false), c('oxygen', false), c('freeBeds', true), c('icuBeds', false)], 'freeBeds', 'met'],
    ['warning', [c('cases', true), c('oxygen', false), c('freeBeds', false), c('icuBeds', false)], 'cases', 'met'],
    ['warning', [c('cases', true), c('oxygen', false), c('freeBeds', false), c('icuBeds', false)], 'oxygen', 'notMet'],
    ['normal', [c('cases', null), c('oxygen', false), c('freeBeds', false), c('icuBeds', true)], 'cases', 'unknown'],
  ] as const)('%s %o: %s is %s', (level, criteria, key, expected) => {
    expect(
      criterionState(
        criteria.find((x) => x.key === key)!,
        { level, criteria },
      ),
    ).toBe(expected);
  });

  it('leaves a criterion not judged at this level as information only', () => {
    const criteria = [c('cases', true), c('oxygen', false), c('freeBeds', null), c('icuBeds', null)];
    expect(criterionState(criteria[2]!, { level: 'warning', criteria, informationOnly: ['freeBeds', 'icuBeds'] })).toBe(
      'informationOnly',
    );
  });

  // the example: 0 free beds and 0 ICU beds with 10 cases is normal with the capacity note, under every plan
  it.each(['default', 'kien-giang', 'lai-chau'] as const)('0 beds, 0 ICU, 10 cases under %s', (plan) => {
    const counts: Counts = { newCases: 10, oxygenAvg7d: 0, freeCovidBeds: 0, staffedIcuBeds: 0 };
    const v = evaluateSurge(counts, 400_000, PLANS[plan]);
    expect(v.level).toBe('normal');
    const states = v.criteria.map((x) => criterionState(x, { level: v.level, criteria: v.criteria }));
    expect(states).toEqual(['notMet', 'notMet', 'capacityNote', 'capacityNote']);
  });
});

describe('criterionNotSettled', () => {
  it.each([
    [{ met: true, settled: false }, true],
    [{ met: false, settled: false }, true],
    [{ met: true, settled: true }, false],
    [{ met: null, settled: false }, false], // "missing data" already says it
    [{ met: true }, false], // an old snapshot
  ] as const)('%o → %s', (c, expected) => {
    expect(criterionNotSettled(c)).toBe(expected);
  });

  it("marks the Lai Châu example's capacity criteria, judged without the provincial hospitals' row", () => {
    // 2,100 cases, 8 districts with 4 free beds and 1 ICU bed each, the province's own row missing
    const row: Counts = { newCases: 262, oxygenAvg7d: 0, freeCovidBeds: 4, staffedIcuBeds: 1 };
    const districtRows = Array.from({ length: 8 }, (_, i) => ({ ...row, newCases: i === 0 ? 266 : 262 }));
    const { verdict } = evaluateProvinceWeek({
      ownRow: null,
      districtRows,
      expectedDistricts: 8,
      population: 460_196,
      plan: PLANS['lai-chau'],
    });
    expect(verdict.level).toBe('surge');
    expect(settlementOf(verdict)).toBe('notSettled');
    const marked = verdict.criteria.filter(criterionNotSettled).map((x) => x.key);
    // cases are met on a lower bound (settled); oxygen is not met but the provincial row could still report it
    expect(marked).toEqual(['oxygen', 'freeBeds', 'icuBeds']);
  });
});

describe('criterionCoverage', () => {
  it('names the figures not every expected unit has reported', () => {
    const byField = { ...FIELDS, staffedIcuBeds: 8 };
    expect(criterionCoverage('icuBeds', byField, FIELDS)).toEqual({ reported: 8, expected: 9 });
    expect(criterionCoverage('freeBeds', byField, FIELDS)).toBeNull();
  });
  it('says nothing without the counts (a view that has none)', () => {
    expect(criterionCoverage('cases', undefined, FIELDS)).toBeNull();
  });
});
