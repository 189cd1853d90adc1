import { cell, expect, signIn, test } from './fixtures';
import { CONFLICT_WORLD as W, laiChauUnit } from './worlds';

// Two people edit one report: the second save is refused with the first one's figures, and merged cell by cell.
// 2026-W25 of Phong Thổ (Lai Châu's 109) in this spec's own province shaped like Lai Châu (tests/e2e/worlds.ts).

const PHONG_THO = laiChauUnit(W, '109');

test('the second of two concurrent saves is refused, shows the other figures, and merges', async ({
  page,
  browser,
  baseURL,
}) => {
  const other = await browser.newContext({ baseURL, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const second = await other.newPage();
  const secondErrors: string[] = [];
  second.on('console', (m) => m.type() === 'error' && secondErrors.push(m.text()));
  try {
    await signIn(page, W.dataEntry);
    await signIn(second, W.dataEntry);
    await page.goto(`/provinces/${W.code}/entry?week=2026-W25`);
    await second.goto(`/provinces/${W.code}/entry?week=2026-W25`);

    // the first person saves
    await cell(page, PHONG_THO, 'freeCovidBeds').fill('21');
    await page.getByRole('button', { name: 'Lưu số liệu tuần' }).click();
    await page.getByTestId('warnings-panel').getByRole('button', { name: 'Tôi đã kiểm tra, vẫn lưu' }).click();
    await expect(page.getByTestId('saved-message')).toHaveText(/Đã lưu 1 báo cáo/);

    // the second, who read the report before that save, is refused and sees the first one's figures
    await cell(second, PHONG_THO, 'freeCovidBeds').fill('23');
    await cell(second, PHONG_THO, 'oxygenAvg7d').fill('9,99');
    await second.getByRole('button', { name: 'Lưu số liệu tuần' }).click();
    const conflict = second.getByTestId('conflict-panel');
    await expect(conflict).toContainText(`Huyện Phong Thổ: ${W.dataEntry.name} đã lưu số liệu khác`);
    await expect(conflict).toContainText('phiên bản 2');
    await expect(conflict.getByRole('row', { name: /Giường COVID-19 trống/ })).toContainText('23');
    await expect(conflict.getByRole('row', { name: /Giường COVID-19 trống/ })).toContainText('21');
    await expect(second.getByTestId('grid-notice')).toHaveText(/vừa được người khác thay đổi/);
    await expect(second.getByRole('button', { name: 'Áp dụng lựa chọn' })).toBeDisabled();

    // merge: take their beds, keep my oxygen
    await conflict
      .getByRole('row', { name: /Giường COVID-19 trống/ })
      .getByRole('radio', { name: /lấy số đã lưu/ })
      .check();
    await conflict
      .getByRole('row', { name: /Thở ô xy/ })
      .getByRole('radio', { name: /giữ số của tôi/ })
      .check();
    await second.getByRole('button', { name: 'Áp dụng lựa chọn' }).click();
    await expect(conflict).toHaveCount(0);
    await expect(cell(second, PHONG_THO, 'freeCovidBeds')).toHaveValue('21');
    await expect(cell(second, PHONG_THO, 'oxygenAvg7d')).toHaveValue('9,99');
    await second.getByRole('button', { name: 'Lưu số liệu tuần' }).click();
    await second.getByTestId('warnings-panel').getByRole('button', { name: 'Tôi đã kiểm tra, vẫn lưu' }).click();
    await expect(second.getByTestId('saved-message')).toHaveText(/Đã lưu 1 báo cáo/);

    // nothing was lost: both changes are in the report, each audited
    await page.goto(`/provinces/${W.code}/entry/history/${PHONG_THO}?week=2026-W25`);
    const entries = page.getByTestId('history-entry');
    await expect(entries).toHaveCount(2);
    await expect(entries.nth(0)).toContainText('phiên bản 2 → 3');
    await expect(entries.nth(0).getByRole('row', { name: /Thở ô xy/ })).toContainText('9,99');
    await expect(entries.nth(0).getByRole('row', { name: /Giường COVID-19 trống/ })).toHaveCount(0); // already 21 at version 2
    await expect(entries.nth(1)).toContainText('phiên bản 1 → 2');
    expect(secondErrors).toEqual([]);
  } finally {
    await other.close();
  }
});
