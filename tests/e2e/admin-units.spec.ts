import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, signIn, test } from './fixtures';
import { UNITS_WORLD as W } from './worlds';

// Administration → "Đơn vị hành chính" (issue 15): moving the leader of a former province to the province that took
// it over in full, and a catalogue update (a commune of the world renamed from 01/12/2026, after the clock, so no week
// the other specs read changes). The update is a FULL catalogue: the shipped one of 01/07/2025 plus the world's units.

const REFERENCE = readFileSync(path.join(process.cwd(), 'prisma/data/admin-units/units-2025-07-01.csv'), 'utf8');
const CATALOGUE =
  `${REFERENCE.trimEnd()}\n` +
  `province,${W.code},${W.name},Tỉnh,\n` +
  `commune,${W.commune.code},${W.commune.renamed},Xã,${W.code}\n`;
const SUCCESSION =
  'level,old_code,old_name,new_code,new_name,share\n' +
  `commune,${W.commune.code},${W.commune.name},${W.commune.code},${W.commune.renamed},full\n`;
const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

test('the leader of a former province is moved to its full successor, audited; they land on the new province', async ({
  page,
  loginAs,
  browser,
}) => {
  // a plain code opened for a week before the reform is the former province's page, which says it has ended
  await loginAs('admin');
  await page.goto(`/provinces/${W.code}?week=2025-W10`);
  await expect(page).toHaveURL(`/provinces/${encodeURIComponent(W.former.code)}?week=2025-W10`);
  await expect(page.getByTestId('ended-unit-banner')).toContainText(
    `Đơn vị đã kết thúc ngày 30/06/2025 — kế tục bởi ${W.name}`,
  );

  await page.goto('/admin/units');
  const row = page.getByTestId('ended-scopes').getByRole('row').filter({ hasText: W.formerLeader.email });
  await expect(row).toContainText(W.former.name);
  await expect(row).toContainText('kết thúc 30/06/2025');
  await row.getByRole('button', { name: `Chuyển sang ${W.name}` }).click();
  await expect(row.getByRole('status')).toContainText(`Đã chuyển phạm vi sang ${W.name}.`);
  await page.reload();
  await expect(page.getByTestId('ended-scopes').getByText(W.formerLeader.email)).toHaveCount(0);

  await page.goto(`/admin/audit?action=user.scope-moved&province=${W.code}`);
  await expect(page.getByTestId('audit-table')).toContainText('user.scope-moved');

  const leader = await (await browser.newContext()).newPage();
  await signIn(leader, W.formerLeader);
  await expect(leader).toHaveURL(`/provinces/${W.code}`);
  await leader.context().close();
});

test('a catalogue update: garbage is refused with its problems, the change applies once, again changes nothing', async ({
  page,
  loginAs,
}) => {
  await loginAs('admin');
  await page.goto('/admin/units');
  const form = page.getByTestId('catalogue-import');
  const outcome = page.getByTestId('catalogue-outcome');

  await form.getByLabel('Danh mục đầy đủ (CSV)').setInputFiles(csv('rac.csv', 'PK\u0003\u0004 không phải CSV'));
  await form.getByLabel('Tệp kế thừa (CSV)').setInputFiles(csv('rac2.csv', 'a;b;c\n1;2;3\n'));
  await form.getByLabel('Ngày có hiệu lực').fill('2026-12-01');
  await form.getByRole('button', { name: 'Áp dụng thay đổi' }).click();
  await expect(outcome).toContainText('Không có gì được áp dụng.');
  await expect(page.getByTestId('catalogue-problems')).toContainText('missing column');

  await form.getByLabel('Danh mục đầy đủ (CSV)').setInputFiles(csv('units-2026-12-01.csv', CATALOGUE));
  await form.getByLabel('Tệp kế thừa (CSV)').setInputFiles(csv('succession-2026-12-01.csv', SUCCESSION));
  await form.getByRole('button', { name: 'Áp dụng thay đổi' }).click();
  await expect(outcome).toContainText('Đã áp dụng thay đổi từ 01/12/2026: 1 đơn vị mới, 1 đơn vị kết thúc', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('catalogue-problems')).toHaveCount(0);

  await form.getByRole('button', { name: 'Áp dụng thay đổi' }).click();
  await expect(outcome).toContainText('đã được áp dụng trước đó. Không có gì thay đổi.', { timeout: 30_000 });
  await page.reload();
  await expect(page.getByTestId('catalogue-changes')).toContainText('units-2026-12-01.csv');
});
