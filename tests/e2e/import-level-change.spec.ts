import { expect, signIn, test } from './fixtures';
import { IMPORT_LEVEL_WORLD as W, laiChauUnit } from './worlds';

// The import's preview of a level change (issue 13 item 3), on this spec's own province shaped like Lai Châu with the
// demo's reports (tests/e2e/worlds.ts): a file with Tam Đường's row of 2026-W47 and the provincial row with the typo
// 4 for 12 ICU beds turns the latest complete week into a settled surge. The preview says so before anything is written,
// and the confirmation sends the change's key back. SCREENSHOT_DIR=… saves the preview.

const SHOTS = process.env.SCREENSHOT_DIR;
const u = (laiChauCode: string) => laiChauUnit(W, laiChauCode);

test('a file that would open the plan is previewed with the opening for 16 bodies, and imports once confirmed', async ({
  page,
  allowConsoleErrors,
}) => {
  allowConsoleErrors(/status of 422/); // the import API answers 422, which Chromium logs
  await signIn(page, W.dataEntry);
  await page.goto(`/provinces/${W.code}/import`);
  const csv =
    'unit_code,iso_week,new_cases,oxygen_avg_7d,free_covid_beds,staffed_icu_beds,total_covid_beds,icu_beds\r\n' +
    `${u('106')},2026-W47,250,5,8,2,,\r\n` +
    `${u('12')},2026-W47,,45.56,50,4,807,14\r\n`;
  await page.getByLabel('Tệp CSV hoặc Excel (.xlsx)').setInputFiles({
    name: 'tuan-47.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await page.getByRole('button', { name: 'Kiểm tra và nhập' }).click();
  const result = page.getByTestId('import-result');
  const levelChange = result.getByTestId('level-change');
  await expect(levelChange).toContainText(
    'Tuần 2026-W47: Cảnh báo sớm (mức của SurgeWatch) → Tình huống bùng phát (đã chốt).',
  );
  await expect(levelChange).toContainText('Lưu sẽ kích hoạt phương án cho 16 cơ quan');
  // the rows' own warnings follow it: the provincial row already reported, 4 far from its median, 250 cases too
  await expect(result.getByTestId('import-warnings')).toContainText('khác xa trung vị');
  if (SHOTS) await result.screenshot({ path: `${SHOTS}/import-level-change.png` });

  const submit = page.getByRole('button', { name: 'Nhập, đã xác nhận cảnh báo' });
  await expect(submit).toBeDisabled();
  await page
    .getByLabel('Tôi đã xem thay đổi tình huống dịch và các cảnh báo dưới đây, và vẫn muốn nhập tệp này.')
    .check();
  await submit.click();
  await expect(result).toHaveText(
    '✓ Đã nhập 2 dòng: 1 báo cáo mới, 1 được cập nhật, 0 không thay đổi. Tuần 2026-W47: Cảnh báo sớm (mức của SurgeWatch) → Tình huống bùng phát (đã chốt). Đã kích hoạt phương án cho 16 cơ quan.',
  );
});
