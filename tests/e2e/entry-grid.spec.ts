import { cell, expect, signIn, test } from './fixtures';
import { GRID_WORLD as W, laiChauUnit } from './worlds';

// The weekly grid with the keyboard only, and pasting a block copied from Excel, on this spec's own province shaped
// like Lai Châu, with the demo's Lai Châu reports (tests/e2e/worlds.ts): 2026-W48 is the current week with the fixed
// clock, 2026-W20 comes from the demo's history. Units are named by their Lai Châu codes (u('105') is Thành phố Lai Châu).

const P = W.code;
const u = (laiChauCode: string) => laiChauUnit(W, laiChauCode);

const focused = (page: import('@playwright/test').Page) => page.evaluate(() => document.activeElement?.id ?? '');

test('a data-entry officer fills the week with the keyboard only, sees errors and the live verdict, and saves', async ({
  page,
}) => {
  await signIn(page, W.dataEntry);
  await page.goto(`/provinces/${P}/entry?week=2026-W48`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Nhập số liệu tuần — ${W.name}`);
  await expect(page.locator(`tr[data-unit="${u('105')}"]`).getByTestId('not-reported')).toHaveText(/Chưa báo cáo/);
  await expect(page.locator(`tr[data-unit="${u('105')}"]`)).toContainText('tuần trước: 305'); // W47 beside the cell

  // the province row has no cases column: its first cell is oxygen
  await cell(page, u('12'), 'oxygenAvg7d').focus();
  await page.keyboard.type('46,5');
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('cell-0-freeCovidBeds');
  await page.keyboard.type('49');
  await page.keyboard.press('Enter'); // down, same column
  expect(await focused(page)).toBe('cell-1-freeCovidBeds');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  expect(await focused(page)).toBe('cell-1-newCases');
  await page.keyboard.type('-3');
  const error = page.locator('#cell-1-newCases-msg');
  await expect(error).toHaveText(/Không được là số âm/);
  await expect(error).toHaveAttribute('aria-live', 'polite');
  await expect(cell(page, u('105'), 'newCases')).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('grid-notice')).toHaveText(/còn 1 ô có lỗi/);

  await page.keyboard.press('Control+A');
  await page.keyboard.type('310');
  await expect(error).toHaveText('');
  await page.keyboard.press('Tab');
  await page.keyboard.type('6,25');
  await page.keyboard.press('Enter');
  await page.keyboard.type('4,4'); // 106 oxygen
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('230'); // 106 cases
  // live rates from the shared surge module: 310 cases / 42,100 people = 736.3 per 100k, above Lai Châu's 450
  const row105 = page.locator(`tr[data-unit="${u('105')}"]`).getByTestId('row-verdict');
  await expect(row105).toContainText('Cảnh báo sớm');
  await expect(row105).toContainText('Ca mắc/100.000 dân: 736,3');
  // 540 cases over 3 of 9 units: not met, and the six silent districts could still change that
  await expect(page.getByTestId('total-verdict')).toContainText('Chưa chốt');
  await expect(page.getByTestId('total-completeness')).toHaveText('3/9 đơn vị có số liệu');

  await page.keyboard.press('Control+Enter');
  const warnings = page.getByTestId('warnings-panel');
  await expect(warnings).toContainText('khác xa trung vị'); // 310 against the median of 105's last 8 reports
  await warnings.getByRole('button', { name: 'Tôi đã kiểm tra, vẫn lưu' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('saved-message')).toHaveText(/Đã lưu 3 báo cáo/);
  await expect(page.locator(`tr[data-unit="${u('105')}"]`)).toContainText(`Đã báo cáo: ${W.dataEntry.name}`);
  await expect(cell(page, u('105'), 'oxygenAvg7d')).toHaveValue('6,25');

  // the province's pages read the same rows at once: the units' table and the hotspot heatmap (310 / 42,100 people)
  await page.goto(`/provinces/${P}/districts?week=2026-W48`);
  await expect(
    page.getByTestId('units-table').getByRole('row', { name: /^Thành phố Lai Châu 310 6,25/ }),
  ).toBeVisible();
  await page.goto(`/provinces/${P}?week=2026-W48`);
  await expect(page.locator(`a[href="/provinces/${P}/districts/${u('105')}?week=2026-W48"]`)).toContainText('736');
});

test('pasting a block copied from Excel fills the grid from the focused cell', async ({ page }) => {
  await signIn(page, W.dataEntry);
  await page.goto(`/provinces/${P}/entry?week=2026-W20`);
  await expect(cell(page, u('107'), 'newCases')).not.toHaveValue('');
  const block = '31\t1,5\t12\t2\n28\t1,25\t14\t3\r\n';
  // Excel puts tab-separated lines on the clipboard; a paste event carries them as text/plain
  await cell(page, u('107'), 'newCases').evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, block);
  await expect(page.getByTestId('grid-notice')).toHaveText('Đã dán 8 ô.');
  await expect(cell(page, u('107'), 'newCases')).toHaveValue('31');
  await expect(cell(page, u('107'), 'oxygenAvg7d')).toHaveValue('1,5');
  await expect(cell(page, u('108'), 'oxygenAvg7d')).toHaveValue('1,25');
  await expect(cell(page, u('108'), 'staffedIcuBeds')).toHaveValue('3');
  await expect(page.locator(`tr[data-unit="${u('108')}"]`)).toContainText('Có thay đổi chưa lưu');

  await page.getByRole('button', { name: 'Lưu số liệu tuần' }).click();
  const warnings = page.getByTestId('warnings-panel');
  await expect(warnings).toContainText('tuần này đã được báo cáo'); // W20 comes from the demo data
  await warnings.getByRole('button', { name: 'Tôi đã kiểm tra, vẫn lưu' }).click();
  await expect(page.getByTestId('saved-message')).toHaveText(/Đã lưu 2 báo cáo/);

  await page
    .locator(`tr[data-unit="${u('108')}"]`)
    .getByRole('link', { name: 'Lịch sử' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lịch sử: Huyện Sìn Hồ, tuần 2026-W20');
  const latest = page.getByTestId('history-entry').first();
  await expect(latest).toContainText(`${W.dataEntry.email} · sửa báo cáo · bảng nhập · phiên bản 1 → 2`);
  await expect(latest.getByRole('row', { name: /Thở ô xy \(TB 7 ngày\)/ })).toContainText('1,25');
});

test('the completeness page lists who reported the week and who did not', async ({ page }) => {
  await signIn(page, W.dataEntry);
  await page.goto(`/provinces/${P}/completeness?week=2026-W47`);
  await expect(page.getByTestId('completeness-summary')).toHaveText('Đã báo cáo 8/9 đơn vị (89%)');
  await expect(page.getByRole('row', { name: /Huyện Tam Đường/ })).toContainText('Chưa báo cáo');
  await expect(page.getByRole('row', { name: /Huyện Sìn Hồ/ })).toContainText('Đúng hạn');
});
