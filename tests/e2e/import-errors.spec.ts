import fs from 'node:fs';
import path from 'node:path';
import { expect, signIn, test } from './fixtures';
import { LAI_CHAU_W48_ROWS, makeXlsx } from '../fixtures/xlsx';
import { IMPORT_WORLD as W, laiChauUnit } from './worlds';

// Importing a file: a bad one gives a row-by-row report and writes nothing; a good one needs its warnings confirmed.
// On this spec's own province shaped like Lai Châu, with the demo's Lai Châu reports (tests/e2e/worlds.ts): the
// fixtures name Lai Châu's units, rewritten here to the world's codes (Kiên Giang's 899 stays: another province's).

/** a fixture's CSV text with its unit codes (the first column) rewritten to the world's */
const forWorld = (csv: string) =>
  csv.replace(/^(\uFEFF?)([^;,\r\n]+)/gm, (_, bom: string, code: string) => bom + laiChauUnit(W, code));

test('a file with errors is reported row by row and nothing is written', async ({ page, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 400/); // the import API answers 400, which Chromium logs
  await signIn(page, W.dataEntry);
  await page.goto(`/provinces/${W.code}/import`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Nhập số liệu từ tệp — ${W.name}`);
  await page.getByLabel('Tệp CSV hoặc Excel (.xlsx)').setInputFiles({
    name: 'lai-chau-errors.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      forWorld(fs.readFileSync(path.join(import.meta.dirname, '../fixtures/lai-chau-errors.csv'), 'utf8')),
    ),
  });
  await page.getByRole('button', { name: 'Kiểm tra và nhập' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('Tệp có 9 lỗi. Không có dòng nào được ghi.');
  const rows = page.getByTestId('import-errors').getByRole('row');
  await expect(rows).toHaveCount(1 + 9);
  await expect(rows.nth(1)).toHaveText(/^2new_cases-3Không được là số âm$/);
  await expect(rows.nth(4)).toContainText('Đơn vị thuộc tỉnh khác');
  await expect(rows.nth(5)).toContainText('Không thể nhập số liệu cho tuần sau tuần hiện tại.');
  await expect(rows.nth(9)).toContainText('Lớn hơn tổng giường COVID-19');

  // nothing was written: 109's valid row of the same file is not stored
  const api = await page.request.get(`/api/v1/reports?province=${W.code}&from=2026-W48&to=2026-W48`);
  const body = await api.json();
  const units = ['109', '110', '111'].map((c) => laiChauUnit(W, c));
  expect(body.reports.filter((r: { unitCode: string }) => units.includes(r.unitCode))).toEqual([]);
});

test('an Excel file imports once its warnings are confirmed with the checkbox', async ({
  page,
  allowConsoleErrors,
}) => {
  allowConsoleErrors(/status of 422/);
  await signIn(page, W.dataEntry);
  await page.goto(`/provinces/${W.code}/import`);
  // Lai Châu's workbook for 2026-W12 under the world's codes, typed as the fixture types them (105 is a number)
  const code = (c: unknown) => (typeof c === 'number' ? Number(laiChauUnit(W, c)) : laiChauUnit(W, String(c)));
  const rows = LAI_CHAU_W48_ROWS.map((r, i) =>
    i === 0 ? r : [code(r[0]), r[0] === '12' ? W.name : r[1], '2026-W12', ...r.slice(3)],
  );
  await page.getByLabel('Tệp CSV hoặc Excel (.xlsx)').setInputFiles({
    name: 'lai-chau-2026-W12.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await makeXlsx(rows)),
  });
  await page.getByRole('button', { name: 'Kiểm tra và nhập' }).click();
  await expect(page.getByTestId('import-result')).toContainText('cần xác nhận');
  await expect(page.getByTestId('import-warnings')).toContainText(
    '9 dòng thay số liệu đã được báo cáo trước đó (từ dòng 2 đến dòng 10).',
  );
  const submit = page.getByRole('button', { name: 'Nhập, đã xác nhận cảnh báo' });
  await expect(submit).toBeDisabled();
  await page.getByLabel('Tôi đã xem các cảnh báo dưới đây và vẫn muốn nhập tệp này.').check();
  await submit.click();
  await expect(page.getByTestId('import-result')).toHaveText(
    /Đã nhập 9 dòng: 0 báo cáo mới, 9 được cập nhật, 0 không thay đổi/,
  );
});
