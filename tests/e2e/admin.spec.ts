import type { Browser, Page } from '@playwright/test';
import { DEMO_EMAILS, DEMO_PASSWORD } from '../../src/server/seed/demo-accounts';
import { expect, signIn as signInWith, test } from './fixtures';

// The administrator's pages as people use them. Users are created here (the demo accounts stay as they are); users and
// plan changes concern Thanh Hóa (38), a province of today which no other spec looks at, and population changes 2027
// (Ninh Bình, 37).

const PASSWORD = 'quản trị viên tạo ngày hôm nay';

const signIn = (page: Page, email: string, password: string) => signInWith(page, { email, password }, { wait: false });

async function otherBrowser(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
  return page;
}

async function createUser(page: Page, email: string, role: string, province: string) {
  await page.goto('/admin/users/new');
  await page.getByLabel('Thư điện tử').fill(email);
  await page.getByLabel('Họ tên, chức vụ').fill('Nguyễn Thị Kiểm Thử');
  await page.getByLabel('Vai trò', { exact: true }).selectOption(role);
  await page.getByLabel('Tỉnh', { exact: true }).selectOption(province);
  await page.getByLabel('Mật khẩu ban đầu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã tạo tài khoản.' })).toBeVisible();
}

test('other roles neither see the administration nor get in, and the refusal is logged', async ({ page, loginAs }) => {
  await loginAs('leaderKG');
  await expect(
    page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quản trị' }),
  ).toHaveCount(0);
  for (const path of [
    '/admin',
    '/admin/users',
    '/admin/users/new',
    '/admin/plans/91',
    '/admin/populations',
    '/admin/units',
    '/admin/audit',
  ]) {
    await page.goto(path);
    await expect(page.locator('main [role="alert"]')).toHaveText(
      'Bạn không có quyền sử dụng trang này. Lần truy cập đã được ghi vào nhật ký.',
    );
    await expect(page.getByRole('table')).toHaveCount(0);
  }
  await page.context().clearCookies();
  await loginAs('admin');
  await page.goto(`/admin/audit?action=permission.denied&actor=${encodeURIComponent(DEMO_EMAILS.leaderKG)}`);
  await expect(page.getByTestId('audit-table')).toContainText('page:/admin/audit');
  await expect(page.getByTestId('audit-table')).toContainText('page:/admin/plans/91');
});

test('an administrator creates an account: bad input is shown next to the field and kept; the new user signs in', async ({
  page,
  loginAs,
  browser,
}) => {
  await loginAs('admin');
  await page.goto('/admin/users/new');
  await page.getByLabel('Thư điện tử').fill('nhap.lieu.moi@demo.surgewatch.vn');
  await page.getByLabel('Họ tên, chức vụ').fill('Nhập liệu mới');
  await page.getByLabel('Vai trò', { exact: true }).selectOption('LOCAL_OFFICER');
  // the unit list follows the province: its units of any level, valid today first, ended ones marked (issue 15)
  await page.getByLabel('Tỉnh', { exact: true }).selectOption('12');
  const unit = page.getByLabel('Đơn vị', { exact: true });
  await expect(unit.locator('option')).toContainText(['Xã Bình Lư', 'Huyện Tam Đường (đã kết thúc 30/06/2025)']);
  await unit.selectOption({ label: 'Xã Bình Lư' });
  await page.getByLabel('Mật khẩu ban đầu').fill('ngắn quá');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  const password = page.getByLabel('Mật khẩu ban đầu');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#password-error')).toHaveText('Mật khẩu phải có ít nhất 12 ký tự.');
  await expect(page.getByLabel('Thư điện tử')).toHaveValue('nhap.lieu.moi@demo.surgewatch.vn');
  await password.fill('password1234');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.locator('#password-error')).toHaveText(
    'Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.',
  );
  await password.fill(PASSWORD);
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã tạo tài khoản.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nhập liệu mới' })).toBeVisible();
  await expect(page.getByText('Tỉnh Lai Châu · Xã Bình Lư')).toBeVisible();

  const user = await otherBrowser(browser, 'nhap.lieu.moi@demo.surgewatch.vn', PASSWORD);
  await expect(user.getByText('Đăng nhập: Nhập liệu mới')).toBeVisible();
  await user.context().close();
});

