import { FIGURE_FIELDS, type FigureField, type Figures } from '@/lib/validations/figures';
import { weeklyReportRowSchema } from '@/lib/validations/weekly-report';

// The grid's state and the pure rules it follows (no React): which cells exist, what a typed value means, where Enter
// goes, how a block pasted from Excel lands. Tested beside it (grid-state.test.ts).

export type CellValues = Record<FigureField, string>;

export interface GridRow {
  /** the unit's handle: what the save names it by */
  unitCode: string;
  /** its official code, shown under its name */
  gsoCode: string;
  name: string;
  /** 'province' | 'district' | 'commune' | 'facility' */
  kind: string;
  /** the figures this row reports in the week (src/lib/units.ts figuresAllowed): the only cells it has */
  fields: readonly FigureField[];
  /** a report stored under a former unit: the unit's validity (YYYY-MM-DD or null) */
  former: { validFrom: string | null; validTo: string | null } | null;
  population: number | null;
  /** the version this row was read at (0: no report yet) */
  version: number;
  /** the figures stored when read: a row is sent only when its cells differ from them */
  base: Figures | null;
  previous: Figures | null;
  values: CellValues;
  updatedBy: string | null;
  updatedAt: string | null;
}

/**
 * Whether a row has an input for a figure: only the figures its role reports in the week (the province row no cases,
 * communes no beds after the 2025 reform...); the others are shown as "—" saying who reports them.
 */
export function hasCell(row: Pick<GridRow, 'fields'>, field: FigureField): boolean {
  return row.fields.includes(field);
}

/** A stored figure as the user would type it: decimal comma in Vietnamese. */
export function toInput(value: number | null, locale: string): string {
  if (value === null) return '';
  const text = String(value);
  return locale === 'vi' ? text.replace('.', ',') : text;
}

export function valuesOf(figures: Figures | null, locale: string): CellValues {
  return Object.fromEntries(FIGURE_FIELDS.map((f) => [f, toInput(figures?.[f] ?? null, locale)])) as CellValues;
}

export type CellErrors = Partial<Record<FigureField, string>>;

/** The shared schema on one row: its figures (null where empty or invalid) and an error code per bad cell. */
export function checkRow(row: GridRow): { figures: Figures; errors: CellErrors } {
  const parsed = weeklyReportRowSchema.safeParse({ unitCode: row.unitCode, version: row.version, ...row.values });
  if (parsed.success) {
    const { unitCode: _u, version: _v, keep: _k, ...figures } = parsed.data;
    return { figures, errors: {} };
  }
  const errors: CellErrors = {};
  const figures = {} as Figures;
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as FigureField | undefined;
    if (field && FIGURE_FIELDS.includes(field)) errors[field] ??= issue.message;
  }
  // the figures of the valid cells still feed the live rates
  const clean = weeklyReportRowSchema.safeParse({
    unitCode: row.unitCode,
    version: row.version,
    ...Object.fromEntries(FIGURE_FIELDS.map((f) => [f, errors[f] ? '' : row.values[f]])),
  });
  for (const f of FIGURE_FIELDS) figures[f] = clean.success ? clean.data[f] : null;
  return { figures, errors };
}

export function isDirty(row: GridRow): boolean {
  const { figures, errors } = checkRow(row);
  if (Object.keys(errors).length > 0) return true;
  return FIGURE_FIELDS.some((f) => figures[f] !== (row.base?.[f] ?? null));
}

/** The cell Enter (down) or Shift+Enter (up) moves to: the same column in the next row that has it. */
export function verticalTarget(
  rows: readonly Pick<GridRow, 'fields'>[],
  row: number,
  field: FigureField,
  step: 1 | -1,
): number | null {
  for (let r = row + step; r >= 0 && r < rows.length; r += step) if (hasCell(rows[r]!, field)) return r;
  return null;
}

/** Excel copies a block as tab-separated lines (a trailing newline included). */
export function parseClipboardBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.split('\t'));
}

export interface PasteResult {
  rows: GridRow[];
  filled: number;
  /** non-empty values that fell outside the grid or on a figure the row does not report */
  ignored: number;
}

/** Fills the grid from the focused cell, rightwards and downwards, as a spreadsheet does. */
export function pasteBlock(
  rows: readonly GridRow[],
  startRow: number,
  startField: FigureField,
  block: string[][],
): PasteResult {
  const startCol = FIGURE_FIELDS.indexOf(startField);
  const next = rows.map((r) => ({ ...r, values: { ...r.values } }));
  let filled = 0;
  let ignored = 0;
  block.forEach((cells, i) => {
    const target = next[startRow + i];
    cells.forEach((raw, j) => {
      const value = raw.trim();
      const field = FIGURE_FIELDS[startCol + j];
      if (!target || !field || !hasCell(target, field)) {
        if (value !== '') ignored++;
        return;
      }
      target.values[field] = value;
      filled++;
    });
  });
  return { rows: next, filled, ignored };
}
