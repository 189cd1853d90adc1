import { z } from 'zod';
import { parseIsoWeek, type IsoWeek } from '@/lib/epi-week';

// The dashboards' filters in the URL (?week=2026-W47&range=26&units=all), read by parseDashboardFilters
// (src/server/dashboard/filters.ts), and what the filter form shows back.

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

// Built once: a zod schema costs more to build than to run, and these run on every dashboard request. The week's
// "not in the future" rule depends on the request's clock, so it is checked after parsing, not in the schema.
export const dashboardWeekSchema = z.string().transform((text, ctx) => {
  const parsed = parseIsoWeek(text);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: 'invalid' });
    return z.NEVER;
  }
  return parsed;
});
export const dashboardRangeSchema = z.coerce
  .number()
  .int()
  .refine((n) => (RANGES as readonly number[]).includes(n), { message: 'range' });
export const allUnitsSchema = z.literal('all');