test('changing a role, resetting a password and deactivating each end the user’s open sessions at once', async ({
  page,
  loginAs,
  browser,
}) => {
  await loginAs('admin');
  const email = 'doi.vai.tro@demo.surgewatch.vn';
  await createUser(page, email, 'PROVINCIAL_DATA_ENTRY', '38');
  const detail = page.url();

  // role change: the open session of the user ends
  let user = await otherBrowser(browser, email, PASSWORD);
  await page.getByLabel('Vai trò', { exact: true }).selectOption('PROVINCIAL_LEADER');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã đổi vai trò, phạm vi.' })).toBeVisible();
  await user.goto('/provinces/38');
  await expect(user).toHaveURL(/\/signin/);
  await user.context().close();

  // password reset: the old password stops working, the new one works, open sessions end
  user = await otherBrowser(browser, email, PASSWORD);
  await page.goto(detail);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill('mật khẩu do quản trị đặt lại');
  await page.getByLabel('Nhập lại mật khẩu mới').fill('mật khẩu do quản trị đặt lại');
  await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã đặt mật khẩu mới.' })).toBeVisible();
  await user.goto('/provinces/38');
  await expect(user).toHaveURL(/\/signin/);
  await user.context().close();
  user = await otherBrowser(browser, email, 'mật khẩu do quản trị đặt lại');

  // deactivation: signed out at once, and no way back in
  await page.goto(detail);
  await page.getByRole('button', { name: 'Khóa tài khoản' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã khóa tài khoản.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mở lại tài khoản' })).toBeVisible();
  await user.goto('/provinces/38');
  await expect(user).toHaveURL(/\/signin/);
  await signIn(user, email, 'mật khẩu do quản trị đặt lại');
  await expect(user.locator('main [role="alert"]')).toHaveText('Thư điện tử hoặc mật khẩu không đúng.');
  await user.context().close();

  // every step is in the audit log, with before and after
  await page.goto(`/admin/audit?action=user.&actor=${encodeURIComponent(DEMO_EMAILS.admin)}`);
  const table = page.getByTestId('audit-table');
  for (const action of ['user.created', 'user.role-changed', 'user.password-reset', 'user.deactivated'])
    await expect(table).toContainText(action);
  await expect(table.getByRole('row').filter({ hasText: 'user.role-changed' }).first()).toContainText(
    'PROVINCIAL_DATA_ENTRY',
  );
});

test('the administrator cannot lock themselves out', async ({ page, loginAs }) => {
  await loginAs('admin');
  await page.goto('/admin/users?q=admin%40demo');
  await page.getByRole('link', { name: /Sửa/ }).first().click();
  await expect(page.getByText('Bạn không thể tự khóa tài khoản của mình.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Khóa tài khoản' })).toHaveCount(0);
});

test('a plan edit is a new version from this week on; the past is judged as before', async ({ page, loginAs }) => {
  await loginAs('admin');
  await page.goto('/admin/plans');
  const row = page.getByRole('row', { name: /Tỉnh Thanh Hóa/ });
  await expect(row).toContainText('Kế hoạch mặc định, phiên bản 1');
  await row.getByRole('link', { name: 'Tạo kế hoạch riêng' }).click();
  await expect(page.getByRole('heading', { name: 'Ngưỡng của kế hoạch: Tỉnh Thanh Hóa' })).toBeVisible();
  await expect(page.getByLabel('Ngưỡng: Ca mắc mới/100.000 dân/tuần')).toHaveValue('450');

  // a date in a finished week is refused next to the field
  await page.getByLabel('Tên kế hoạch').fill('Kế hoạch tỉnh Thanh Hóa (thử nghiệm)');
  await page.getByLabel('Văn bản nguồn').fill('Kế hoạch số 1/KH-UBND (thử nghiệm)');
  await page.getByLabel('Áp dụng từ ngày').fill('2026-11-16');
  await page.getByLabel('Ngưỡng: Ca mắc mới/100.000 dân/tuần').fill('300,5');
  await page.getByLabel('Dấu so sánh: Ca mắc mới/100.000 dân/tuần').selectOption('GT');
  await page.getByLabel('Lý do, văn bản điều chỉnh').fill('Hạ ngưỡng ca mắc theo kế hoạch của tỉnh');
  await page.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
  await expect(page.locator('#validFrom-error')).toContainText('chỉ có thể áp dụng từ thứ Hai của tuần hiện tại');
  await expect(page.getByLabel('Ngưỡng: Ca mắc mới/100.000 dân/tuần')).toHaveValue('300,5');

  await page.getByLabel('Áp dụng từ ngày').fill('2026-11-23');
  await page.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu phiên bản mới của kế hoạch.' })).toBeVisible();
  const history = page
    .getByRole('region', { name: 'Các phiên bản' })
    .or(page.locator('section[aria-labelledby="versions"]'));
  await expect(history).toContainText('Phiên bản 1 · áp dụng từ 23/11/2026');
  await expect(history).toContainText('> 300.5');
  await expect(history).toContainText('Hạ ngưỡng ca mắc theo kế hoạch của tỉnh');

  // the finished week 2026-W47 is still judged by the default plan
  await page.goto('/admin/plans');
  await expect(page.getByRole('row', { name: /Tỉnh Thanh Hóa/ })).toContainText('Kế hoạch mặc định, phiên bản 1');
  await expect(page.getByRole('row', { name: /Tỉnh Thanh Hóa/ })).toContainText('Kế hoạch tỉnh Thanh Hóa (thử nghiệm)');
  await page.goto('/admin/audit?action=plan.version-created&province=38');
  await expect(page.getByTestId('audit-table')).toContainText('GT 300.5');
});

test('populations: a new year’s figure is saved and audited; a stale form cannot overwrite a newer save', async ({
  page,
  loginAs,
  browser,
}) => {
  await loginAs('admin');
  // a province in force in 2027 (Hà Nam ended on 30/06/2025: the page lists no unit of it for 2027); 2027's figure
  // judges no week of the demo's
  await page.goto('/admin/populations?province=37&year=2027');
  await expect(page.getByRole('heading', { name: 'Tỉnh Ninh Bình, năm 2027' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Toàn tỉnh' });
  // a second administrator's tab, opened on the same empty figure
  const other = await otherBrowser(browser, DEMO_EMAILS.admin, DEMO_PASSWORD);
  await other.goto('/admin/populations?province=37&year=2027');
  const otherRow = other.getByRole('row').filter({ hasText: 'Toàn tỉnh' });

  await row.getByLabel(/^Số dân — /).fill('12a');
  await row.getByRole('button', { name: 'Lưu' }).click();
  await expect(row).toContainText('Nhập số dân là số nguyên dương');
  await row.getByLabel(/^Số dân — /).fill('880.000');
  await row.getByLabel(/^Nguồn — /).fill('Ước tính của Cục Thống kê 2027');
  await row.getByRole('button', { name: 'Lưu' }).click();
  await expect(row).toContainText('✓ Đã lưu.');

  await otherRow.getByLabel(/^Số dân — /).fill('1');
  await otherRow.getByLabel(/^Nguồn — /).fill('nhầm');
  await otherRow.getByRole('button', { name: 'Lưu' }).click();
  await expect(otherRow).toContainText('Số dân này vừa được người khác thay đổi.');
  await other.context().close();

  await page.reload();
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: 'Toàn tỉnh' })
      .getByLabel(/^Số dân — /),
  ).toHaveValue('880000');
  await page.goto('/admin/audit?action=population.set&province=37');
  await expect(page.getByTestId('audit-table')).toContainText('880000');
  await expect(page.getByTestId('audit-table')).toContainText('37/2027');
});

test('the audit log filters by actor, action, province and dates', async ({ page, loginAs }) => {
  await loginAs('admin');
  await page.goto('/admin/audit');
  await page.getByLabel('Người thực hiện').fill('admin@demo');
  await page.getByLabel('Hành động').selectOption('auth.sign-in');
  await page.getByRole('button', { name: 'Lọc' }).click();
  await expect(page).toHaveURL(/actor=admin%40demo/);
  const rows = page.getByTestId('audit-table').locator('tbody tr');
  await expect(rows.first()).toContainText('auth.sign-in');
  for (const text of await rows.allInnerTexts()) expect(text).toContain('admin@demo.surgewatch.vn');
  // a date range before anything happened is empty, and says so
  await page.getByLabel('Từ ngày').fill('2020-01-01');
  await page.getByLabel('Đến ngày').fill('2020-01-31');
  await page.getByRole('button', { name: 'Lọc' }).click();
  await expect(page.getByText('Không có dòng nào khớp bộ lọc.')).toBeVisible();
  // a province
  await page.goto('/admin/audit?province=91&action=activation.');
  await expect(page.getByTestId('audit-table').locator('tbody tr').first()).toContainText('activation.opened');
});

test('a user changes their own password: other sessions end, this one stays', async ({ page, loginAs, browser }) => {
  await loginAs('admin');
  const email = 'doi.mat.khau@demo.surgewatch.vn';
  await createUser(page, email, 'PROVINCIAL_LEADER', '38');
  await page.context().clearCookies();
  await signIn(page, email, PASSWORD);
  await page.waitForURL(/\/provinces\/38/);
  const elsewhere = await otherBrowser(browser, email, PASSWORD);

  await page.goto('/account/password');
  await page.getByLabel('Mật khẩu hiện tại').fill('không phải mật khẩu này');
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill('một câu mật khẩu mới tinh');
  await page.getByLabel('Nhập lại mật khẩu mới').fill('một câu mật khẩu mới tinh');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(page.locator('#current-error')).toHaveText('Mật khẩu hiện tại không đúng.');
  await page.getByLabel('Mật khẩu hiện tại').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã đổi mật khẩu.' })).toBeVisible();
  await expect(page.getByLabel('Mật khẩu mới', { exact: true })).toHaveValue('');

  await page.goto('/provinces/38');
  await expect(page).toHaveURL(/\/provinces\/38/);
  await elsewhere.goto('/provinces/38');
  await expect(elsewhere).toHaveURL(/\/signin/);
  await elsewhere.context().close();
});
