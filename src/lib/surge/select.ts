import { describeValue, SurgeInputError } from './errors';
import { checkPopulation } from './evaluate';
import { isIsoDate, PLANS } from './plans';
import type { Plan, PopulationFigure } from './types';

function latest(plans: readonly Plan[], provinceCode: string | null, date: string): Plan | null {
  let best: Plan | null = null;
  for (const p of plans) {
    if (p.provinceCode !== provinceCode || p.validFrom > date) continue;
    if (best === null || p.validFrom > best.validFrom || (p.validFrom === best.validFrom && p.version > best.version))
      best = p;
  }
  return best;
}

/**
 * The plan in force for a province in a week, given the week's Thursday ('YYYY-MM-DD', weekThursday in
 * src/lib/epi-week: a week belongs to the units, plans and populations valid on its Thursday, docs/adr/0014; any date
 * works and gives the plan in force on that date): among the plans with that provinceCode, the one with the latest validFrom on or before
 * the date, the highest version among equal validFrom. Without one, the default plan: the latest default plan in
 * `plans` (provinceCode null, e.g. an edited version of the default stored in the database) valid on that date,
 * else the built-in PLANS.default. Throws SurgeInputError('weekMonday') on a malformed date.
 */
export function selectPlan(plans: readonly Plan[], provinceCode: string | null, weekMonday: string): Plan {
  if (!isIsoDate(weekMonday)) {
    throw new SurgeInputError('weekMonday', `must be a date written YYYY-MM-DD (got ${describeValue(weekMonday)})`);
  }
  // 'YYYY-MM-DD' strings compare like the dates they name.
  return (
    (provinceCode !== null ? latest(plans, provinceCode, weekMonday) : null) ??
    latest(plans, null, weekMonday) ??
    PLANS.default
  );
}

/**
 * The population figure to judge a week of ISO year isoYear by: the one for the latest year not after isoYear
 * (populations are published yearly, often late, so the previous year's figure stands in until the new one exists).
 * Returns null when every figure is for a later year, or there is none: no rate can be computed, and the caller
 * shows the unit as lacking a population rather than guessing one. Throws SurgeInputError on a malformed figure or
 * on two figures for the same year (ambiguous data must not be resolved silently).
 */
export function selectPopulation(figures: readonly PopulationFigure[], isoYear: number): PopulationFigure | null {
  if (!Number.isSafeInteger(isoYear))
    throw new SurgeInputError('isoYear', `must be a whole number (got ${describeValue(isoYear)})`);
  let best: PopulationFigure | null = null;
  const years = new Set<number>();
  figures.forEach((f, i) => {
    if (!Number.isSafeInteger(f.year))
      throw new SurgeInputError(`figures[${i}].year`, `must be a whole number (got ${describeValue(f.year)})`);
    checkPopulation(f.population, `figures[${i}].population`);
    if (years.has(f.year)) throw new SurgeInputError(`figures[${i}].year`, `two population figures for ${f.year}`);
    years.add(f.year);
    if (f.year <= isoYear && (best === null || f.year > best.year)) best = f;
  });
  return best;
}
