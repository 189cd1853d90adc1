import { parseIsoWeek, weekThursday } from '@/lib/epi-week';

// How a week of a unit's figures may be shown (issue 15, units in time), pure so the cards, trends, brief, national
// overview and their tests say the same thing:
// - 'judged': the unit is valid in the week and has a population in force: rates and a level;
// - 'noPopulation': valid, but no population figure applies: counts only, "chưa có dân số", no rate and no level
//   (never a rate on a guessed denominator);
// - 'ended' / 'notYet': the week is after the unit's end or before its start: no verdict at all ("không đánh giá");
//   the counts are the reports stored under it then, "báo cáo theo đơn vị cũ".

export type WeekStanding = 'judged' | 'noPopulation' | 'ended' | 'notYet';

export interface WeekValidityFacts {
  week: string;
  valid: boolean;
  population: number | null;
}

export interface UnitValidity {
  validFrom: string | null;
  validTo: string | null;
}

export function weekStanding(w: WeekValidityFacts, unit: UnitValidity): WeekStanding {
  if (!w.valid) {
    const week = parseIsoWeek(w.week);
    // a week before the unit's start; anything else outside its validity is after its end
    if (week && unit.validFrom !== null && weekThursday(week) < unit.validFrom) return 'notYet';
    return 'ended';
  }
  return w.population === null ? 'noPopulation' : 'judged';
}

/**
 * Where a week ('2026-W47') stands against a unit's validity alone (the one week rule: its Thursday): 'valid', or
 * after its end, or before its start. For lists of weeks that carry no figures of the reader (a unit's reports).
 */
export function weekAgainstValidity(week: string, unit: UnitValidity): 'valid' | 'ended' | 'notYet' {
  const w = parseIsoWeek(week);
  if (!w) return 'valid';
  const thursday = weekThursday(w);
  if (unit.validFrom !== null && thursday < unit.validFrom) return 'notYet';
  if (unit.validTo !== null && thursday > unit.validTo) return 'ended';
  return 'valid';
}

/** Whether the standing carries a verdict (a level, rates, criteria). */
export const isJudged = (s: WeekStanding): boolean => s === 'judged';

/** Whether the week lies outside the unit's validity (its counts are legacy sums, never judged). */
export const isOutsideValidity = (s: WeekStanding): boolean => s === 'ended' || s === 'notYet';

/**
 * The weeks of a series that need a word beside the charts, newest first: outside the unit's validity with reports
 * stored under it (`outside`: shown as legacy sums), or valid with legacy reports left out of the verdict.
 */
export function legacyWeeks<W extends WeekValidityFacts & { legacy: number }>(
  series: readonly W[],
): Array<{ figures: W; outside: boolean }> {
  return series
    .filter((w) => w.legacy > 0)
    .map((w) => ({ figures: w, outside: !w.valid }))
    .reverse();
}

/**
 * A province's row of the national overview: 'noPopulation' (no population in force: no rate, no level, whatever was
 * reported), 'noReports' (nothing reported that week: said in words, not an error), else 'judged'.
 */
export type NationalStanding = 'judged' | 'noPopulation' | 'noReports';

export function nationalStanding(r: { population: number | null; reported: number }): NationalStanding {
  if (r.population === null) return 'noPopulation';
  return r.reported === 0 ? 'noReports' : 'judged';
}
