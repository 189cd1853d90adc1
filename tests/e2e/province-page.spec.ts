import { expect, signIn, test } from './fixtures';
import { SIGN_OUT_WORLD } from './worlds';

test('a provincial leader signs in and lands on the province page with its districts and verdict', async ({
  page,
  loginAs,
}) => {
  await loginAs('leaderKG');
  await expect(page).toHaveURL(/\/provinces\/91$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tỉnh Kiên Giang');
  // the demo data puts Kiên Giang in the surge scenario in the last complete week (2026-W47 with the fixed clock)
  const banner = page.getByTestId('surge-banner');
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(banner).toContainText('Kịch bản bùng phát — tuần 2026-W47');
  await expect(banner).toContainText('Công văn 3840/SYT-NVYD');
  // the districts: a row each in the hotspot heatmap, and every unit's figures one click away
  const heatmap = page.getByTestId('heatmap');
  await expect(heatmap.locator('tbody tr')).toHaveCount(15);
  await expect(heatmap).toContainText('Thành phố Rạch Giá');
  await page.getByRole('link', { name: /Số liệu của từng đơn vị tuần này/ }).click();
  const table = page.getByTestId('units-table');
  await expect(table.getByRole('row')).toHaveCount(1 + 1 + 15); // header, province-level facilities, 15 districts
  await expect(table).toContainText('Thành phố Rạch Giá');
  await expect(table).toContainText('Cơ sở tuyến tỉnh');
  await expect(page.getByTestId('surge-banner')).toContainText('Kịch bản bùng phát — tuần 2026-W47');
});

test('a wrong password is refused with a clear message and no session', async ({ page, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 401/); // next-auth answers a refused sign-in with 401, which Chromium logs
  await signIn(page, { email: 'lanhdao.kg@demo.surgewatch.vn', password: 'not-the-password' }, { wait: false });
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
  await expect(banner).toContainText('Cảnh báo sớm — tuần 2026-W47');
  await expect(banner).toContainText('mức riêng của SurgeWatch');
  await expect(page.getByText('Đã báo cáo 8/9 đơn vị')).toBeVisible();
  await expect(page.getByTestId('missing-units')).toContainText('Chưa báo cáo: Huyện Tam Đường');
});
