import 'server-only';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { IMPORT_COLUMNS, REQUIRED_IMPORT_COLUMNS } from '@/lib/validations/weekly-report';

// Reading an uploaded file into records (column -> raw value) with their spreadsheet row numbers. Accepts what Excel in
// Vietnam produces: UTF-8 with or without a BOM, comma, semicolon or tab separators (decimal commas are the figure
// parser's business), and .xlsx. Nothing here judges the values: the shared zod schema does.

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
/** A column people may keep to read the file (the template has it); its values are ignored. */
export const INFORMATIONAL_COLUMNS = ['unit_name'] as const;

export interface ImportIssue {
  /** the spreadsheet row (the header is row 1); null for the file as a whole */
  row: number | null;
  column: string | null;
  value: string | null;
  code: string;
}

export interface ImportRecord {
  row: number;
  values: Record<string, unknown>;
}

export type ParsedFile = { ok: true; records: ImportRecord[] } | { ok: false; issues: ImportIssue[] };

export type FileKind = 'csv' | 'xlsx';

const fileIssue = (code: string, value: string | null = null): ParsedFile => ({ ok: false, issues: [{ row: null, column: null, value, code }] });

/** .xlsx files are zip archives; anything else is read as text. */
export function detectKind(bytes: Uint8Array): FileKind {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? 'xlsx' : 'csv';
}

const normaliseHeader = (h: unknown) => String(h ?? '').replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');

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
  for (const required of REQUIRED_IMPORT_COLUMNS) if (!seen.has(required)) issues.push({ row: 1, column: required, value: null, code: 'missingColumn' });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, columns: names.map((n) => ((INFORMATIONAL_COLUMNS as readonly string[]).includes(n) ? null : n)) };
}

function toRecords(rows: { row: number; cells: unknown[] }[]): ParsedFile {
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
      if (column) values[column] = cells[i];
    });
    records.push({ row, values });
  }
  if (records.length === 0 && issues.length === 0) return fileIssue('noRows');
  return issues.length > 0 ? { ok: false, issues } : { ok: true, records };
}

function separatorOf(firstLine: string): string {
  const counts = [';', ',', '\t'].map((s) => [s, firstLine.split(s).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

export function parseCsv(bytes: Uint8Array): ParsedFile {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Excel's plain "CSV" (not "CSV UTF-8") writes Windows-1258: Vietnamese letters would come out garbled
    return fileIssue('encoding');
  }
  text = text.replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  // "sep=;" is how Excel is told the separator; honour it rather than guessing
  const hint = /^sep=(.)\s*$/i.exec(lines[0] ?? '');
  if (hint) text = lines.slice(1).join('\n');
  const delimiter = hint?.[1] ?? separatorOf(hint ? (lines[1] ?? '') : (lines[0] ?? ''));
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const offset = hint ? 2 : 1;
  const malformed = parsed.errors.filter((e) => e.type === 'Quotes');
  if (malformed.length > 0) return { ok: false, issues: malformed.slice(0, 50).map((e) => ({ row: (e.row ?? 0) + offset, column: null, value: null, code: 'malformedRow' })) };
  return toRecords(parsed.data.map((cells, i) => ({ row: i + offset, cells })));
}

/** An Excel cell as the text or number the user sees: formulas give their result, rich text its characters. */
function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('error' in v) return String(v.error);
  }
  return String(v);
}

export async function parseXlsx(bytes: Uint8Array): Promise<ParsedFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    return fileIssue('notSpreadsheet');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return fileIssue('emptyFile');
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1) return fileIssue('tooManyRows', String(sheet.rowCount - 1));
  const rows: { row: number; cells: unknown[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[]; // 1-based: values[0] is empty
    rows.push({ row: rowNumber, cells: values.slice(1).map(cellValue) });
  });
  // the header must be the sheet's first row, as in the template
  if (rows[0] && rows[0].row !== 1) return fileIssue('emptyFile');
  return toRecords(rows);
}

export async function parseImportFile(bytes: Uint8Array): Promise<ParsedFile> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) return fileIssue('fileTooLarge', String(bytes.byteLength));
  if (bytes.byteLength === 0) return fileIssue('emptyFile');
  return detectKind(bytes) === 'xlsx' ? parseXlsx(bytes) : parseCsv(bytes);
}
