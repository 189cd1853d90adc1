import { checkPopulation } from './evaluate';
import { SEVERITY_FIELDS } from './plans';
import type { Counts, SeverityField } from './types';

// Severity figures as rates. Display only (floats): no plan judges them yet, so no exact comparison is needed here.
// The plans state their mortality target per 1,000,000 population (000, "tử vong ... /1 triệu dân"); every other
// rate in the product is per 100,000.

/** Deaths are also shown per this many people, the plans' unit. */
export const DEATHS_PER = 1_000_000;

/** figure × per / population, or null when the figure is not reported (absent or null). */
export function perPopulation(figure: number | null | undefined, population: number, per = 100_000): number | null {
  checkPopulation(population);
  return figure === null || figure === undefined ? null : (figure * per) / population;
}

export interface SeverityRates extends Record<SeverityField, number | null> {
  /** deaths per 1,000,000 population */
  deathsPerMillion: number | null;
}

/** The severity figures per 100,000 population (deaths also per 1,000,000); null where not reported. */
export function severityRates(counts: Counts, population: number): SeverityRates {
  const rates = {} as SeverityRates;
  for (const field of SEVERITY_FIELDS) rates[field] = perPopulation(counts[field], population);
  rates.deathsPerMillion = perPopulation(counts.deaths, population, DEATHS_PER);
  return rates;
}
