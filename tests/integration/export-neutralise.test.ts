import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as exportRoute from '@/app/api/v1/reports/export/route';
import * as templateRoute from '@/app/api/v1/reports/template/route';
import type { SessionUser } from '@/lib/roles';
import { createApiToken } from '@/server/tokens/api-tokens';
import { importReports } from '@/server/reports/import/import';
import { FORMULA_START } from '@/server/reports/files';
import { calmFigures, everyUnit, referenceProvince, reports, user } from '../factories';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

// Exports are opened in Excel: no text cell may start like a formula, whatever its source (issue 11). A plan and units
// named by someone hostile come out with a leading apostrophe in every column, numbers stay numbers, and the import
// takes its own neutralised files back.

vi.mock('@/server/auth/current-user', () => ({ getCurrentUser: vi.fn(async () => null), requireUser: vi.fn() }));

const NOW = new Date('2026-11-23T03:00:00Z');
vi.stubEnv('SURGEWATCH_NOW', NOW.toISOString());
vi.stubEnv('DEMO', '1');

const EVIL = '=HYPERLINK("http://evil","x")';
// one hostile name per character a spreadsheet reads as the start of a formula
const UNIT_NAMES: Record<string, string> = {
  '12': EVIL,
  '105': '+1+cmd|" /C calc"!A0',
  '106': '-2+3',
  '107': '@SUM(1+1)',
  '108': '\t=1+1',
  '109': '＝HYPERLINK("http://evil","x")',
};
const DANGEROUS = FORMULA_START;

let db: TestDatabase;
let entry: SessionUser;
let token: string;

beforeAll(async () => {
  db = await createTestDatabase();
  // Lai Châu as the seed stores it, reported in the two weeks exported, and its data-entry user
  const lc = await referenceProvince(db.prisma, '12');
  for (const isoWeek of [46, 47]) await reports(db.prisma, lc, { isoYear: 2026, isoWeek }, everyUnit(lc, calmFigures));
  useAsAppDatabase(db);
  entry = await user(db.prisma, 'PROVINCIAL_DATA_ENTRY', { province: lc });
  token = (await createApiToken(entry, { name: 'export', expiresInDays: null }))!.token;
  await db.prisma.plan.updateMany({ where: { provinceCode: '12' }, data: { name: EVIL } });
  for (const [code, name] of Object.entries(UNIT_NAMES))
    await db.prisma.adminUnit.updateMany({ where: { code }, data: { name } });
});
afterAll(async () => db?.destroy());

const get = (path: string) =>
  new Request(`http://surgewatch.test${path}`, { headers: { authorization: `Bearer ${token}` } });
const csvCells = (text: string) => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

async function xlsxCells(bytes: ArrayBuffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

// the rule itself, character by character, and each format's round trip: src/server/reports/files.test.ts
describe('the report export', () => {
  it('CSV: every text cell in every column neutralised, numbers unquoted', async () => {
    const res = await exportRoute.GET(get('/api/v1/reports/export?province=12&from=2026-W46&to=2026-W47&format=csv'));
    expect(res.status).toBe(200);
    const [header, ...rows] = csvCells(await res.text());
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(DANGEROUS);
    const col = (name: string) => header!.indexOf(name);
    const total = rows.find((r) => r[col('row_type')] === 'province-total')!;
    expect(total[col('unit_name')]).toBe(`'${EVIL}`);
    expect(total[col('plan')]).toBe(`'${EVIL} (v1)`);
    for (const [code, name] of Object.entries(UNIT_NAMES)) {
      const row = rows.find((r) => r[col('unit_code')] === code && r[col('row_type')] !== 'province-total')!;
      expect(row[col('unit_name')]).toBe(`'${name}`);
    }
    const district = rows.find((r) => r[col('unit_code')] === '105')!;
    expect(district[col('new_cases')]).toMatch(/^\d+$/);
    expect(district[col('population')]).toMatch(/^\d+$/);
  });

  it('.xlsx: every text cell neutralised, figures typed as numbers', async () => {
    const res = await exportRoute.GET(get('/api/v1/reports/export?province=12&from=2026-W46&to=2026-W47&format=xlsx'));
    expect(res.status).toBe(200);
    const [header, ...rows] = await xlsxCells(await res.arrayBuffer());
    for (const row of rows) for (const cell of row) if (typeof cell === 'string') expect(cell).not.toMatch(DANGEROUS);
    const col = (name: string) => header!.indexOf(name);
    const total = rows.find((r) => r[col('row_type')] === 'province-total')!;
    expect(total[col('unit_name')]).toBe(`'${EVIL}`);
    expect(total[col('plan')]).toBe(`'${EVIL} (v1)`);
    expect(rows.find((r) => r[col('unit_code')] === '106')![col('unit_name')]).toBe("'-2+3");
    expect(typeof rows.find((r) => r[col('unit_code')] === '105')![col('new_cases')]).toBe('number');
  });
});

describe('the import template, round trip', () => {
  it.each(['csv', 'xlsx'])('%s: names neutralised; filled in, it imports, and again unchanged', async (format) => {
    const res = await templateRoute.GET(get(`/api/v1/reports/template?province=12&week=2026-W30&format=${format}`));
    expect(res.status).toBe(200);
    const bytes = await res.arrayBuffer();
    const rows = format === 'csv' ? csvCells(new TextDecoder().decode(bytes)) : await xlsxCells(bytes);
    const [header, ...body] = rows;
    expect(body.find((r) => r[0] === '12')![1]).toBe(`'${EVIL}`);
    for (const row of body) for (const cell of row) if (typeof cell === 'string') expect(cell).not.toMatch(DANGEROUS);
    // the user fills in the figures and leaves the rest as downloaded, apostrophes included
    const filled = [
      header!,
      ...body.map((r, i) => [r[0], r[1], r[2], r[0] === '12' ? null : 20 + i, 3.5, 4, 1, 50, 2]),
    ];
    let file: Uint8Array;
    if (format === 'csv') file = new TextEncoder().encode(Papa.unparse(filled.map((r) => r.map((c) => c ?? ''))));
    else {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('reports');
      for (const r of filled) sheet.addRow(r as ExcelJS.CellValue[]);
      file = new Uint8Array(await workbook.xlsx.writeBuffer());
    }
    const out = await importReports(entry, '12', file, { confirmWarnings: true });
    expect(out).toMatchObject({ status: 'saved', rows: body.length });
    expect(await importReports(entry, '12', file, { confirmWarnings: false })).toMatchObject({
      status: 'saved',
      unchanged: body.length,
    });
  });
});
