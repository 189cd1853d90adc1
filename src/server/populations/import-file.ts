import 'server-only';
import type { PopulationImportIssue } from '@/lib/contracts/populations';
import {
  INFORMATIONAL_POPULATION_COLUMNS,
  POPULATION_COLUMNS,
  REQUIRED_POPULATION_COLUMNS,
  populationRowSchema,
} from '@/lib/validations/population-import';
import { unneutralise } from '@/server/reports/import/file';
import type { RawRow } from '@/server/reports/import/run';
import { displayDay, unitForYear, type Validity } from './validity';

// A populations file read into figures, or every reason to refuse it. The bytes are read into rows by the reports
// import's worker (CSV UTF-8 with or without BOM, comma, semicolon or tab, or .xlsx, under its limits); here the header
// is checked, each row goes through the shared schema, and its unit_code is resolved among the province's units with
// the row's year (validity.ts unitForYear).

export interface ProvinceUnit extends Validity {
  id: number;
  /** the handle (equal to gsoCode while the unit holds the code alone) */
  code: string;
  gsoCode: string;
  name: string;
}

export interface FigureToSave {
  line: number;
  unit: ProvinceUnit;
  year: number;
  population: number;
  approximate: boolean;
  source: string;
}

export type Checked = { ok: true; figures: FigureToSave[] } | { ok: false; issues: PopulationImportIssue[] };

const fileIssue = (code: string, value: string | null = null): Checked => ({
  ok: false,
  issues: [{ line: null, column: null, value, code }],
});

const normaliseHeader = (h: unknown) =>
  String(h ?? '')
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

const text = (v: unknown): string | null =>
  v === undefined || v === null || String(v).trim() === '' ? null : String(v).trim();

interface Header {
  /** each cell's column, null for an informational one */
  columns: (string | null)[];
  has: Set<string>;
}

function readHeader(cells: unknown[]): Header | PopulationImportIssue[] {
  const known = new Set<string>([...POPULATION_COLUMNS, ...INFORMATIONAL_POPULATION_COLUMNS]);
  const names = cells.map(normaliseHeader);
  // trailing empty header cells are what Excel leaves after a deleted column
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  const issues: PopulationImportIssue[] = [];
  const has = new Set<string>();
  names.forEach((name, i) => {
    if (!known.has(name)) issues.push({ line: 1, column: name || `#${i + 1}`, value: name, code: 'unknownColumn' });
    else if (has.has(name)) issues.push({ line: 1, column: name, value: name, code: 'duplicateColumn' });
    has.add(name);
  });
  for (const required of REQUIRED_POPULATION_COLUMNS)
    if (!has.has(required)) issues.push({ line: 1, column: required, value: null, code: 'missingColumn' });
  if (issues.length > 0) return issues;
  const informational = new Set<string>(INFORMATIONAL_POPULATION_COLUMNS);
  return { columns: names.map((n) => (informational.has(n) ? null : n)), has };
}

/**
 * Excel drops leading zeros from codes it takes for numbers (Hà Nội's "00004" becomes 4): a code no unit holds that
 * matches exactly one of the province's codes without its leading zeros is that code.
 */
function codeResolver(codes: Iterable<string>) {
  const exact = new Set(codes);
  const stripped = new Map<string, string[]>();
  for (const c of exact) {
    const k = c.replace(/^0+(?=.)/, '');
    stripped.set(k, [...(stripped.get(k) ?? []), c]);
  }
  return (code: string): string | null => {
    if (exact.has(code)) return code;
    const matches = stripped.get(code.replace(/^0+(?=.)/, ''));
    return matches?.length === 1 ? matches[0]! : null;
  };
}

export interface CheckContext {
  /** every unit of the province, of every period */
  units: readonly ProvinceUnit[];
  /** the latest year a figure may be for (next year, as the form) */
  maxYear: number;
  /** the source for rows that name none (the form's field); '' when not given */
  defaultSource: string;
}

/** The rows read from the file (the first is the header) checked into figures, or every issue found. */
export function checkPopulationRows(rows: readonly RawRow[], ctx: CheckContext): Checked {
  const [head, ...body] = rows;
  if (!head) return fileIssue('emptyFile');
  const header = readHeader(head.cells);
  if (Array.isArray(header)) return { ok: false, issues: header };
  if (!header.has.has('source') && ctx.defaultSource === '') return fileIssue('sourceRequired');

  const holders = new Map<string, ProvinceUnit[]>();
  for (const u of ctx.units) holders.set(u.gsoCode, [...(holders.get(u.gsoCode) ?? []), u]);
  const resolve = codeResolver(holders.keys());
  const issues: PopulationImportIssue[] = [];
  const figures: FigureToSave[] = [];
  const firstLine = new Map<string, number>();

  for (const { row: line, cells } of body) {
    if (cells.every((c) => text(c) === null)) continue;
    if (cells.slice(header.columns.length).some((c) => text(c) !== null)) {
      issues.push({ line, column: null, value: null, code: 'extraCells' });
      continue;
    }
    const values: Record<string, unknown> = {};
    header.columns.forEach((column, i) => {
      // the template's apostrophe before formula-like text (files.ts) comes off by the exports' own rule
      if (column) values[column] = unneutralise(cells[i]);
    });
    const parsed = populationRowSchema.safeParse(values);
    if (!parsed.success) {
      // one reason per cell: an empty year is 'required', not also 'year'
      const named = new Set<string>();
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? '');
        if (named.has(column)) continue;
        named.add(column);
        issues.push({ line, column, value: text(values[column]), code: issue.message });
      }
      continue;
    }
    const row = parsed.data;
    const source = row.source || ctx.defaultSource;
    if (source === '') issues.push({ line, column: 'source', value: null, code: 'sourceRequired' });
    if (row.year > ctx.maxYear)
      issues.push({ line, column: 'year', value: String(row.year), code: 'yearFuture', params: { max: ctx.maxYear } });
    const gsoCode = resolve(row.unit_code);
    if (gsoCode === null) {
      issues.push({ line, column: 'unit_code', value: row.unit_code, code: 'unknownUnit' });
      continue;
    }
    const unit = unitForYear(holders.get(gsoCode)!, row.year);
    if (!unit) {
      const held = holders.get(gsoCode)!;
      issues.push({
        line,
        column: 'unit_code',
        value: row.unit_code,
        code: 'notValidInYear',
        params: {
          year: row.year,
          name: held[0]!.name,
          validity: held.map((u) => `${displayDay(u.validFrom)} – ${displayDay(u.validTo)}`).join('; '),
        },
      });
      continue;
    }
    const key = `${unit.id}/${row.year}`;
    const first = firstLine.get(key);
    if (first !== undefined) {
      issues.push({ line, column: 'unit_code', value: row.unit_code, code: 'duplicateRow', params: { first } });
      continue;
    }
    firstLine.set(key, line);
    figures.push({ line, unit, year: row.year, population: row.population, approximate: row.approximate, source });
  }
  if (issues.length > 0) return { ok: false, issues: issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  if (figures.length === 0) return fileIssue('noRows');
  return { ok: true, figures };
}
