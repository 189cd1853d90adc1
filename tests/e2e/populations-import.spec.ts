import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { POPULATION_WORLD as W } from './worlds';

// An administrator fills a province's populations from a file, in the browser: a file with bad rows is refused as a
// whole with each row's reason, a good one saves every figure and the table shows them, the same file again changes
// nothing, and each figure is in the activity log. Only POPULATION_WORLD's province (69) is written.

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
// the factory numbers a province's districts after its code
const district = `${W.code}01`;

test('populations from a CSV file: bad rows listed and nothing saved; then saved, shown, and idempotent', async ({
  page,
  loginAs,
}) => {
  await loginAs('admin');
  await page.goto(`/admin/populations?province=${W.code}&year=2026`);
  await expect(page.getByRole('heading', { name: `${W.name}, năm 2026` })).toBeVisible();
  const table = page.getByTestId('population-table');
  const communeRow = table.getByRole('row').filter({ hasText: W.commune.name });
  await expect(communeRow).toContainText('Chưa có dân số');
  await expect(page.getByTestId('population-coverage')).toContainText('1 trong 4 đơn vị chưa có dân số cho năm 2026');
  // the district has its 2019 figure: the rates of 2026 use it, and the row says so
  await expect(table.getByRole('row').filter({ hasText: 'Huyện Dân số Một' })).toContainText(
    'Đang dùng số năm 2019: 80.000',
  );

  const outcome = page.getByTestId('population-import-outcome');
  await page
    .getByLabel('Tệp CSV', { exact: true })
    .setInputFiles(csv('sai.csv', `unit_code;year;population\n${W.commune.code};2026;12,5\n6999;2026;100\n`));
  await page.getByLabel('Nguồn (cho các dòng không ghi nguồn)').fill('Cục Thống kê (thử)');
  await page.getByRole('button', { name: 'Nhập tệp' }).click();
  await expect(outcome).toContainText('Tệp có 2 lỗi. Chưa lưu gì');
  const issues = page.getByTestId('population-import-issues').getByRole('row');
  await expect(issues.nth(1)).toContainText('2population12,5Số dân phải là số nguyên dương');
  await expect(issues.nth(2)).toContainText('3unit_code6999Không có đơn vị mang mã 6999 trong tỉnh này');
  await page.reload();
  await expect(communeRow).toContainText('Chưa có dân số');

  const good = csv(
    'dan-so.csv',
    `\uFEFFunit_code,year,population,approximate,source\n${W.commune.code},2026,"12.345",true,\n${district},2026,85000,,Niên giám 2026\n`,
  );
  await page.getByLabel('Tệp CSV', { exact: true }).setInputFiles(good);
  await page.getByLabel('Nguồn (cho các dòng không ghi nguồn)').fill('Cục Thống kê (thử)');
  await page.getByRole('button', { name: 'Nhập tệp' }).click();
  await expect(outcome).toHaveText('✓ Đã lưu 2 số dân: 2 mới, 0 thay đổi, 0 giữ nguyên.');
  await expect(communeRow.getByLabel(/^Số dân — /)).toHaveValue('12345');
  await expect(communeRow.getByLabel(/^Ước tính — /)).toBeChecked();
  await expect(communeRow.getByLabel(/^Nguồn — /)).toHaveValue('Cục Thống kê (thử)');
  await expect(communeRow).not.toContainText('Chưa có dân số');
  await expect(
    table
      .getByRole('row')
      .filter({ hasText: 'Huyện Dân số Một' })
      .getByLabel(/^Số dân — /),
  ).toHaveValue('85000');
  await expect(page.getByTestId('population-coverage')).toContainText('Cả 4 đơn vị đều có dân số');

  await page.getByLabel('Tệp CSV', { exact: true }).setInputFiles(good);
  await page.getByRole('button', { name: 'Nhập tệp' }).click();
  await expect(outcome).toHaveText('✓ Không có gì thay đổi: 2 số dân trong tệp đã được lưu đúng như vậy.');

  // the template holds what is stored, in the import's columns
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải tệp mẫu năm 2026' }).click();
  const template = readFileSync((await (await download).path())!, 'utf8');
  expect(template).toContain('unit_code,unit_name,year,population,approximate,source');
  expect(template).toContain(`${W.commune.code},${W.commune.name},2026,12345,true,Cục Thống kê (thử)`);

  await page.goto(`/admin/audit?action=population.import&province=${W.code}`);
  const audit = page.getByTestId('audit-table');
  await expect(audit.getByRole('row')).toHaveCount(3);
  await expect(audit).toContainText(`${W.commune.code}/2026`);
  await expect(audit).toContainText('12345');
});
