import 'server-only';
import type { SessionUser } from '@/lib/roles';
import { COLUMN_OF_FIELD, importRowSchema } from '@/lib/validations/weekly-report';
import { db } from '@/server/db';
import { now } from '@/server/env';
import { parseImportFile, type ImportIssue } from './file';
import { IMPORT_RETRY_AFTER_SECONDS, tryTakeImportSlot } from './run';
import { checkInputs, saveReports } from '@/server/reports/save';
import type { IssueField, LevelChange, ReportInput, RowConflict, RowWarning } from '@/server/reports/types';

// Import: every row of the file through the same schema and checks as the grid, then all rows in one save, or none.
// A report lists every bad row (row, column, value, message) at once, not the first one only.

/** A report of 50,000 bad rows helps nobody: the first ones are listed, with the total. */
export const MAX_LISTED = 1_000;

export type ImportWarning = RowWarning & { row: number; column: string | null };
export type ImportConflict = RowConflict & { row: number };

export type ImportOutcome =
  | {
      status: 'saved';
      rows: number;
      created: number;
      updated: number;
      unchanged: number;
      /** the province's verdict for the latest complete week changed, and what the plan did */
      levelChange: LevelChange | null;
    }
  | { status: 'invalid'; issues: ImportIssue[]; total: number }
  /** total: the row warnings; the level change, if any, is apart (it is about the province, not a row) */
  | { status: 'warnings'; warnings: ImportWarning[]; total: number; rows: number; levelChange: LevelChange | null }
  | { status: 'conflict'; conflicts: ImportConflict[] }
  | { status: 'not-found' };

export interface ImportOptions {
  confirmWarnings: boolean;
  /** the key of the level change the user confirmed (see SaveOptions) */
  confirmLevelChange?: string | null;
}

/** MAX_CONCURRENT_IMPORTS are running in this process: nothing was read, come back in retryAfter seconds. */
export type ImportBusy = { status: 'busy'; retryAfter: number };

const columnOf = (field: IssueField | string): string =>
  field === 'unitCode'
    ? 'unit_code'
    : field === 'isoWeek'
      ? 'iso_week'
      : (COLUMN_OF_FIELD[field as keyof typeof COLUMN_OF_FIELD] ?? field);

/** The file's column a row warning is about: the far figure's, the cleared ones' (listed), none for an overwrite. */
function warningColumn(w: RowWarning): string | null {
  if (w.code === 'farFromHistory') return columnOf(w.field);
  if (w.code === 'clearsFigures') return w.fields.map(columnOf).join(', ');
  return null;
}

const text = (v: unknown): string | null => (v === undefined || v === null ? null : String(v));

/**
 * Excel drops leading zeros from codes it takes for numbers ("001" becomes 1): a code that is not one of the province's
 * but matches exactly one of them without its leading zeros is that unit.
 */
function unitResolver(codes: string[]) {
  const exact = new Set(codes);
  const stripped = new Map<string, string[]>();
  for (const c of codes) {
    const k = c.replace(/^0+(?=.)/, '');
    stripped.set(k, [...(stripped.get(k) ?? []), c]);
  }
  return (raw: unknown): unknown => {
    if (raw === undefined || raw === null) return raw;
    const code = String(raw).trim();
    if (exact.has(code)) return code;
    const matches = stripped.get(code.replace(/^0+(?=.)/, ''));
    return matches?.length === 1 ? matches[0] : code;
  };
}

