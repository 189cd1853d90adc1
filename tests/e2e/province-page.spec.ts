import { expect, signIn, test } from './fixtures';
import { SIGN_OUT_WORLD, VERDICT_WORLD } from './worlds';

test('a provincial leader signs in and lands on the province page with its communes, facilities and verdict', async ({
  page,
  loginAs,
}) => {
  await loginAs('leaderKG');
  await expect(page).toHaveURL(/\/provinces\/91$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tỉnh An Giang');
  // the demo data puts An Giang in the surge scenario in the last complete week (2026-W47 with the fixed clock), judged
  // by its demo plan copied from old Kiên Giang's
  const banner = page.getByTestId('surge-banner');
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(banner).toContainText('Tình huống bùng phát — tuần 2026-W47');
  await expect(banner).toContainText('Công văn 3840/SYT-NVYD');
  // the communes: the hottest spots in the heatmap, the whole list one click away, every unit's figures too
  const heatmap = page.getByTestId('heatmap');
  await expect(heatmap.locator('tbody tr')).toHaveCount(20);
  await expect(heatmap).toContainText('Xã Đông Hòa');
  await expect(page.getByRole('link', { name: /Hiển thị cả 102 đơn vị/ })).toBeVisible();
  await page.getByRole('link', { name: /Số liệu của từng đơn vị tuần này/ }).click();
  const table = page.getByTestId('units-table');
  // header, the province row, 6 regional health centres, 102 communes
  await expect(table.getByRole('row')).toHaveCount(1 + 1 + 6 + 102);
  await expect(table).toContainText('Phường Rạch Giá');
  await expect(table).toContainText('Cơ sở tuyến tỉnh');
  await expect(table).toContainText('Trung tâm Y tế khu vực Phú Quốc');
  await expect(page.getByTestId('surge-banner')).toContainText('Tình huống bùng phát — tuần 2026-W47');
});

test('a wrong password is refused with a clear message and no session', async ({ page, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 401/); // next-auth answers a refused sign-in with 401, which Chromium logs
  await signIn(page, { email: 'lanhdao.ag@demo.surgewatch.vn', password: 'not-the-password' }, { wait: false });
  await expect(page.getByText('Thư điện tử hoặc mật khẩu không đúng.')).toBeVisible();
  await page.goto('/provinces/91');
  await expect(page).toHaveURL(/\/signin/);
});

test('a provincial leader cannot read another province', async ({ page, loginAs }) => {
  await loginAs('leaderKG');
  await page.goto('/provinces/12');
  await expect(page.getByText('Bạn không có quyền xem số liệu của tỉnh này.')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
});

// Signing out ends every session of the user: a Kiên Giang leader of this spec's own, not the demo one others use.
test('signing out ends the session', async ({ page, loginAs }) => {
  await loginAs(SIGN_OUT_WORLD.leaderKG);
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/provinces/91');
  await expect(page).toHaveURL(/\/signin/);
});

test('Lai Châu, in early warning, shows the quieter banner with the help text', async ({ page, loginAs }) => {
  await loginAs('leaderLC');
  const banner = page.getByTestId('surge-banner');
  await expect(banner).toHaveAttribute('role', 'status');
  await expect(banner).toContainText('Cảnh báo sớm (mức của SurgeWatch) — tuần 2026-W47');
  await expect(banner).toContainText('mức riêng của SurgeWatch');
  // 38 communes, the province row and 5 regional health centres; Xã Bình Lư (formerly Tam Đường) has not reported
  await expect(page.getByText('Đã báo cáo 43/44 đơn vị')).toBeVisible();
  await expect(page.getByTestId('missing-units')).toContainText('Chưa báo cáo: Xã Bình Lư');
  // Bình Lư could still add cases and oxygen, never remove any, and reports no beds: the warning cannot change
  await expect(banner).toHaveAttribute('data-settlement', 'settledProvisional');
  await expect(banner).toContainText('43/44 đơn vị đã báo cáo: thiếu báo cáo nhưng kết luận không đổi');
  await expect(banner.getByTestId('not-settled')).toHaveCount(0);
  await expect(banner).toContainText(
    'Cách kết hợp tiêu chí (≥ 1 tiêu chí dịch và ≥ 1 tiêu chí năng lực) là cách đọc của SurgeWatch; phụ lục II.2 không quy định cách kết hợp.',
  );
  const verdict = page.locator('section[aria-labelledby="verdict"]');
  await expect(verdict.locator('[data-level="warning"]')).toHaveAttribute('data-settlement', 'settledProvisional');
  await expect(verdict).toContainText('kết luận cũng không đổi');
  // oxygen is not met on 37 of the 38 communes' figures (the ones that report it): the last could still tip it
  const oxygen = page.getByTestId('indicator-cards').locator('[data-criterion="oxygen"]');
  await expect(oxygen).toContainText('Chưa chạm ngưỡng · chưa chốt');
  await expect(oxygen).toContainText('37/38 đơn vị đã báo cáo số này');
  await expect(page.getByTestId('indicator-cards').locator('[data-criterion="cases"]')).not.toContainText('chưa chốt');
});

// The Lai Châu example (tests/e2e/worlds.ts VERDICT_WORLD): the districts alone put the province in surge, the
// provincial hospitals' row could still undo it.
test('a surge the missing provincial row could still undo says "Chưa chốt" in the banner and the verdict', async ({
  page,
  loginAs,
}) => {
  const W = VERDICT_WORLD;
  await loginAs(W.leader);
  await expect(page).toHaveURL(new RegExp(`/provinces/${W.code}$`));
  const banner = page.getByTestId('surge-banner');
  await expect(banner).toHaveAttribute('data-level', 'surge');
  await expect(banner).toHaveAttribute('data-settlement', 'notSettled');
  await expect(banner.getByTestId('not-settled')).toHaveText('Chưa chốt');
  await expect(banner).toContainText(
    'Chưa chốt: có thể thay đổi khi nhận đủ báo cáo còn thiếu — 8/9 đơn vị đã báo cáo',
  );
  // free beds and ICU are met on partial sums: the missing row can only add beds
  await expect(banner).toContainText('Giường COVID-19 còn trống/100.000 dân 7,0 (ngưỡng ≤ 10) · chưa chốt');
  await expect(banner).toContainText('là cách đọc của SurgeWatch; phụ lục II.2 không quy định cách kết hợp.');

  const verdict = page.locator('section[aria-labelledby="verdict"]');
  await expect(verdict.locator('[data-level="surge"]')).toHaveAttribute('data-settlement', 'notSettled');
  await expect(verdict.getByTestId('not-settled-note')).toHaveText(
    /Chưa chốt: có thể thay đổi khi nhận đủ báo cáo còn thiếu/,
  );
  const cards = page.getByTestId('indicator-cards');
  await expect(cards.locator('[data-criterion="freeBeds"]')).toHaveAttribute('data-settled', 'false');
  await expect(cards.locator('[data-criterion="freeBeds"]')).toContainText('8/9 đơn vị đã báo cáo số này');
  await expect(cards.locator('[data-criterion="icuBeds"]')).toContainText('Chạm ngưỡng · chưa chốt');
  // cases are met on a lower bound: no report can take them back
  await expect(cards.locator('[data-criterion="cases"]')).not.toHaveAttribute('data-settled', 'false');
  await expect(page.getByTestId('combination-note')).toHaveCount(2); // the banner's and the cards'
});

test('few free beds and no ICU with no epidemic signal is a normal week with a note, not an alarm', async ({
  page,
  loginAs,
}) => {
  const W = VERDICT_WORLD;
  await loginAs(W.leader);
  await page.goto(`/provinces/${W.code}?week=${W.capacityWeek}`);
  const verdict = page.locator('section[aria-labelledby="verdict"]');
  await expect(verdict.locator('[data-level]').first()).toHaveAttribute('data-level', 'normal');
  await expect(verdict.locator('[data-level="normal"]')).toHaveAttribute('data-settlement', 'settled');
  const cards = page.getByTestId('indicator-cards');
  const beds = cards.locator('[data-criterion="freeBeds"]');
  await expect(beds).toHaveAttribute('data-state', 'capacityNote');
  await expect(beds).toContainText('Giường còn trống dưới ngưỡng');
  await expect(beds).toContainText('Để thông tin: không có tiêu chí dịch nào chạm ngưỡng');
  await expect(beds).not.toContainText('Chạm ngưỡng');
  await expect(cards.locator('[data-criterion="icuBeds"]')).toContainText('Giường ICU đủ nhân lực dưới ngưỡng');
  await expect(cards.locator('[data-state="met"]')).toHaveCount(0);
  await expect(cards.getByTestId('criterion-not-settled')).toHaveCount(0);

  // the printed brief says the same
  await page.goto(`/provinces/${W.code}/print?week=${W.capacityWeek}`);
  const brief = page.getByTestId('weekly-brief');
  await expect(brief.locator('tr[data-criterion="freeBeds"]')).toContainText('• Giường còn trống dưới ngưỡng');
  await expect(brief.getByTestId('combination-note')).toContainText('là cách đọc của SurgeWatch');
  await page.goto(`/provinces/${W.code}/print?week=${W.unsettledWeek}`);
  await expect(brief.getByTestId('not-settled-note')).toHaveText(/Chưa chốt: có thể thay đổi/);
  await expect(brief.locator('[data-settlement="notSettled"]')).toContainText('Chưa chốt');
});

test("the entry grid's live total marks an unsettled verdict and shows the capacity note", async ({ page }) => {
  const W = VERDICT_WORLD;
  await signIn(page, W.dataEntry);
  await page.goto(`/provinces/${W.code}/entry?week=${W.unsettledWeek}`);
  const total = page.getByTestId('total-verdict');
  await expect(total.locator('[data-level="surge"]')).toHaveAttribute('data-settlement', 'notSettled');
  await expect(total.getByTestId('total-not-settled')).toHaveText(/có thể thay đổi khi nhận đủ báo cáo còn thiếu/);
  await expect(total.locator('[data-total-criterion="freeBeds"]')).toContainText('chưa chốt');

  await page.goto(`/provinces/${W.code}/entry?week=${W.capacityWeek}`);
  await expect(total.locator('[data-level="normal"]')).toHaveAttribute('data-settlement', 'settled');
  await expect(total.getByTestId('capacity-note')).toHaveText([
    'Giường còn trống dưới ngưỡng',
    'Giường ICU đủ nhân lực dưới ngưỡng',
  ]);
});

test('on a phone the province pages do not scroll sideways: wide tables scroll inside their own frame', async ({
  page,
  loginAs,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await loginAs('leaderKG');
  // the heatmap's screen-reader labels once escaped its scrolling frame and widened the page to 754 px
  for (const path of [
    '/provinces/91',
    '/provinces/91/districts',
    '/provinces/91/completeness',
    '/provinces/91/response',
  ]) {
    await page.goto(path);
    await expect(page.locator('main')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
  }
});
