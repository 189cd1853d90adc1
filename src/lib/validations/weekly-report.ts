import { z } from 'zod';
import { parseIsoWeek, type IsoWeek } from '../epi-week';
import { FIGURE_FIELDS, SEVERITY_FIGURE_FIELDS, validateFigures, type FigureField, type Figures } from './figures';

// The weekly report schema: one shape, derived for the grid (rows with the version they read), the API (figures and the
// version in the body, unit and week in the URL) and the importer (unit and week per row, no version).
// Issue messages are codes ('negative', 'badWeek'...): the interface translates them (messages entry.errors.*), the API
// translates them to the caller's language, and tests compare codes rather than sentences.

export type ReportErrorCode =
  | 'badWeek'
  | 'badUnit'
  | 'badVersion'
  | 'unknownField'
  | 'notObject'
  | 'futureWeek'
  | 'outsideProvince'
  | 'notReportingUnit'
  | 'casesOnProvinceRow'
  | 'figureNotReported'
  | 'outsideValidity'
  | 'formerUnitAdminOnly'
  | 'notFormerUnit'
  | 'duplicateRow'
  | 'required';

/** A raw cell: validated by validateFigures, so that every cell of a row is checked, not only the first bad one. */
const cell = z.unknown().optional();

const figureShape = Object.fromEntries(FIGURE_FIELDS.map((f) => [f, cell])) as Record<FigureField, typeof cell>;

/** A GSO code (resolved with the week it concerns) or a handle: an ended unit's is "<code>~<yyyymmdd>". */
export const unitCodeSchema = z
  .string({ error: 'badUnit' })
  .trim()
  .regex(/^[0-9A-Za-z_-]{1,20}(~[0-9]{8})?$/, { error: 'badUnit' });

// An import repeats the same few weeks thousands of times, and parseIsoWeek does calendar arithmetic: remember them.
const weekCache = new Map<string, IsoWeek | null>();
function parseWeekCached(text: string): IsoWeek | null {
  let week = weekCache.get(text);
  if (week === undefined) {
    week = parseIsoWeek(text);
    if (weekCache.size > 5_000) weekCache.clear();
    weekCache.set(text, week);
  }
  return week && { ...week };
}

export const isoWeekSchema = z.string({ error: 'badWeek' }).transform((text, ctx): IsoWeek => {
  const week = parseWeekCached(text);
  if (!week) {
    ctx.addIssue({ code: 'custom', message: 'badWeek', input: text });
    return z.NEVER;
  }
  return week;
});

/** The version the caller read: 0 when it creates the report. */
export const versionSchema = z
  .int({ error: 'badVersion' })
  .min(0, { error: 'badVersion' })
  .max(2_000_000_000, { error: 'badVersion' });

const objectError = (issue: { code: string }) => (issue.code === 'unrecognized_keys' ? 'unknownField' : 'notObject');

const reportShape = z.strictObject(
  { unitCode: unitCodeSchema, isoWeek: isoWeekSchema, version: versionSchema, ...figureShape },
  { error: objectError },
);

/**
 * The severity figures the sender did not send at all (a key absent from the row or body, a column absent from the
 * file): the save keeps what is stored for them. They came after the other figures (issue 14): a file made from an
 * older template, or a system written against the older API, must not clear what someone else entered. Sent empty or
 * null, a figure is "not reported", as every other one.
 */
export type KeptFields = readonly FigureField[];

type WithFigures<T> = Omit<T, FigureField> & Figures & { keep?: KeptFields };

/** Runs the figure checks of validateFigures on an object schema's figure fields, with issues at [field]. */
function withFigureChecks<S extends z.ZodObject>(schema: S) {
  return schema.transform((value, ctx) => {
    const raw = value as Record<string, unknown>;
    const { figures, issues } = validateFigures(raw);
    for (const issue of issues)
      ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.code, input: raw[issue.field] });
    const keep: KeptFields = SEVERITY_FIGURE_FIELDS.filter((f) => !Object.hasOwn(raw, f));
    return { ...raw, ...figures, keep } as WithFigures<z.output<S>>;
  });
}

/** A row of the grid: one unit, the version it read, its figures. */
export const weeklyReportRowSchema = withFigureChecks(reportShape.omit({ isoWeek: true }));
export type WeeklyReportRow = z.output<typeof weeklyReportRowSchema>;

/**
 * The body of PUT /api/v1/reports/{unitCode}/{isoWeek}: the report's figures. An absent judged figure or bed total is
 * "not reported" (the body replaces them); an absent severity figure keeps the stored one, field by field (`keep`).
 */
export const apiReportBodySchema = withFigureChecks(reportShape.omit({ unitCode: true, isoWeek: true }));
export type ApiReportBody = z.output<typeof apiReportBodySchema>;

/** A row of an imported file. */
export const importRowSchema = withFigureChecks(reportShape.omit({ version: true }));
export type ImportRow = z.output<typeof importRowSchema>;

/**
 * The key of the level change a user confirms (src/server/reports/level-change.ts names it). Compared, never parsed:
 * anything that is not a short string is simply no confirmation, so the user is asked again rather than refused.
 */
export const levelChangeKeySchema = z
  .string()
  .max(200)
  .nullable()
  .optional()
  .catch(null)
  .transform((key) => key ?? null);

/**
 * The grid's save: a province, a week, its rows, whether the user has confirmed the warnings shown to them, and the
 * key of the level change they confirmed.
 */
export const saveWeekSchema = z.strictObject({
  provinceCode: unitCodeSchema,
  isoWeek: isoWeekSchema,
  rows: z.array(weeklyReportRowSchema).min(1).max(500),
  confirmWarnings: z.boolean().default(false),
  confirmLevelChange: levelChangeKeySchema,
});
export type SaveWeekInput = z.output<typeof saveWeekSchema>;

/** The columns of the import template and the export, in order; the last five are optional (older files lack them). */
export const IMPORT_COLUMNS = [
  ['unit_code', 'unitCode'],
  ['iso_week', 'isoWeek'],
  ['new_cases', 'newCases'],
  ['oxygen_avg_7d', 'oxygenAvg7d'],
  ['free_covid_beds', 'freeCovidBeds'],
  ['staffed_icu_beds', 'staffedIcuBeds'],
  ['total_covid_beds', 'totalCovidBeds'],
  ['icu_beds', 'totalIcuBeds'],
  ['severe_cases', 'severeCases'],
  ['new_admissions', 'newAdmissions'],
  ['deaths', 'deaths'],
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number][0];
export const REQUIRED_IMPORT_COLUMNS: readonly ImportColumn[] = [
  'unit_code',
  'iso_week',
  'new_cases',
  'oxygen_avg_7d',
  'free_covid_beds',
  'staffed_icu_beds',
];
export const COLUMN_OF_FIELD = Object.fromEntries(IMPORT_COLUMNS.map(([column, field]) => [field, column])) as Record<
  (typeof IMPORT_COLUMNS)[number][1],
  ImportColumn
>;
