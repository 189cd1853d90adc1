import { TZDate } from '@date-fns/tz';
import {
  addWeeks,
  compareWeeks,
  currentWeek,
  formatIsoWeek,
  TIME_ZONE,
  weekMonday,
  type IsoWeek,
} from '@/lib/epi-week';
import {
  allUnitsSchema,
  DEFAULT_RANGE,
  dashboardRangeSchema,
  dashboardWeekSchema,
  type DashboardFilters,
} from '@/lib/validations/dashboard-filters';

// Dashboard filters live in the URL (?week=2026-W47&range=26) so a link reproduces the view. They are parsed here,
// on the server, with the schemas of src/lib/validations/dashboard-filters.ts; a bad value falls back to the default
// and is reported next to its field.

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

export function parseDashboardFilters(params: SearchParams, today: Date): DashboardFilters {
  const rawWeek = first(params.week)?.trim() ?? '';
  const rawRange = first(params.range)?.trim() ?? '';
  const errors: DashboardFilters['errors'] = {};
  const fallbackWeek = cachedLastCompleteWeek(today);

  let week = fallbackWeek;
  if (rawWeek !== '') {
    const parsed = dashboardWeekSchema.safeParse(rawWeek);
    if (!parsed.success) errors.week = 'invalid';
    else if (compareWeeks(parsed.data, cachedCurrentWeek(today)) > 0) errors.week = 'future';
    else week = parsed.data;
  }
  let range = DEFAULT_RANGE;
  if (rawRange !== '') {
    const parsed = dashboardRangeSchema.safeParse(rawRange);
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
