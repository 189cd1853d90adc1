import { cell, expect, signIn, test } from './fixtures';
import { laiChauUnit, SEVERITY_WORLD as W } from './worlds';

// Severity figures (issue 14) in the weekly grid, on a phone: this spec's own province shaped like Lai Châu, with the
// demo's Lai Châu reports (tests/e2e/worlds.ts); 2026-W48 is the current week with the fixed clock, nothing reported
// yet. Units are named by their Lai Châu codes (u('105') is Thành phố Lai Châu).

const P = W.code;
const u = (laiChauCode: string) => laiChauUnit(W, laiChauCode);

test.use({ viewport: { width: 390, height: 844 } });

test('a data-entry officer types severity figures on a phone, saves, and reads them back; a blank stays blank', async ({
  page,
}) => {
  await signIn(page, W.dataEntry);
  await page.goto(`/provinces/${P}/entry?week=2026-W48`);
  await expect(page.getByTestId('severity-group')).toContainText('Mức độ nặng');
  await expect(page.getByRole('columnheader', { name: 'Ca nặng đang điều trị' })).toBeAttached();
  await expect(page.getByRole('columnheader', { name: 'Ca tử vong do COVID-19' })).toBeAttached();

  // Thành phố Lai Châu: cases near its last week (305), 5,000 severe cases (a slip the plausibility check catches),
  // 31 admissions and zero deaths
  await cell(page, u('105'), 'newCases').fill('305');
  await cell(page, u('105'), 'severeCases').fill('5000');
  await cell(page, u('105'), 'newAdmissions').fill('31');
  await cell(page, u('105'), 'deaths').fill('0');
  // Tam Đường: cases and severe cases; admissions and deaths left blank (not reported)
  await cell(page, u('106'), 'newCases').fill('230');
  await cell(page, u('106'), 'severeCases').fill('4');
  // the provincial hospitals' row has no cases cell but does report severity: its hospitals treat severe cases
  await expect(cell(page, u('12'), 'newCases')).toHaveCount(0);
  await cell(page, u('12'), 'severeCases').fill('12');
  await cell(page, u('12'), 'deaths').fill('1');
  await cell(page, u('12'), 'deaths').press('Tab'); // the province row's last cell: the rates column follows

  // a typed fraction is refused in the cell, as for the other figures
  await cell(page, u('106'), 'newAdmissions').fill('2,5');
  await expect(page.locator('#cell-2-newAdmissions-msg')).toHaveText(/Phải là số nguyên/);
  await cell(page, u('106'), 'newAdmissions').fill('');
  await expect(page.locator('#cell-2-newAdmissions-msg')).toHaveText('');

  // the live province total sums them: 5,000 + 4 + 12 severe, 0 + 1 deaths
  const total = page.locator('tfoot');
  await expect(total).toContainText('5.016');

  await page.getByRole('button', { name: 'Lưu số liệu tuần' }).click();
  const warnings = page.getByTestId('warnings-panel');
  await expect(warnings).toContainText('Ca nặng đang điều trị = 5.000 khác xa trung vị');
  await warnings.getByRole('button', { name: 'Tôi đã kiểm tra, vẫn lưu' }).click();
  await expect(page.getByTestId('saved-message')).toHaveText(/Đã lưu 3 báo cáo/);

  await page.reload();
  await expect(cell(page, u('105'), 'severeCases')).toHaveValue('5000');
  await expect(cell(page, u('105'), 'newAdmissions')).toHaveValue('31');
  await expect(cell(page, u('105'), 'deaths')).toHaveValue('0'); // zero is a figure
  await expect(cell(page, u('106'), 'severeCases')).toHaveValue('4');
  await expect(cell(page, u('106'), 'newAdmissions')).toHaveValue(''); // blank stays blank, never 0
  await expect(cell(page, u('106'), 'deaths')).toHaveValue('');
  await expect(cell(page, u('12'), 'severeCases')).toHaveValue('12');
  await expect(cell(page, u('12'), 'newAdmissions')).toHaveValue('');
  // the severity cells stay reachable on the 390 px screen: the grid scrolls sideways, the page does not
  await cell(page, u('105'), 'deaths').scrollIntoViewIfNeeded();
  await expect(cell(page, u('105'), 'deaths')).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // emptying a stored cell clears it: one confirmation names what is cleared, the stored value stays beside the cell
  await cell(page, u('106'), 'severeCases').fill('');
  await page.getByRole('button', { name: 'Lưu số liệu tuần' }).click();
  await expect(warnings.getByRole('heading')).toHaveText(/Cần xác nhận 2 cảnh báo/); // the overwrite and the clearing
  await expect(warnings).toContainText(
    'Huyện Tam Đường: lưu sẽ xóa 1 số liệu đã lưu, đưa về “chưa báo cáo”: Ca nặng đang điều trị.',
  );
  await expect(page.locator('#cell-2-severeCases-msg')).toHaveText('⚠ sẽ xóa số đã lưu (4)');
  await warnings.getByRole('button', { name: 'Tôi đã kiểm tra, vẫn lưu' }).click();
  await expect(page.getByTestId('saved-message')).toHaveText(/Đã lưu 1 báo cáo/);
  await page.reload();
  await expect(cell(page, u('106'), 'severeCases')).toHaveValue('');
  await expect(cell(page, u('106'), 'newCases')).toHaveValue('230');

  // the report's history shows the severity figures the save recorded (the audit row)
  await page
    .locator(`tr[data-unit="${u('105')}"]`)
    .getByRole('link', { name: 'Lịch sử' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lịch sử: Thành phố Lai Châu, tuần 2026-W48');
  const created = page.getByTestId('history-entry').first();
  // the exact cells, before and after: not reported before, 0 deaths after (a "0" anywhere would not do)
  await expect(created.getByRole('row', { name: /Ca nặng đang điều trị/ }).getByRole('cell')).toHaveText([
    '—',
    '5.000',
  ]);
  await expect(created.getByRole('row', { name: /Ca tử vong/ }).getByRole('cell')).toHaveText(['—', '0']);
});

test.describe('on a desktop screen', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('the grid shows every column, the severity figures and each row’s verdict included, without scrolling sideways', async ({
    page,
  }) => {
    await signIn(page, W.dataEntry);
    await page.goto(`/provinces/${P}/entry?week=2026-W47`);
    await expect(page.getByTestId('row-verdict').first()).toBeVisible();
    const grid = page.getByTestId('grid-scroll');
    const { scrollWidth, clientWidth } = await grid.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    }));
    expect(scrollWidth, 'the grid needs no sideways scroll at 1280 px').toBeLessThanOrEqual(clientWidth);
    await expect(cell(page, u('105'), 'deaths')).toBeInViewport();
    await expect(page.getByTestId('row-verdict').first()).toBeInViewport();
  });
});
