import { cell, expect, signIn, test } from './fixtures';
import { LEVEL_CHANGE_WORLD as W, laiChauUnit } from './worlds';

// "Say it before it happens" (issue 13, "Done when" #2) in the grid, on this spec's own province shaped like Lai Châu
// with the demo's reports (tests/e2e/worlds.ts): in 2026-W47, the latest complete week with the fixed clock, Tam Đường
// has not reported. Once its row is in (2 ICU beds: 26 in the province, 5.65 per 100,000), a typo of 4 for the
// provincial hospitals' 12 ICU beds leaves 18 (3.91, below Lai Châu's 4): a settled surge, which opens the plan.
// SCREENSHOT_DIR=… saves the confirmation at 1280 and 390 px.

const P = W.code;
const u = (laiChauCode: string) => laiChauUnit(W, laiChauCode);
const SHOTS = process.env.SCREENSHOT_DIR;

test('a typo that would open the plan asks first, naming the opening for 16 bodies; its correction asks to withdraw it', async ({
  page,
  browser,
}) => {
  // Tam Đường's officer follows their task list in a browser of their own
  const officerContext = await browser.newContext({ viewport: { width: 390, height: 800 } });
  const officer = await officerContext.newPage();
  await signIn(officer, W.districtOfficer);
  const officerTasks = async () => {
    await officer.goto('/tasks');
    return officer.locator('main');
  };
  await expect(await officerTasks()).toContainText('hiện không kích hoạt phương án ứng phó');

  await signIn(page, W.dataEntry);
  await page.goto(`/provinces/${P}/entry?week=2026-W47`);
  const save = page.getByRole('button', { name: 'Lưu số liệu tuần' });
  const warnings = page.getByTestId('warnings-panel');
  const levelChange = page.getByTestId('level-change');
  const confirm = warnings.getByRole('button', { name: 'Tôi đã kiểm tra, vẫn lưu' });

  // Tam Đường's row: every unit has reported and the week stays in early warning, so only its own warning is asked
  await cell(page, u('106'), 'newCases').fill('250');
  await cell(page, u('106'), 'oxygenAvg7d').fill('5');
  await cell(page, u('106'), 'freeCovidBeds').fill('8');
  await cell(page, u('106'), 'staffedIcuBeds').fill('2');
  await save.click();
  await expect(warnings).toContainText('khác xa trung vị'); // 250 cases against a median of 33.5
  await expect(levelChange).toHaveCount(0);
  await confirm.click();
  await expect(page.getByTestId('saved-message')).toHaveText(/^✓ Đã lưu 1 báo cáo\. Trang tổng quan/);
  await expect(page.getByTestId('total-completeness')).toHaveText('9/9 đơn vị có số liệu');

  // the grid starts again from the stored rows once the server has answered (who reported): type after that
  await expect(page.locator(`tr[data-unit="${u('106')}"]`)).toContainText(`Đã báo cáo: ${W.dataEntry.name}`);
  // the typo: 12 → 4 on the provincial row
  await expect(cell(page, u('12'), 'staffedIcuBeds')).toHaveValue('12');
  await cell(page, u('12'), 'staffedIcuBeds').fill('4');
  await save.click();
  await expect(levelChange).toBeVisible();
  await expect(levelChange).toContainText('Lưu sẽ ảnh hưởng đến tình huống dịch hoặc phương án ứng phó của toàn tỉnh');
  await expect(levelChange).toContainText(
    'Tuần 2026-W47: Cảnh báo sớm (mức của SurgeWatch) → Tình huống bùng phát (đã chốt).',
  );
  await expect(levelChange).toContainText('Lưu sẽ kích hoạt phương án cho 16 cơ quan');
  await expect(page.getByTestId('saved-message')).toHaveText(''); // the earlier save's message is not this one's
  // first, above the rows' own warnings (4 against the row's median of 13, and the week already reported)
  await expect(warnings.getByRole('heading')).toHaveText(/Cần xác nhận 3 cảnh báo/);
  expect(
    await warnings.evaluate((panel) => {
      const block = panel.querySelector('[data-testid="level-change"]')!;
      return !!(block.compareDocumentPosition(panel.querySelector('ul')!) & Node.DOCUMENT_POSITION_FOLLOWING);
    }),
  ).toBe(true);
  if (SHOTS) {
    await warnings.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/level-change-1280.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await warnings.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/level-change-390.png` });
    await warnings.screenshot({ path: `${SHOTS}/level-change-390-panel.png` });
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  // nothing is saved before the confirmation
  const stored = await page.request.get(`/api/v1/reports/${P}/2026-W47`);
  expect((await stored.json()).report).toMatchObject({ staffedIcuBeds: 12 });
  await confirm.click();
  await expect(page.getByTestId('saved-message')).toHaveText(
    '✓ Đã lưu 1 báo cáo. Tuần 2026-W47: Cảnh báo sớm (mức của SurgeWatch) → Tình huống bùng phát (đã chốt). Đã kích hoạt phương án cho 16 cơ quan.',
  );
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/level-change-saved-1280.png` });
  await expect(await officerTasks()).toContainText(/Cần làm \(\d+\)/);

  // the correction, 4 → 12: the automatic opening nobody has acted on is withdrawn, once confirmed
  await expect(page.locator(`tr[data-unit="${u('12')}"]`)).toContainText(`Đã báo cáo: ${W.dataEntry.name}`);
  await expect(cell(page, u('12'), 'staffedIcuBeds')).toHaveValue('4');
  await cell(page, u('12'), 'staffedIcuBeds').fill('12');
  await save.click();
  await expect(levelChange).toContainText(
    'Tuần 2026-W47: Tình huống bùng phát → Cảnh báo sớm (mức của SurgeWatch) (đã chốt).',
  );
  await expect(levelChange).toContainText('Lưu sẽ rút lại kích hoạt tự động');
  if (SHOTS) await warnings.screenshot({ path: `${SHOTS}/level-change-withdraw-panel.png` });
  await confirm.click();
  await expect(page.getByTestId('saved-message')).toHaveText(
    /^✓ Đã lưu 1 báo cáo\. Tuần 2026-W47: Tình huống bùng phát → Cảnh báo sớm \(mức của SurgeWatch\) \(đã chốt\)\. Đã rút lại kích hoạt tự động/,
  );
  // the withdrawn plan's tasks are gone from the officer's list
  await expect(await officerTasks()).toContainText('hiện không kích hoạt phương án ứng phó');
  await officerContext.close();
});
