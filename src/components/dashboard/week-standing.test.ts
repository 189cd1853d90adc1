import { describe, expect, it } from 'vitest';
import {
  isJudged,
  isOutsideValidity,
  legacyWeeks,
  nationalStanding,
  weekAgainstValidity,
  weekStanding,
} from './week-standing';

const ENDED = { validFrom: null, validTo: '2025-06-30' };
const NEW = { validFrom: '2025-07-01', validTo: null };
const ALWAYS = { validFrom: null, validTo: null };

describe('weekStanding', () => {
  it.each([
    ['a valid week with a population', { week: '2026-W47', valid: true, population: 300_000 }, ALWAYS, 'judged'],
    ['a valid week without a population', { week: '2026-W47', valid: true, population: null }, NEW, 'noPopulation'],
    ['an ended unit after its end', { week: '2026-W10', valid: false, population: null }, ENDED, 'ended'],
    // 2025-W27's Thursday is 2025-07-03: the first week of the new units; 2025-W26's (2025-06-26) is before it
    ['a new unit before its start', { week: '2025-W26', valid: false, population: null }, NEW, 'notYet'],
    // the reader's `valid` decides, never the population: an ended week has none
    ['an ended week whose population is left', { week: '2026-W10', valid: false, population: 1 }, ENDED, 'ended'],
  ] as const)('%s', (_, week, unit, expected) => {
    expect(weekStanding(week, unit)).toBe(expected);
  });

  it('judges only a valid week with a population', () => {
    expect(isJudged('judged')).toBe(true);
    expect(['noPopulation', 'ended', 'notYet'].map((s) => isJudged(s as never))).toEqual([false, false, false]);
    expect(['judged', 'noPopulation', 'ended', 'notYet'].map((s) => isOutsideValidity(s as never))).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });
});

describe('weekAgainstValidity', () => {
  it.each([
    // the last district week and the first commune week (2025-W26 Thursday 2025-06-26, 2025-W27 2025-07-03)
    ['2025-W26', ENDED, 'valid'],
    ['2025-W27', ENDED, 'ended'],
    ['2025-W26', NEW, 'notYet'],
    ['2025-W27', NEW, 'valid'],
    ['2026-W47', ALWAYS, 'valid'],
    ['not a week', ENDED, 'valid'],
  ] as const)('%s against %o → %s', (week, unit, expected) => {
    expect(weekAgainstValidity(week, unit)).toBe(expected);
  });
});

describe('legacyWeeks', () => {
  it('lists the weeks with legacy reports, newest first, saying which lie outside the validity', () => {
    const series = [
      { week: '2025-W26', valid: true, population: 1, legacy: 0 },
      { week: '2025-W27', valid: true, population: 1, legacy: 2 },
      { week: '2025-W28', valid: false, population: null, legacy: 3 },
      { week: '2025-W29', valid: false, population: null, legacy: 0 },
    ];
    expect(legacyWeeks(series).map((w) => [w.figures.week, w.outside])).toEqual([
      ['2025-W28', true],
      ['2025-W27', false],
    ]);
  });
});

describe('nationalStanding', () => {
  it.each([
    [{ population: null, reported: 5 }, 'noPopulation'],
    [{ population: null, reported: 0 }, 'noPopulation'],
    [{ population: 100_000, reported: 0 }, 'noReports'],
    [{ population: 100_000, reported: 3 }, 'judged'],
  ] as const)('%o → %s', (row, expected) => {
    expect(nationalStanding(row)).toBe(expected);
  });
});
