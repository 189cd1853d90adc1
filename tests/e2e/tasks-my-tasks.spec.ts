import { expect, test } from './fixtures';
import { TASKS_WORLD as W } from './worlds';

// "Nhiệm vụ của tôi" on a province of this spec's own with Kiên Giang's response plan, opened by the automatic rule
// (tests/e2e/worlds.ts), on a phone screen.

test.use({ viewport: { width: 390, height: 844 } });

test('a district officer ticks a task with a note and reopens it; both changes show who and when', async ({
  page,
  loginAs,
}) => {
  await loginAs(W.districtOfficer);
  await page.goto('/tasks');
  await expect(page.getByText(`Nhiệm vụ của ${W.district.name} trong phương án ứng phó của ${W.name}`)).toBeVisible();
  // Kiên Giang's district committees have 8 tasks in the appendix: this district's copy of each
  await expect(page.getByRole('heading', { name: 'Cần làm (8)' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const task = page.getByTestId('task').last();
  const id = await task.getAttribute('data-task-id');
  const card = page.locator(`[data-task-id="${id}"]`);
  await task.getByLabel('Ghi chú (không bắt buộc)').fill('Đã bố trí khu cách ly tập trung');
  await task.getByRole('button', { name: 'Đánh dấu đã xong' }).click();
  await expect(page.getByRole('heading', { name: 'Cần làm (7)' })).toBeVisible();
  await expect(card).toContainText('Đã xong');
  await expect(card).toContainText('Ghi chú: Đã bố trí khu cách ly tập trung');

  await card.getByRole('button', { name: 'Mở lại' }).click();
  await expect(page.getByRole('heading', { name: 'Cần làm (8)' })).toBeVisible();
  await card.getByText('Lịch sử (2)').click();
  const entries = card.locator('ol > li');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText(`${W.districtOfficer.name} đánh dấu đã xong`);
  await expect(entries.nth(0)).toContainText('Đã bố trí khu cách ly tập trung');
  await expect(entries.nth(1)).toContainText(`${W.districtOfficer.name} mở lại`);
  // "when": a date and time in Vietnam
  await expect(entries.nth(1)).toContainText(/\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
});

test('an agency officer sees their agency’s tasks, and the leader the bodies with no officer of their own', async ({
  page,
  loginAs,
}) => {
  await loginAs(W.agencyOfficer);
  await page.goto('/tasks');
  await expect(page.getByText(`Nhiệm vụ của Sở Y tế trong phương án ứng phó của ${W.name}`)).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Cần làm \(\d+\)$/ })).toBeVisible();
  await expect(page.getByTestId('task')).toHaveCount(15);

  await page.context().clearCookies();
  await loginAs(W.leader);
  await page.goto('/tasks');
  await expect(page.getByTestId('task')).toHaveCount(4 + 2); // the steering committee and the Fatherland Front
  await expect(page.getByTestId('task').first()).toContainText('Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh');
});

test('a leader of another province cannot open the province’s response plan', async ({ page, loginAs }) => {
  await loginAs('leaderLC');
  await page.goto(`/provinces/${W.code}/response`);
  await expect(page.getByText('Bạn không có quyền xem phương án ứng phó của tỉnh này.')).toBeVisible();
  await expect(page.getByTestId('task')).toHaveCount(0);
});
