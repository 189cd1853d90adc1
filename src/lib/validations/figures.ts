// The figures of a weekly report and how a typed, pasted, imported or posted value becomes one. Shared by the grid (in
// the browser), the server action, the importer and the API, so every path accepts and refuses exactly the same input.
//
// Vietnamese Excel writes a decimal comma ("12,5"); other systems send a decimal point or a JSON number. A value may use
// one decimal separator, either one, and no grouping separator: "1.234" is 1.234 (refused where a whole number is
// required), never 1234, because guessing whether a dot groups thousands would silently change figures by 1,000 times.

import { SEVERITY_FIELDS } from '@/lib/surge/plans';
import type { Counts } from '@/lib/surge/types';

export const FIGURE_FIELDS = [
  'newCases',
  'oxygenAvg7d',
  'freeCovidBeds',
  'staffedIcuBeds',
  'totalCovidBeds',
  'totalIcuBeds',
  'severeCases',
  'newAdmissions',
  'deaths',
] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];
/** null = not reported (unknown), never zero */
export type Figures = Record<FigureField, number | null>;

/** The four figures the surge rule judges; the totals are optional context for the bed checks. */
export const JUDGED_FIELDS = [
  'newCases',
  'oxygenAvg7d',
  'freeCovidBeds',
  'staffedIcuBeds',
] as const satisfies readonly FigureField[];

/**
 * The severity figures (issue 14): whole numbers, recorded, checked and shown, judged by no plan yet. Like the totals,
 * they alone are not a report. No check ties them to each other or to new cases: severe cases are a stock (under
 * treatment now), admissions and deaths a flow (this week), and a unit may report deaths of cases it never counted.
 * The shared module's list (SEVERITY_FIELDS), checked here to be figures.
 */
export const SEVERITY_FIGURE_FIELDS = SEVERITY_FIELDS satisfies readonly FigureField[];

/** Oxygen is an average over 7 days (hundredths); everything else is a count. */
export const DECIMAL_FIELDS: readonly FigureField[] = ['oxygenAvg7d'];
export const MAX_DECIMALS = 2;
/** No unit reports ten million of anything in a week; a larger value is a typing slip (and the engine's exact bound). */
export const MAX_FIGURE = 10_000_000;

export type FigureErrorCode = 'notNumber' | 'negative' | 'notWhole' | 'tooManyDecimals' | 'tooLarge';
export type CrossFieldErrorCode = 'freeAboveTotal' | 'icuAboveTotal';

export type FigureParse = { ok: true; value: number | null } | { ok: false; code: FigureErrorCode };

const NUMBER_TEXT = /^([+-]?)(\d*)(?:[.,](\d*))?$/;

export function isDecimalField(field: FigureField): boolean {
  return DECIMAL_FIELDS.includes(field);
}

function checkNumber(value: number, field: FigureField): FigureParse {
  if (!Number.isFinite(value)) return { ok: false, code: 'notNumber' };
  if (value < 0) return { ok: false, code: 'negative' };
  if (isDecimalField(field)) {
    if (Math.round(value * 10 ** MAX_DECIMALS) / 10 ** MAX_DECIMALS !== value)
      return { ok: false, code: 'tooManyDecimals' };
  } else if (!Number.isInteger(value)) {
    return { ok: false, code: 'notWhole' };
  }
  if (value > MAX_FIGURE) return { ok: false, code: 'tooLarge' };
  return { ok: true, value: value === 0 ? 0 : value }; // -0 is 0
}

/** One cell: empty (undefined, null, blank text) is "not reported"; anything else must be a valid figure for the field. */
export function parseFigure(raw: unknown, field: FigureField): FigureParse {
  if (raw === undefined || raw === null) return { ok: true, value: null };
  if (typeof raw === 'number') return checkNumber(raw, field);
  if (typeof raw !== 'string') return { ok: false, code: 'notNumber' };
  // Excel and copy-paste bring non-breaking and thin spaces around numbers
  const text = raw.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  if (text === '') return { ok: true, value: null };
  const m = NUMBER_TEXT.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return { ok: false, code: 'notNumber' };
  const value = Number(`${m[2] || '0'}.${m[3] || '0'}`);
  if (m[1] === '-' && value !== 0) return { ok: false, code: 'negative' };
  return checkNumber(value, field);
}

export interface FigureIssue {
  field: FigureField;
  code: FigureErrorCode | CrossFieldErrorCode;
}

/**
 * Every cell of a row, then the checks between cells (only between cells that are themselves valid). Only the row's
 * own properties count: an inherited one (a row whose prototype the sender chose) is not a figure.
 */
export function validateFigures(raw: Partial<Record<FigureField, unknown>>): {
  figures: Figures;
  issues: FigureIssue[];
} {
  const figures = {} as Figures;
  const issues: FigureIssue[] = [];
  for (const field of FIGURE_FIELDS) {
    const parsed = parseFigure(Object.hasOwn(raw, field) ? raw[field] : undefined, field);
    if (parsed.ok) figures[field] = parsed.value;
    else {
      figures[field] = null;
      issues.push({ field, code: parsed.code });
    }
  }
  const { freeCovidBeds, totalCovidBeds, staffedIcuBeds, totalIcuBeds } = figures;
  if (freeCovidBeds !== null && totalCovidBeds !== null && freeCovidBeds > totalCovidBeds)
    issues.push({ field: 'freeCovidBeds', code: 'freeAboveTotal' });
  if (staffedIcuBeds !== null && totalIcuBeds !== null && staffedIcuBeds > totalIcuBeds)
    issues.push({ field: 'staffedIcuBeds', code: 'icuAboveTotal' });
  return { figures, issues };
}

export const EMPTY_FIGURES: Figures = {
  newCases: null,
  oxygenAvg7d: null,
  freeCovidBeds: null,
  staffedIcuBeds: null,
  totalCovidBeds: null,
  totalIcuBeds: null,
  severeCases: null,
  newAdmissions: null,
  deaths: null,
};

export function sameFigures(a: Figures, b: Figures): boolean {
  return FIGURE_FIELDS.every((f) => a[f] === b[f]);
}

/**
 * A unit has reported a week when at least one of the judged figures is known (the totals or the severity figures alone
 * are not a report).
 */
export function hasReported(f: Figures | null | undefined): boolean {
  return f != null && JUDGED_FIELDS.some((k) => f[k] !== null);
}

/**
 * A unit has any stored figure: an overwrite of it is "already reported" for the save's warning, whichever figures
 * they are (a hospital's severity figures alone are worth a second look before they are replaced).
 */
export function holdsFigures(f: Figures | null | undefined): boolean {
  return f != null && FIGURE_FIELDS.some((k) => f[k] !== null);
}

/** The figures a stored value would lose: non-null before, null after (an empty cell, a null, a blank column). */
export function clearedFields(before: Figures, after: Figures): FigureField[] {
  return FIGURE_FIELDS.filter((f) => before[f] !== null && after[f] === null);
}

export type JudgedField = (typeof JUDGED_FIELDS)[number];

/**
 * The four judged figures as the shared module takes them, from a report or any row holding them (the severity figures
 * left out: absent, so not judged; the sums read them apart).
 */
export function judgedCounts(f: Pick<Figures, JudgedField>): Counts {
  return {
    newCases: f.newCases,
    oxygenAvg7d: f.oxygenAvg7d,
    freeCovidBeds: f.freeCovidBeds,
    staffedIcuBeds: f.staffedIcuBeds,
  };
}
