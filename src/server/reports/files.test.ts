import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutralise, startsLikeFormula, toCsv, toXlsx, type Column } from './files';
import { parseImportFile, unneutralise } from '@/server/reports/import/file';

// One rule for what an exported text cell may not start with, applied by toCsv (through papaparse's escapeFormulae)
// and toXlsx (through neutralise), and undone by the import for both formats.

const DANGEROUS: [string, string][] = [
  ['=', '=HYPERLINK("http://evil","x")'],
  ['+', '+1+cmd|" /C calc"!A0'],
  ['-', '-2+3'],
  ['@', '@SUM(1+1)'],
  ['tab', '\t=1+1'],
  ['carriage return', '\r=1+1'],
  ['line feed', '\n=1+1'],
  ['NUL', '\0=1+1'],
  ['fullwidth =', '＝1+1'],
  ['fullwidth +', '＋1+1'],
  ['fullwidth -', '－1+1'],
  ['fullwidth @', '＠SUM(1)'],
];
const HARMLESS: unknown[] = [
  'Huyện Tam Đường',
  '2026-W48',
  "'quoted",
  "''=1",
  ' =1',
  '',
  'a=1',
  '１',
  -5,
  0.25,
  null,
  true,
];

interface Row {
  unit_code: string;
  iso_week: string;
  new_cases: number;
}
const COLUMNS: Column<Row>[] = (
  ['unit_code', 'iso_week', 'new_cases', 'oxygen_avg_7d', 'free_covid_beds', 'staffed_icu_beds'] as const
).map((key) => ({
  key,
  value: (r: Row) => (key === 'unit_code' || key === 'iso_week' || key === 'new_cases' ? r[key] : 1),
}));

// .xlsx is XML: exceljs drops NUL, which XML cannot hold, and its reader turns a carriage return into a line feed, as
// XML parsers must; the cell still starts with the apostrophe
const inXlsx = (text: string) => text.replace(/\0/g, '');
const readByExcelJs = (text: string) => inXlsx(text).replace(/\r/g, '\n');

const csvCells = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

async function xlsxCells(bytes: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('neutralise and unneutralise', () => {
  it.each(DANGEROUS)('text starting with %s gets an apostrophe, and the import takes it off', (_name, text) => {
    expect(startsLikeFormula(text)).toBe(true);
    expect(neutralise(text)).toBe(`'${text}`);
    expect(unneutralise(neutralise(text))).toBe(text);
  });

  it.each(HARMLESS.map((v) => [v]))('leaves %j as it is, both ways', (value) => {
    expect(neutralise(value)).toBe(value);
    expect(unneutralise(value)).toBe(value);
  });
});

describe('exports, CSV and .xlsx', () => {
  const rows: Row[] = DANGEROUS.map(([, text], i) => ({ unit_code: text, iso_week: '2026-W01', new_cases: i }));

  it('CSV: every dangerous text cell comes out with the apostrophe, numbers bare', () => {
    const [header, ...body] = csvCells(toCsv(rows, COLUMNS));
    expect(header).toEqual(COLUMNS.map((c) => c.key));
    expect(body.map((r) => r[0])).toEqual(DANGEROUS.map(([, text]) => `'${text}`));
    expect(body.map((r) => r[2])).toEqual(DANGEROUS.map((_d, i) => String(i)));
  });

  it('.xlsx: every dangerous text cell comes out with the apostrophe, numbers typed', async () => {
    const [, ...body] = await xlsxCells(await toXlsx(rows, COLUMNS, 'r'));
    expect(body.map((r) => r[0])).toEqual(DANGEROUS.map(([, text]) => `'${readByExcelJs(text)}`));
    expect(body.map((r) => r[2])).toEqual(DANGEROUS.map((_d, i) => i));
  });

  it.each(['csv', 'xlsx'])('%s: the import reads its own export back without the apostrophes', async (format) => {
    const bytes =
      format === 'csv'
        ? new TextEncoder().encode(toCsv(rows, COLUMNS))
        : new Uint8Array(await toXlsx(rows, COLUMNS, 'r'));
    const parsed = await parseImportFile(bytes);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.records.map((r) => r.values.unit_code)).toEqual(
      DANGEROUS.map(([, text]) => (format === 'csv' ? text : inXlsx(text))),
    );
  });

  it('harmless text, the apostrophe a user typed included, goes out and comes back unchanged', async () => {
    const texts = HARMLESS.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    const plain = texts.map((text, i) => ({ unit_code: text, iso_week: '2026-W01', new_cases: i }));
    expect(
      csvCells(toCsv(plain, COLUMNS))
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(texts);
    expect((await xlsxCells(await toXlsx(plain, COLUMNS, 'r'))).slice(1).map((r) => r[0])).toEqual(texts);
  });
});
