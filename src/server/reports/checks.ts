import { compareWeeks, formatIsoWeek, type IsoWeek } from '@/lib/epi-week';
import { JUDGED_FIELDS, SEVERITY_FIGURE_FIELDS, type Figures } from '@/lib/validations/figures';
import type { ReportInput, RowIssue } from './types';

// The checks that need the database's answers (which units exist, what was reported before) but no database access
// themselves: pure functions, tested table by table. Hard errors stop the save; warnings ask for one confirmation.

export interface UnitInfo {
  id: number;
  code: string;
  kind: string;
  provinceCode: string;
  reports: boolean;
}

/**
 * The figures whose plausibility is checked against the unit's history: the judged four and the severity figures (the
 * bed totals are context, checked against the free beds instead).
 */
export const WARNED_FIELDS = [...JUDGED_FIELDS, ...SEVERITY_FIGURE_FIELDS] as const;
export type WarnedField = (typeof WARNED_FIELDS)[number];

/** Warnings compare a value with the median of the unit's last reports of that figure. */
export const HISTORY_REPORTS = 8;
/** Fewer previous reports than this say too little about what is usual. */
export const MIN_HISTORY = 3;
export const FAR_FACTOR = 3;
/** Small counts swing: 1 case after a median of 0.3 is not suspicious. A value must also differ by this much. */
export const MIN_ABS_DIFFERENCE = 5;
/** How far back the history is read, in weeks. */
export const HISTORY_LOOKBACK_WEEKS = 26;

export const weekOrdinal = (w: IsoWeek) => w.isoYear * 100 + w.isoWeek;

/**
 * Errors that do not depend on stored reports: the unit (in the province, a reporting unit), the week (not after the
 * current one), cases on the province's own row (its facilities report beds and oxygen only; cases are counted by
 * district), the same unit-week twice in one save.
 */
export function findHardIssues(
  inputs: readonly ReportInput[],
  provinceCode: string,
  units: ReadonlyMap<string, UnitInfo>,
  current: IsoWeek,
): RowIssue[] {
  const issues: RowIssue[] = [];
  const seen = new Map<string, number>();
  for (const input of inputs) {
    const week = formatIsoWeek(input.week);
    const at = (field: RowIssue['field'], code: string, value?: unknown) =>
      issues.push({ ref: input.ref, unitCode: input.unitCode, week, field, code, value });
    const unit = units.get(input.unitCode);
    if (!unit) at('unitCode', 'badUnit', input.unitCode);
    else if (unit.provinceCode !== provinceCode) at('unitCode', 'outsideProvince', input.unitCode);
    else if (!unit.reports) at('unitCode', 'notReportingUnit', input.unitCode);
    else if (unit.kind === 'province' && input.figures.newCases !== null)
      at('newCases', 'casesOnProvinceRow', input.figures.newCases);
    if (compareWeeks(input.week, current) > 0) at('isoWeek', 'futureWeek', week);
    const key = `${input.unitCode}|${week}`;
    const first = seen.get(key);
    if (first !== undefined) at('unitCode', 'duplicateRow', first);
    else seen.set(key, input.ref);
  }
  return issues;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * A severity figure this large after a median of 0 is worth a second look (10 deaths in a district that reports none
 * most weeks). The judged figures keep their rule (no warning after a median of 0): changing it would change the
 * warnings their users know and the tests rely on.
 */
export const SEVERITY_FLOOR_AFTER_ZERO = 10;

const isSeverity = (field: WarnedField | undefined) =>
  field !== undefined && (SEVERITY_FIGURE_FIELDS as readonly string[]).includes(field);

/**
 * The median the value is far from, or null when it is within the usual range or the history is too short. A median
 * of 0 (most districts report no deaths most weeks) makes "3 times the median" meaningless: a severity figure is then
 * far from it from SEVERITY_FLOOR_AFTER_ZERO up; a judged figure (or no field named) never is.
 */
export function farFromHistory(value: number, history: readonly number[], field?: WarnedField): number | null {
  if (history.length < MIN_HISTORY) return null;
  const m = median(history);
  if (m <= 0) return isSeverity(field) && value >= SEVERITY_FLOOR_AFTER_ZERO ? 0 : null;
  const far = value > FAR_FACTOR * m || value < m / FAR_FACTOR;
  return far && Math.abs(value - m) >= MIN_ABS_DIFFERENCE ? m : null;
}

export interface HistoryEntry {
  ordinal: number;
  figures: Figures;
}

/** The last `HISTORY_REPORTS` known values of a figure before a week (entries sorted by week, oldest first). */
export function recentValues(entries: readonly HistoryEntry[], beforeOrdinal: number, field: WarnedField): number[] {
  const out: number[] = [];
  for (let i = entries.length - 1; i >= 0 && out.length < HISTORY_REPORTS; i--) {
    const e = entries[i]!;
    if (e.ordinal >= beforeOrdinal) continue;
    const v = e.figures[field];
    if (v !== null) out.push(v);
  }
  return out;
}
