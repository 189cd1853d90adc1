import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import {
  addWeeks,
  compareWeeks,
  currentWeek,
  formatIsoWeek,
  parseIsoWeek,
  TIME_ZONE,
  weekMonday,
  type IsoWeek,
} from '@/lib/epi-week';

// Dashboard filters live in the URL (?week=2026-W47&range=26) so a link reproduces the view. They are parsed here,
// on the server, with zod; a bad value falls back to the default and is reported next to its field.

export const RANGES = [8, 12, 26, 52, 104, 156] as const;
export const DEFAULT_RANGE = 26;

export type FilterError = 'invalid' | 'future' | 'range';

export interface DashboardFilters {
  week: IsoWeek;
  range: number;
  /** the heatmap shows every unit (?units=all) or only the hotspots (default, when the province has many units) */
  allUnits: boolean;
  /** true when the week is the default one (the last complete week) */
  isDefaultWeek: boolean;
  errors: { week?: FilterError; range?: FilterError };
  /** what the URL said, to show back in the form when it was wrong */
  input: { week: string; range: string };
}

// The current ISO week in Asia/Ho_Chi_Minh costs about a millisecond through date-fns' time zone support, and every
// dashboard request needs it several times: it is computed once and reused until the instant the week ends.
let clock: { from: number; to: number; week: IsoWeek } | null = null;

function mondayStart(week: IsoWeek): number {
  const [y, m, d] = weekMonday(week).split('-').map(Number);
  return new TZDate(y!, m! - 1, d!, 0, 0, 0, TIME_ZONE).getTime();
}

/** currentWeek(now), memoised for the week's duration. */
export function cachedCurrentWeek(now: Date): IsoWeek {
  const t = now.getTime();
  if (clock && t >= clock.from && t < clock.to) return clock.week;
  const week = currentWeek(now);
  clock = { from: mondayStart(week), to: mondayStart(addWeeks(week, 1)), week };
  return week;
}

/** lastCompleteWeek(now) (the dashboards' default), from the memoised current week. */
export function cachedLastCompleteWeek(now: Date): IsoWeek {
  return addWeeks(cachedCurrentWeek(now), -1);
}

type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// Built once: a zod schema costs more to build than to run, and these run on every dashboard request. The week's
// "not in the future" rule depends on the request's clock, so it is checked after parsing, not in the schema.
const weekSchema = z.string().transform((text, ctx) => {
  const parsed = parseIsoWeek(text);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: 'invalid' });
    return z.NEVER;
  }
  return parsed;
});
const rangeSchema = z.coerce
  .number()
  .int()
  .refine((n) => (RANGES as readonly number[]).includes(n), { message: 'range' });
const allUnitsSchema = z.literal('all');

export function parseDashboardFilters(params: SearchParams, today: Date): DashboardFilters {
  const rawWeek = first(params.week)?.trim() ?? '';
  const rawRange = first(params.range)?.trim() ?? '';
  const errors: DashboardFilters['errors'] = {};
  const fallbackWeek = cachedLastCompleteWeek(today);

  let week = fallbackWeek;
  if (rawWeek !== '') {
    const parsed = weekSchema.safeParse(rawWeek);
    if (!parsed.success) errors.week = 'invalid';
    else if (compareWeeks(parsed.data, cachedCurrentWeek(today)) > 0) errors.week = 'future';
    else week = parsed.data;
  }
  let range = DEFAULT_RANGE;
  if (rawRange !== '') {
    const parsed = rangeSchema.safeParse(rawRange);
    if (parsed.success) range = parsed.data;
    else errors.range = 'range';
  }
  const allUnits = allUnitsSchema.safeParse(first(params.units)).success;
  return {
    week,
    range,
    allUnits,
    isDefaultWeek: compareWeeks(week, fallbackWeek) === 0,
    errors,
    input: { week: rawWeek, range: rawRange },
  };
}

/** The query string that reproduces a view: the week always explicit (a link must not drift as weeks pass). */
export function filtersQuery(filters: { week: IsoWeek; range?: number; allUnits?: boolean }): string {
  const params = new URLSearchParams({ week: formatIsoWeek(filters.week) });
  if (filters.range !== undefined && filters.range !== DEFAULT_RANGE) params.set('range', String(filters.range));
  if (filters.allUnits) params.set('units', 'all');
  return `?${params.toString()}`;
}