export async function importReports(
  user: SessionUser,
  provinceCode: string,
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<ImportOutcome | ImportBusy> {
  const prisma = await db();
  // handles and GSO codes alike: a file names a unit by its GSO code and the row's week, or by its handle
  const provinceUnits = (
    await prisma.adminUnit.findMany({ where: { provinceCode }, select: { code: true, gsoCode: true, kind: true } })
  ).flatMap((u) => [
    { code: u.code, kind: u.kind },
    { code: u.gsoCode, kind: u.kind },
  ]);
  if (!provinceUnits.some((u) => u.kind === 'province')) return { status: 'not-found' };
  const free = tryTakeImportSlot();
  if (!free) return { status: 'busy', retryAfter: IMPORT_RETRY_AFTER_SECONDS };
  try {
    return await importFile(user, provinceCode, provinceUnits, bytes, options);
  } finally {
    free();
  }
}

async function importFile(
  user: SessionUser,
  provinceCode: string,
  provinceUnits: { code: string }[],
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const prisma = await db();
  const file = await parseImportFile(bytes);
  if (!file.ok) return { status: 'invalid', issues: file.issues.slice(0, MAX_LISTED), total: file.issues.length };

  const resolve = unitResolver([...new Set(provinceUnits.map((u) => u.code))]);
  const issues: ImportIssue[] = [];
  const inputs: ReportInput[] = [];
  for (const record of file.records) {
    const values: Record<string, unknown> = {
      ...record.values,
      unit_code: resolve(record.values.unit_code),
      iso_week: text(record.values.iso_week) ?? undefined,
    };
    // only the file's columns: a severity column the file lacks keeps the stored figure (KeptFields)
    const raw = Object.fromEntries(
      Object.entries(COLUMN_OF_FIELD)
        .filter(([, column]) => Object.hasOwn(values, column))
        .map(([field, column]) => [field, values[column]]),
    );
    raw.unitCode = values.unit_code === undefined ? undefined : String(values.unit_code);
    raw.isoWeek = values.iso_week;
    const parsed = importRowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const column = columnOf(field);
        issues.push({ row: record.row, column, value: text(values[column]), code: issue.message });
      }
      continue;
    }
    const { unitCode, isoWeek, keep, ...figures } = parsed.data;
    inputs.push({ unitCode, week: isoWeek, version: null, figures, keep, ref: record.row });
  }
  // units, weeks and duplicates are checked on the rows that passed the schema, so one report lists everything
  const checked = await checkInputs(prisma, user, provinceCode, inputs, now());
  for (const e of checked.errors) {
    const column = columnOf(e.field);
    const value =
      e.code === 'duplicateRow'
        ? String(e.value)
        : e.field === 'isoWeek'
          ? e.week
          : e.field === 'unitCode'
            ? e.unitCode
            : text(e.value);
    issues.push({ row: e.ref, column, value, code: e.code, ...(e.params && { params: e.params }) });
  }
  if (issues.length > 0) {
    issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    return { status: 'invalid', issues: issues.slice(0, MAX_LISTED), total: issues.length };
  }

  const outcome = await saveReports(user, provinceCode, inputs, {
    confirmWarnings: options.confirmWarnings,
    confirmLevelChange: options.confirmLevelChange ?? null,
    source: 'import',
  });
  switch (outcome.status) {
    case 'saved': {
      const count = (s: string) => outcome.rows.filter((r) => r.status === s).length;
      return {
        status: 'saved',
        rows: inputs.length,
        created: count('created'),
        updated: count('updated'),
        unchanged: count('unchanged'),
        levelChange: outcome.levelChange,
      };
    }
    case 'warnings':
      return {
        status: 'warnings',
        rows: inputs.length,
        total: outcome.warnings.length,
        levelChange: outcome.levelChange,
        warnings: outcome.warnings.slice(0, MAX_LISTED).map((w) => ({ ...w, row: w.ref, column: warningColumn(w) })),
      };
    case 'conflict':
      return { status: 'conflict', conflicts: outcome.conflicts.map((c) => ({ ...c, row: c.ref })) };
    case 'invalid':
      return {
        status: 'invalid',
        total: outcome.errors.length,
        issues: outcome.errors.slice(0, MAX_LISTED).map((e) => ({
          row: e.ref,
          column: columnOf(e.field),
          value: text(e.value),
          code: e.code,
          ...(e.params && { params: e.params }),
        })),
      };
    default:
      return outcome;
  }
}
