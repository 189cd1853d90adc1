import { compareWeeks, formatIsoWeek, weekThursday, type IsoWeek } from '@/lib/epi-week';
import { figuresAllowed, reportersOf, validityText, type ReportingSystem } from '@/lib/units';
import { FIGURE_FIELDS, JUDGED_FIELDS, SEVERITY_FIGURE_FIELDS, type Figures } from '@/lib/validations/figures';
import type { ReportInput, RowIssue } from './types';

// The checks that need the database's answers (which units exist, what was reported before) but no database access
// themselves: pure functions, tested table by table. Hard errors stop the save; warnings ask for one confirmation.

export interface UnitInfo {
  id: number;
  /** the handle (AdminUnit.code) */
  code: string;
  gsoCode: string;
  name: string;
  kind: string;
  provinceCode: string;
  reports: boolean;
  /** YYYY-MM-DD, inclusive; null = open */
  validFrom: string | null;
  validTo: string | null;
  reportsFrom: string | null;
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

// Units in time (docs/adr/0014-units-in-time.md): a week belongs to the units valid on its Thursday. The same rule as
// src/server/units/validity.ts, on units already loaded: a save checks thousands of rows against a few hundred units.

export const validOnDay = (u: Pick<UnitInfo, 'validFrom' | 'validTo'>, day: string): boolean =>
  (u.validFrom === null || u.validFrom <= day) && (u.validTo === null || u.validTo >= day);

/** Where a unit stands on a day: expected to report, or why not (a unit that never reports is not asked here). */
export type Standing = 'expected' | 'ended' | 'notYet' | 'notReportingYet';

export function standingOn(u: Pick<UnitInfo, 'validFrom' | 'validTo' | 'reportsFrom'>, day: string): Standing {
  if (u.validTo !== null && u.validTo < day) return 'ended';
  if (u.validFrom !== null && u.validFrom > day) return 'notYet';
  if (u.reportsFrom !== null && u.reportsFrom > day) return 'notReportingYet';
  return 'expected';
}

export const expectedOn = (
  u: Pick<UnitInfo, 'reports' | 'validFrom' | 'validTo' | 'reportsFrom'>,
  day: string,
): boolean => u.reports && standingOn(u, day) === 'expected';

/**
 * The unit a code names in a week, among candidates: a handle names its unit; a GSO code the unit that held it that
 * week (new An Giang's 91 in 2026, old Kiên Giang's in 2024). A code no unit held that week names the unit holding
 * it as a handle, else the last to hold it, so that the refusal can say when that unit was valid.
 */
export function resolveUnit(candidates: readonly UnitInfo[], raw: string, day: string): UnitInfo | undefined {
  const matches = candidates.filter((u) => u.code === raw || u.gsoCode === raw);
  if (matches.length <= 1) return matches[0];
  const valid = matches.filter((u) => validOnDay(u, day));
  return (
    valid.find((u) => u.code === raw) ??
    valid.find((u) => u.reports) ??
    valid[0] ??
    matches.find((u) => u.code === raw) ??
    [...matches].sort((a, b) => (b.validTo ?? '9999').localeCompare(a.validTo ?? '9999'))[0]
  );
}

/** The code files and the API write for a unit in a week: its GSO code while it holds it, else its handle. */
export const codeInWeek = (u: Pick<UnitInfo, 'code' | 'gsoCode' | 'validFrom' | 'validTo'>, day: string): string =>
  validOnDay(u, day) ? u.gsoCode : u.code;

export interface CheckContext {
  provinceCode: string;
  current: IsoWeek;
  /** the unit each input names, resolved with its week; undefined: no unit has that code */
  unitOf: (input: ReportInput) => UnitInfo | undefined;
  /** the system of the province's week (who reports what) */
  systemOf: (week: IsoWeek) => ReportingSystem;
  /**
   * The report stored for this unit-week, if any (asked only of units outside their validity, and of rows holding a
   * figure their role does not report): outside its validity only a stored report may be edited, and a figure the
   * role does not report may only be kept as stored (a province row's oxygen from before the 2025 reform).
   */
  stored: (unitId: number, week: IsoWeek) => Figures | undefined;
  /** an administrator: may edit reports stored under a former unit (permissions.ts canEditFormerUnitReports) */
  mayEditFormer: boolean;
  /** the administrators' save of reports under former units: every row must be one */
  formerOnly?: boolean;
}

/**
 * Errors that do not depend on stored figures: the unit (in the province, a reporting unit, valid in the week: a new
 * report for a unit outside its validity is refused, a stored one edited by an administrator only), the figures its
 * role reports (the province row's cases keep their own code), the week (not after the current one), the same
 * unit-week twice in one save. Refusals about a unit carry what their message names (params).
 */
export function findHardIssues(inputs: readonly ReportInput[], ctx: CheckContext): RowIssue[] {
  const issues: RowIssue[] = [];
  const seen = new Map<string, number>();
  for (const input of inputs) {
    const week = formatIsoWeek(input.week);
    const at = (field: RowIssue['field'], code: string, value?: unknown, params?: RowIssue['params']) =>
      issues.push({ ref: input.ref, unitCode: input.unitCode, week, field, code, value, ...(params && { params }) });
    const unit = ctx.unitOf(input);
    const day = weekThursday(input.week);
    if (!unit) at('unitCode', 'badUnit', input.unitCode);
    else if (unit.provinceCode !== ctx.provinceCode) at('unitCode', 'outsideProvince', input.unitCode);
    else if (!unit.reports) at('unitCode', 'notReportingUnit', input.unitCode);
    else {
      const named = { unit: unit.name, code: codeInWeek(unit, day), week };
      const standing = standingOn(unit, day);
      if (standing !== 'expected') {
        // in both languages: the message is chosen where the caller's language is known (the API, the import)
        const [from, to] = standing === 'notReportingYet' ? [unit.reportsFrom, null] : [unit.validFrom, unit.validTo];
        const validity = validityText(from, to, 'vi');
        const validityEn = validityText(from, to, 'en');
        if (!ctx.stored(unit.id, input.week))
          at('unitCode', 'outsideValidity', input.unitCode, { ...named, standing, validity, validityEn });
        else if (!ctx.mayEditFormer) at('unitCode', 'formerUnitAdminOnly', input.unitCode, named);
      } else if (ctx.formerOnly) at('unitCode', 'notFormerUnit', input.unitCode, named);
      const allowed = figuresAllowed(unit.kind, ctx.systemOf(input.week));
      for (const f of FIGURE_FIELDS) {
        if (input.figures[f] === null || allowed.includes(f)) continue;
        if (ctx.stored(unit.id, input.week)?.[f] === input.figures[f]) continue;
        if (unit.kind === 'province' && f === 'newCases') at(f, 'casesOnProvinceRow', input.figures[f]);
        else
          at(f, 'figureNotReported', input.figures[f], {
            ...named,
            field: f,
            reporters: reportersOf(f, ctx.systemOf(input.week)),
          });
      }
    }
    if (compareWeeks(input.week, ctx.current) > 0) at('isoWeek', 'futureWeek', week);
    const key = `${unit?.id ?? input.unitCode}|${week}`;
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
