import { TZDate } from '@date-fns/tz';
import {
  addDays,
  addWeeks as addCalendarWeeks,
  format,
  getISOWeek,
  getISOWeekYear,
  getISOWeeksInYear,
  setISOWeek,
  startOfISOWeek,
} from 'date-fns';

// ISO weeks as the health departments count them: Monday to Sunday in Asia/Ho_Chi_Minh, stored as ISO year + week,
// written YYYY-Www in URLs, files and the API. date-fns does the calendar arithmetic (docs/adr/0005-libraries.md).

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export interface IsoWeek {
  isoYear: number;
  isoWeek: number;
}

const PATTERN = /^(\d{4})-W(\d{2})$/;

export function isoWeekOf(instant: Date): IsoWeek {
  const local = new TZDate(instant.getTime(), TIME_ZONE);
  return { isoYear: getISOWeekYear(local), isoWeek: getISOWeek(local) };
}

export function weeksInIsoYear(isoYear: number): number {
  return getISOWeeksInYear(new Date(Date.UTC(isoYear, 5, 1)));
}

export function formatIsoWeek(w: IsoWeek): string {
  return `${w.isoYear}-W${String(w.isoWeek).padStart(2, '0')}`;
}

/** Parses "2024-W05"; null for anything else, including a week 53 in a year that has 52. */
export function parseIsoWeek(text: string): IsoWeek | null {
  const m = PATTERN.exec(text.trim());
  if (!m) return null;
  const isoYear = Number(m[1]);
  const isoWeek = Number(m[2]);
  if (isoYear < 2000 || isoYear > 2100 || isoWeek < 1 || isoWeek > weeksInIsoYear(isoYear)) return null;
  return { isoYear, isoWeek };
}

function mondayDate(w: IsoWeek): Date {
  // Jan 4th is always in ISO week 1; compute on a UTC calendar date so no time zone shifts the day.
  return startOfISOWeek(setISOWeek(new Date(w.isoYear, 0, 4, 12), w.isoWeek));
}

/** The week's Monday as YYYY-MM-DD (a calendar date, no time zone). */
export function weekMonday(w: IsoWeek): string {
  return format(mondayDate(w), 'yyyy-MM-dd');
}

/**
 * The week's Thursday as YYYY-MM-DD: the day that decides which units, plans and populations a week belongs to, as it
 * decides the week's ISO year (2025-W26, Thursday 26/06/2025, is the last district week; 2025-W27 the first commune
 * week). docs/adr/0014-units-in-time.md
 */
export function weekThursday(w: IsoWeek): string {
  return format(addDays(mondayDate(w), 3), 'yyyy-MM-dd');
}

export function addWeeks(w: IsoWeek, n: number): IsoWeek {
  const d = addCalendarWeeks(mondayDate(w), n);
  return { isoYear: getISOWeekYear(d), isoWeek: getISOWeek(d) };
}

export function compareWeeks(a: IsoWeek, b: IsoWeek): number {
  return a.isoYear - b.isoYear || a.isoWeek - b.isoWeek;
}

/**
 * The calendar year in Asia/Ho_Chi_Minh: not the UTC year (1/1/2027 01:00 in Vietnam is still 2026 in UTC) nor the ISO
 * year (1/1/2027 is in 2026-W53). Populations are entered per calendar year.
 */
export function calendarYear(instant: Date): number {
  return new TZDate(instant.getTime(), TIME_ZONE).getFullYear();
}

/** The current week in Asia/Ho_Chi_Minh. */
export function currentWeek(now: Date): IsoWeek {
  return isoWeekOf(now);
}

/** The last complete week: the one before the current week (the default for data entry and dashboards). */
export function lastCompleteWeek(now: Date): IsoWeek {
  return addWeeks(currentWeek(now), -1);
}

/** How many weeks from `from` to `to`, both included: 1 for the same week, 0 when `to` is before `from`. */
export function weekCount(from: IsoWeek, to: IsoWeek): number {
  if (compareWeeks(from, to) > 0) return 0;
  return Math.round((Date.parse(weekMonday(to)) - Date.parse(weekMonday(from))) / (7 * 86_400_000)) + 1;
}

/** `count` consecutive weeks ending with `last`, oldest first. */
export function weekRange(last: IsoWeek, count: number): IsoWeek[] {
  return Array.from({ length: count }, (_, i) => addWeeks(last, i - count + 1));
}
