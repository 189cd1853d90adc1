import 'server-only';
import { IMPORT_COLUMNS, REQUIRED_IMPORT_COLUMNS } from '@/lib/validations/weekly-report';
import { startsLikeFormula } from '@/server/reports/files';
import { IMPORT_LIMITS, readRowsInWorker, type RawRow } from './run';

// Reading an uploaded file into records (column -> raw value) with their spreadsheet row numbers. Accepts what Excel in
// Vietnam produces: UTF-8 with or without a BOM, comma, semicolon or tab separators (decimal commas are the figure
// parser's business), and .xlsx. The bytes are read into rows in a worker thread under limits (run.ts); here
// the header is checked and rows become records. Nothing here judges the values: the shared zod schema does.

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = IMPORT_LIMITS.maxRows;
/** A column people may keep to read the file (the template has it); its values are ignored. */
export const INFORMATIONAL_COLUMNS = ['unit_name'] as const;

export interface ImportIssue {
  /** the spreadsheet row (the header is row 1); null for the file as a whole */
  row: number | null;
  column: string | null;
  value: string | null;
  code: string;
  /** what the message names (a unit, its validity, the week): see RowIssue */
  params?: Record<string, string>;
}

export interface ImportRecord {
  row: number;
  values: Record<string, unknown>;
}

export type ParsedFile = { ok: true; records: ImportRecord[] } | { ok: false; issues: ImportIssue[] };

const fileIssue = (code: string, value: string | null = null): ParsedFile => ({
  ok: false,
  issues: [{ row: null, column: null, value, code }],
});

const normaliseHeader = (h: unknown) =>
  String(h ?? '')
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

function readHeader(cells: unknown[]): { ok: true; columns: (string | null)[] } | { ok: false; issues: ImportIssue[] } {
  const known = new Set<string>([...IMPORT_COLUMNS.map(([c]) => c), ...INFORMATIONAL_COLUMNS]);
  const names = cells.map(normaliseHeader);
  // trailing empty header cells are what Excel leaves after a deleted column; empty names in the middle are not
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (!known.has(name)) issues.push({ row: 1, column: name || `#${i + 1}`, value: name, code: 'unknownColumn' });
    else if (seen.has(name)) issues.push({ row: 1, column: name, value: name, code: 'duplicateColumn' });
    seen.add(name);
  });
  for (const required of REQUIRED_IMPORT_COLUMNS)
    if (!seen.has(required)) issues.push({ row: 1, column: required, value: null, code: 'missingColumn' });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, columns: names.map((n) => ((INFORMATIONAL_COLUMNS as readonly string[]).includes(n) ? null : n)) };
}

/**
 * Our exports, CSV and .xlsx alike, put an apostrophe before text that a spreadsheet could take for a formula
 * (files.ts): reading either back, that apostrophe goes, by the same rule, so the import accepts its own exports.
 */
export const unneutralise = (v: unknown): unknown =>
  typeof v === 'string' && v.startsWith("'") && startsLikeFormula(v.slice(1)) ? v.slice(1) : v;

function toRecords(rows: RawRow[]): ParsedFile {
  const [head, ...body] = rows;
  if (!head) return fileIssue('emptyFile');
  if (body.length > MAX_IMPORT_ROWS) return fileIssue('tooManyRows', String(body.length));
  const header = readHeader(head.cells);
  if (!header.ok) return header;
  const issues: ImportIssue[] = [];
  const records: ImportRecord[] = [];
  for (const { row, cells } of body) {
    if (cells.every((c) => c === undefined || c === null || String(c).trim() === '')) continue;
    if (cells.slice(header.columns.length).some((c) => c !== undefined && c !== null && String(c).trim() !== '')) {
      issues.push({ row, column: null, value: null, code: 'extraCells' });
      continue;
    }
    const values: Record<string, unknown> = {};
    header.columns.forEach((column, i) => {
      if (column) values[column] = unneutralise(cells[i]);
    });
    records.push({ row, values });
  }
  if (records.length === 0 && issues.length === 0) return fileIssue('noRows');
  return issues.length > 0 ? { ok: false, issues } : { ok: true, records };
}

export async function parseImportFile(bytes: Uint8Array): Promise<ParsedFile> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) return fileIssue('fileTooLarge', String(bytes.byteLength));
  if (bytes.byteLength === 0) return fileIssue('emptyFile');
  const read = await readRowsInWorker(bytes);
  if (!read.ok) {
    if ('malformed' in read)
      return {
        ok: false,
        issues: read.malformed.map((row) => ({ row, column: null, value: null, code: 'malformedRow' })),
      };
    return { ok: false, issues: [read.issue] };
  }
  // the header must be the sheet's first row, as in the template
  if (read.kind === 'xlsx' && read.rows[0] && read.rows[0].row !== 1) return fileIssue('emptyFile');
  return toRecords(read.rows);
}
