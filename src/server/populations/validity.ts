import { TIME_ZONE } from '@/lib/epi-week';

// Units have a validity (first and last day, inclusive; null = open), stored as dates (midnight UTC). A population is
// for a calendar year; these helpers say which units a year, or a day, concerns.

export interface Validity {
  validFrom: Date | null;
  validTo: Date | null;
}

/** 'YYYY-MM-DD' of a stored date (a @db.Date column reads back as midnight UTC). */
export const dayOf = (d: Date): string => d.toISOString().slice(0, 10);

/** The day it is in Vietnam at this instant, 'YYYY-MM-DD'. */
export function vietnamDay(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(instant);
}

export function validOn(u: Validity, day: string): boolean {
  return (u.validFrom === null || dayOf(u.validFrom) <= day) && (u.validTo === null || dayOf(u.validTo) >= day);
}

export function validDuringYear(u: Validity, year: number): boolean {
  return (
    (u.validFrom === null || dayOf(u.validFrom) <= `${year}-12-31`) &&
    (u.validTo === null || dayOf(u.validTo) >= `${year}-01-01`)
  );
}

/**
 * The unit a GSO code names in a population file's year, among the units that held the code: the one valid on 1 July
 * of the year (mid-year, the GSO's reference date for yearly populations; in 2025 it is the unit after the reform);
 * else, for a unit that began or ended in the year without another taking its code on 1 July, the one valid last in
 * the year. null when none was valid in the year.
 */
export function unitForYear<T extends Validity>(holders: readonly T[], year: number): T | null {
  const midYear = holders.find((u) => validOn(u, `${year}-07-01`));
  if (midYear) return midYear;
  const during = holders.filter((u) => validDuringYear(u, year));
  const end = (u: T) => (u.validTo ? dayOf(u.validTo) : '9999-12-31');
  return during.sort((a, b) => end(b).localeCompare(end(a)))[0] ?? null;
}

/** dd/mm/yyyy, as both the Vietnamese and the British English interface write dates; '…' for an open end. */
export function displayDay(d: Date | null): string {
  if (!d) return '…';
  const [y, m, day] = dayOf(d).split('-');
  return `${day}/${m}/${y}`;
}
