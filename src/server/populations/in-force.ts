import type { IsoWeek } from '@/lib/epi-week';
import { selectPopulation } from '@/lib/surge';

/**
 * The population figure in force for a week: selectPopulation's choice (the latest year not after the week's ISO
 * year), returned as the caller's own row so the fields selectPopulation does not know (`approximate`) come along.
 * null when there is none.
 */
export function populationInForce<T extends { year: number; population: number }>(
  figures: readonly T[],
  week: IsoWeek,
): T | null {
  const chosen = selectPopulation(figures, week.isoYear);
  return chosen ? (figures.find((f) => f.year === chosen.year) ?? null) : null;
}
