import 'server-only';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

// Writing CSV and .xlsx. CSV: UTF-8 with a BOM (so Excel reads the Vietnamese names right), comma-separated, decimal
// point (the machine format; the importer reads it back, and reads Excel's semicolon and decimal-comma files too).
// .xlsx holds typed numbers, so it opens correctly whatever the reader's locale: the format to give people using Excel.

export interface Column<T> {
  key: string;
  value: (row: T) => string | number | boolean | null;
  /** Excel number format for numeric columns */
  numFmt?: string;
  width?: number;
}

/**
 * How text that a spreadsheet could run as a formula starts: =, +, -, @, their fullwidth forms (＝ ＋ － ＠, which
 * spreadsheets in East Asian locales read as the ASCII ones), a tab, a carriage return, a line feed or NUL. Such text
 * gets a leading apostrophe, as OWASP's CSV-injection guidance says, in every text cell of every export, CSV and .xlsx,
 * whatever the text's source (unit and plan names, notes…). Numbers stay numbers. The import takes the apostrophe off
 * again (unneutralise in import/file.ts), by the same rule.
 */
export const FORMULA_START = /^[=+\-@\t\r\n\0\uFF1D\uFF0B\uFF0D\uFF20]/;

export const startsLikeFormula = (text: string): boolean => FORMULA_START.test(text);

export function neutralise<V>(v: V): V | string {
  return typeof v === 'string' && startsLikeFormula(v) ? `'${v}` : v;
}

export function toCsv<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const data = rows.map((r) => columns.map((c) => c.value(r) ?? ''));
  // papaparse prefixes the apostrophe itself (and quotes the cell) for text matching the rule: the same as neutralise
  return `\uFEFF${Papa.unparse({ fields: columns.map((c) => c.key), data }, { newline: '\r\n', escapeFormulae: FORMULA_START })}\r\n`;
}

export async function toXlsx<T>(rows: readonly T[], columns: readonly Column<T>[], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SurgeWatch';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.key,
    key: c.key,
    width: c.width ?? Math.max(12, c.key.length + 2),
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(columns.map((c) => neutralise(c.value(r))));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
