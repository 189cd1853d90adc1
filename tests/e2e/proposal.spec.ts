import { cell, expect, signIn, test } from './fixtures';
import { PROPOSAL_WORLD as W } from './worlds';

// Issue 13, "Done when" #1, end to end: Lai Châu's example (460,196 people, 2,100 cases, eight districts each with 4
// free beds and 1 ICU bed) in a province of its own. Without the provincial hospitals' row the week is a surge the
// missing row could still undo: the leader sees a proposal naming "Cơ sở tuyến tỉnh" as missing, and no plan is open.
// Once the row is saved (120 free beds, 20 ICU beds) the week settles as early warning: the save says so first, the
// proposal closes and nothing opens.

test('a surge that is not settled is proposed, never opened; the missing row settles it as early warning', async ({
  page,
  browser,
}) => {
  const leaderContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  await signIn(leader, W.leader);
  await leader.goto(`/provinces/${W.code}`);
  const proposal = leader.getByTestId('activation-proposal');
  await expect(proposal).toContainText('Đề xuất kích hoạt phương án');
  await expect(proposal).toContainText('Chưa chốt');
  await expect(proposal.getByTestId('missing-reports')).toContainText('Cơ sở tuyến tỉnh');
  await expect(proposal.getByRole('button', { name: 'Kích hoạt phương án' })).toBeVisible();
  await leader.goto(`/provinces/${W.code}/response`);
  await expect(leader.getByTestId('activation-proposal')).toBeVisible();
  await expect(leader.locator('main')).not.toContainText('Đang kích hoạt');

  await signIn(page, W.dataEntry);
  await page.goto(`/provinces/${W.code}/entry?week=2026-W47`);
  await cell(page, W.code, 'oxygenAvg7d').fill('3');
  await cell(page, W.code, 'freeCovidBeds').fill('120');
  await cell(page, W.code, 'staffedIcuBeds').fill('20');
  await page.getByRole('button', { name: 'Lưu số liệu tuần' }).click();
  const levelChange = page.getByTestId('level-change');
  await expect(levelChange).toContainText(
    'Tuần 2026-W47: Tình huống bùng phát → Cảnh báo sớm (mức của SurgeWatch) (đã chốt).',
  );
  await page.getByTestId('warnings-panel').getByRole('button', { name: 'Tôi đã kiểm tra, vẫn lưu' }).click();
  await expect(page.getByTestId('saved-message')).toContainText('Đã lưu 1 báo cáo');

  await leader.goto(`/provinces/${W.code}`);
  await expect(leader.locator('main')).toContainText('Cảnh báo sớm');
  await expect(leader.getByTestId('activation-proposal')).toHaveCount(0);
  await leader.goto(`/provinces/${W.code}/response`);
  await expect(leader.locator('main')).toContainText('Tỉnh chưa từng kích hoạt phương án ứng phó.');
  await expect(leader.getByTestId('activation-proposal')).toHaveCount(0);
  await leaderContext.close();
});
