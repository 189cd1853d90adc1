// "Tăng nhanh": how fast a figure rises or falls, as the plans' criterion text asks ("số mắc, số ca nặng và tử vong
// tăng nhanh"). Pure, no I/O: the server computes it for the cards, the trends and the print brief. On COUNTS, never on
// rates: within one population they grow alike, but the small-number rules below are about counts (a rise from 3 to 6
// cases is noise, not a doubling). See docs/adr/0013-severity-and-growth.md.

import type { Counts } from '@/lib/surge';

/** Week-on-week change is shown only when last week's figure is at least this. */
export const MIN_PREVIOUS = 10;
/** Doubling time: every reported week's figure must be at least this ... */
export const MIN_COUNT = 10;
/** ... or this for deaths (fewer of them, and each one weighs more). */
export const MIN_DEATHS = 5;
/** Doubling time is fitted over this many weeks, ending with the week shown ... */
export const GROWTH_WEEKS = 4;
/** ... of which at least this many must be reported. */
export const MIN_REPORTED_WEEKS = 3;
/** A doubling or halving time longer than this reads "ổn định" (stable): half a year is no "tăng nhanh". */
export const STABLE_AFTER_WEEKS = 26;

type Figure = number | null | undefined;

/**
 * (this week − last week) / last week, e.g. 0.35 for "↑ 35 %". null ("—") when this week is unreported, or last week
 * is unreported or below MIN_PREVIOUS (a rise from 2 to 5 is no "150 %"). Unreported = null or undefined, never 0.
 */
export function weekOnWeek(current: Figure, previous: Figure): number | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  if (previous < MIN_PREVIOUS) return null;
  return (current - previous) / previous;
}

export interface DoublingTime {
  /** 'stable': the doubling or halving time is longer than STABLE_AFTER_WEEKS (or the figure did not move) */
  kind: 'doubling' | 'halving' | 'stable';
  /** ln 2 / |b|, in weeks; Infinity when b = 0 */
  weeks: number;
}

/**
 * The doubling (or halving) time of a figure over GROWTH_WEEKS weeks, oldest first (null/undefined = unreported):
 * ln 2 / |b|, b the least-squares slope of ln(figure) against the week's index. A gap keeps its place (the index is
 * the week's, not the reported one's), so 100, —, 200, 283 still spans three weeks. null (not computable, "—") unless
 * at least MIN_REPORTED_WEEKS weeks are reported and each reported one is at least `minCount` (MIN_COUNT; MIN_DEATHS
 * for deaths): this also keeps zeros, whose logarithm does not exist, out of the fit.
 */
export function doublingTime(values: readonly Figure[], { minCount }: { minCount: number }): DoublingTime | null {
  if (values.length !== GROWTH_WEEKS) throw new RangeError(`doublingTime takes ${GROWTH_WEEKS} weeks`);
  const points: Array<[x: number, y: number]> = [];
  for (const [x, v] of values.entries()) {
    if (v === null || v === undefined) continue;
    if (!(v >= minCount)) return null;
    points.push([x, Math.log(v)]);
  }
  if (points.length < MIN_REPORTED_WEEKS) return null;
  const meanX = points.reduce((a, [x]) => a + x, 0) / points.length;
  const meanY = points.reduce((a, [, y]) => a + y, 0) / points.length;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) ** 2;
  }
  const b = sxy / sxx;
  const weeks = b === 0 ? Infinity : Math.LN2 / Math.abs(b);
  if (weeks > STABLE_AFTER_WEEKS) return { kind: 'stable', weeks };
  return { kind: b > 0 ? 'doubling' : 'halving', weeks };
}

/** The figures growth is shown for (the capacity ones, free beds and ICU, only as the change of their rate). */
export type GrowthField = 'newCases' | 'oxygenAvg7d' | 'severeCases' | 'newAdmissions' | 'deaths';
export const GROWTH_FIELDS: readonly GrowthField[] = [
  'newCases',
  'oxygenAvg7d',
  'severeCases',
  'newAdmissions',
  'deaths',
];

export interface Growth {
  /** weekOnWeek of the last two weeks */
  change: number | null;
  doubling: DoublingTime | null;
}

/**
 * The growth of one figure at the last of `weeks` (oldest first; the last GROWTH_WEEKS are used, fewer weeks count as
 * unreported ones before them).
 */
export function growthOf(weeks: readonly Counts[], field: GrowthField): Growth {
  const values: Figure[] = weeks.slice(-GROWTH_WEEKS).map((c) => c[field]);
  while (values.length < GROWTH_WEEKS) values.unshift(null);
  return {
    change: weekOnWeek(values[GROWTH_WEEKS - 1], values[GROWTH_WEEKS - 2]),
    doubling: doublingTime(values, { minCount: field === 'deaths' ? MIN_DEATHS : MIN_COUNT }),
  };
}

/**
 * A change as whole percents, rounded half away from zero (0.415 → 42, −0.415 → −42). The ratio's floating-point
 * noise is cleared first, so that 283 against 200 (41.5 %) reads 42 and not 41.
 */
export function roundedPercent(change: number): number {
  const percent = Number((Math.abs(change) * 100).toPrecision(12));
  return Math.sign(change) * Math.round(percent);
}

/**
 * Weeks as shown ("~2 tuần"): whole weeks from 2 up, where a tenth of a week would be false precision for a fit over
 * four weekly figures; one decimal below 2, where 1.4 and 1 differ a lot (1.96 reads 2, 1.94 reads 1.9).
 */
export function roundedWeeks(weeks: number): number {
  const tenths = Math.round(weeks * 10) / 10;
  return tenths >= 2 ? Math.round(weeks) : tenths;
}
