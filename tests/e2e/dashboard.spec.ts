import { expect, test } from './fixtures';
import { DEMO_NATIONAL } from './worlds';

// The dashboards in Chromium, on the demo data with the clock fixed at 2026-11-23 (last complete week 2026-W47), the
// demo as it is since the 2025 reform: An Giang (91, with old Kiên Giang; its communes report cases and oxygen, its
// province row and regional health centres beds and ICU) in surge under its demo plan copied from Kiên Giang's, Lai
// Châu (12) in early warning, Đồng Nai (75) and Ninh Bình (37) normal. The national overview also lists the other 30
// provinces (no population: no data) and the specs' own provinces (tests/e2e/worlds.ts), whose levels other specs
// move: only the demo's rows are asserted on there, beside the count of every province.

/** the national overview's order (src/server/dashboard/national.ts) */
const SEVERITY = ['surge', 'warning', 'no-data', 'normal'];

test('the leader of An Giang sees the surge banner on every page of the province', async ({ page, loginAs }) => {
  await loginAs('leaderKG');
  await expect(page).toHaveURL(/\/provinces\/91$/);
  const banner = page.getByTestId('surge-banner');
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(banner).toContainText('Tình huống bùng phát — tuần 2026-W47');
  // the criteria met, with their values against the plan's thresholds
  await expect(banner).toContainText('Ca mắc mới/100.000 dân/tuần 609,9 (ngưỡng > 450)');
  await expect(banner).toContainText('Giường COVID-19 còn trống/100.000 dân 6,5 (ngưỡng < 10)');
  await expect(banner).toContainText(/Liên tiếp \d+ tuần ở mức này, từ tuần 2026-W\d\d/);
  await expect(banner).toContainText('Công văn 3840/SYT-NVYD');
  await expect(banner.getByRole('link', { name: /danh sách nhiệm vụ ứng phó/ })).toHaveAttribute(
    'href',
    '/provinces/91/response',
  );

  // the four cards: value, threshold with its comparator, met or not, change from last week
  const cases = page.getByTestId('indicator-cards').locator('[data-criterion="cases"]');
  await expect(cases).toContainText('609,9');
  await expect(cases).toContainText('Ngưỡng > 450');
  await expect(cases).toContainText('Chạm ngưỡng');
  // the change of the rate names its unit: beside the growth line (a change of the count) it is not a second "↑ %"
  await expect(cases.getByTestId('rate-change')).toContainText(
    /(Tăng|Giảm) [\d.,]+ \/100\.000 dân so với tuần 2026-W46/,
  );

  // another page of the province, under the same layout: a commune's
  await page.goto('/provinces/91/districts/30742');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Phường Rạch Giá');
  await expect(page.getByTestId('surge-banner')).toContainText('Tình huống bùng phát — tuần 2026-W47');
});

test('a national leader lands on the national overview, and a normal province shows no banner', async ({
  page,
  loginAs,
}) => {
  await loginAs('national');
  await expect(page).toHaveURL(/\/national$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Toàn quốc — tuần 2026-W47');
  // every province is listed, and counted once under its level
  const rows = page.getByTestId('national-table').locator('tbody tr');
  await expect(rows).toHaveCount(DEMO_NATIONAL.rows);
  const counts = page.getByTestId('national-counts').locator('li[data-level] > p:first-child');
  await expect(counts).toHaveCount(4);
  const counted = await counts.evaluateAll((ps) => ps.map((p) => Number(/(\d+)\s*$/.exec(p.textContent ?? '')?.[1])));
  expect(counted.reduce((a, b) => a + b, 0)).toBe(DEMO_NATIONAL.rows);
  // most severe first; the worlds' levels may move while other specs run, so only the demo's rows are named
  const listed = await rows.evaluateAll((trs) =>
    trs.map((tr) => [tr.getAttribute('data-province')!, tr.getAttribute('data-level')!] as const),
  );
  const severity = listed.map(([, level]) => SEVERITY.indexOf(level));
  expect(severity, 'rows in order of severity').toEqual([...severity].sort((a, b) => a - b));
  const demo = listed.filter(([code]) => code in DEMO_NATIONAL.levels);
  expect(Object.fromEntries(demo)).toEqual(DEMO_NATIONAL.levels);
  expect(demo.slice(0, 2).map(([code]) => code)).toEqual(['91', '12']);
  const among = (level: string) => demo.filter(([, l]) => l === level).length;
  expect([among('surge'), among('warning'), among('normal')]).toEqual([1, 1, 2]);
  // Đồng Nai and Ninh Bình each miss a commune, which could still report any number of cases: not settled.
  // Lai Châu misses Xã Bình Lư too, but its warning cannot change; An Giang has every report.
  const row = (code: string) => rows.and(page.locator(`[data-province="${code}"]`));
  for (const code of ['75', '37']) {
    await expect(row(code)).toHaveAttribute('data-settled', 'false');
    await expect(row(code).getByTestId('not-settled')).toHaveText('Chưa chốt');
  }
  await expect(row('12').locator('[data-settlement]')).toHaveAttribute('data-settlement', 'settledProvisional');
  await expect(row('12')).toContainText('thiếu báo cáo nhưng kết luận không đổi');
  await expect(row('91').locator('[data-settlement]')).toHaveAttribute('data-settlement', 'settled');
  // each with a sparkline of cases per 100,000
  await expect(rows.and(page.locator('[data-province="91"]')).getByRole('img')).toHaveAttribute(
    'aria-label',
    /^Ca mắc\/100\.000 dân từ tuần 2026-W36 đến 2026-W47: /,
  );

  await page.getByRole('link', { name: 'Tỉnh Đồng Nai' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tỉnh Đồng Nai');
  await expect(page.locator('section[aria-labelledby="verdict"] [data-level="normal"]')).toContainText('Bình thường');
  await expect(page.getByTestId('indicator-cards')).toBeVisible();
  await expect(page.getByTestId('surge-banner')).toHaveCount(0);
});

test('the trend charts draw their threshold lines, shade the breach side and leave gaps for missing weeks', async ({
  page,
  loginAs,
}) => {
  await loginAs('leaderKG');
  for (const id of ['cases', 'oxygen', 'freeBeds', 'icuBeds']) {
    const chart = page.getByTestId(`trend-${id}`);
    await expect(chart.locator('.recharts-reference-line')).toHaveCount(1);
    await expect(chart.locator('.recharts-reference-area')).toHaveCount(1);
  }
  await expect(page.getByTestId('trend-cases')).toContainText('Ngưỡng > 450 · Vùng tô đỏ: vượt ngưỡng');
  await expect(page.getByTestId('trend-freeBeds')).toContainText('Ngưỡng < 10 · Vùng tô đỏ: dưới ngưỡng');

  // Xã Hòa Lạc missed 2026-W43 and W46 in the demo data: the line breaks there instead of dropping to zero
  await page.goto('/provinces/91/districts/30430?range=12');
  const missing = page.getByTestId('district-reports').locator('tr', { hasText: 'Chưa báo cáo' });
  await expect(missing).not.toHaveCount(0);
  const line = page.getByTestId('trend-cases').locator('path.recharts-line-curve');
  await expect(line).toHaveAttribute('d', /M.*M/);
  // a commune is judged on the epidemic criteria only (it reports no beds): no threshold on beds and ICU
  await expect(page.getByTestId('trend-freeBeds').locator('.recharts-reference-line')).toHaveCount(0);
  await expect(page.getByTestId('trend-freeBeds')).toContainText('Chỉ để tham khảo');
});

test("a heatmap cell opens that commune's week", async ({ page, loginAs }) => {
  await loginAs('leaderKG');
  // Xã Đông Hòa, the hottest spot of 2026-W47, heads the heatmap
  const cell = page.getByTestId('heatmap').locator('a[href="/provinces/91/districts/31024?week=2026-W45"]');
  await expect(cell).toHaveText(/^▲[\d.]+ Chạm ngưỡng dịch tễ$/); // Đông Hòa was past the threshold that week
  await cell.hover(); // the exact values come as the tooltip
  await expect(cell).toHaveAttribute(
    'title',
    /^Xã Đông Hòa, tuần 2026-W45: ca mắc [\d.,]+, thở ô xy [\d.,]+ trên 100\.000 dân\. Chạm ngưỡng dịch tễ$/,
  );
  await cell.click();
  await expect(page).toHaveURL(/\/provinces\/91\/districts\/31024\?week=2026-W45$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xã Đông Hòa');
  await expect(page.getByRole('heading', { name: 'Đánh giá của Xã Đông Hòa tuần 2026-W45' })).toBeVisible();
  await expect(page.getByLabel(/^Tuần/)).toHaveValue('2026-W45');
  await expect(page.getByTestId('district-reports').locator('tr.bg-sky-50')).toHaveAttribute('data-week', '2026-W45');
});

test('the URL reproduces a view, and the filter form writes it', async ({ page, loginAs }) => {
  await loginAs('leaderKG');
  await page.goto('/provinces/91?week=2026-W40&range=12');
  const check = async (week: string, range: number) => {
    await expect(page.getByLabel(/^Tuần/)).toHaveValue(week);
    await expect(page.getByLabel('Khoảng thời gian', { exact: true })).toHaveValue(String(range));
    await expect(page.getByRole('heading', { name: `Đánh giá toàn tỉnh tuần ${week}` })).toBeVisible();
    await expect(page.getByRole('heading', { name: `Diễn biến ${range} tuần, đến tuần ${week}` })).toBeVisible();
    await expect(page.getByRole('heading', { name: `Điểm nóng: 12 tuần đến tuần ${week}` })).toBeVisible();
    await expect(page.getByTestId('trend-cases').locator('.recharts-line-dots circle')).toHaveCount(range);
  };
  await check('2026-W40', 12);
  // the banner still speaks of the latest week, whatever week the page shows
  await expect(page.getByTestId('surge-banner')).toContainText('tuần 2026-W47');

  await page.getByLabel(/^Tuần/).fill('2026-W30');
  await page.getByLabel('Khoảng thời gian', { exact: true }).selectOption('8');
  await page.getByRole('button', { name: 'Xem' }).click();
  await expect(page).toHaveURL(/\/provinces\/91\?week=2026-W30&range=8$/);
  await check('2026-W30', 8);
  await page.reload();
  await check('2026-W30', 8);
});

test('a bad filter in the URL is explained next to its field and the default view is shown', async ({
  page,
  loginAs,
}) => {
  await loginAs('leaderKG');
  await page.goto('/provinces/91?week=2026-W99&range=7');
  await expect(page.locator('#filter-week-error')).toHaveText(
    'Tuần “2026-W99” không hợp lệ (viết dạng 2026-W47). Đang hiển thị tuần 2026-W47.',
  );
  await expect(page.locator('#filter-range-error')).toContainText('“7” không có trong danh sách');
  await expect(page.getByLabel(/^Tuần/)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('heading', { name: 'Đánh giá toàn tỉnh tuần 2026-W47' })).toBeVisible();
  await page.goto('/provinces/91?week=2027-W10');
  await expect(page.locator('#filter-week-error')).toContainText('chưa diễn ra');
});

test('the weekly brief prints on one A4 page', async ({ page, loginAs }) => {
  await loginAs('leaderKG');
  await page.getByRole('link', { name: 'Bản tin in (A4)' }).click();
  await expect(page).toHaveURL(/\/provinces\/91\/print\?week=2026-W47$/);
  const brief = page.getByTestId('weekly-brief');
  await expect(brief).toContainText('Bản tin tuần 2026-W47 — Tỉnh An Giang');
  await expect(brief).toContainText('Tình huống bùng phát');
  await expect(brief.getByTestId('combination-note')).toHaveText(
    'Cách kết hợp tiêu chí (≥ 1 tiêu chí dịch và ≥ 1 tiêu chí năng lực) là cách đọc của SurgeWatch; phụ lục II.2 không quy định cách kết hợp.',
  );
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
});

test('a week two communes left out is not settled: their cases could still cross the threshold', async ({
  page,
  loginAs,
}) => {
  // An Giang 2026-W44 in the demo: 412.5 cases per 100,000 on 100 of its 102 communes' figures, under the threshold
  // of 450; the two missing communes could still add enough cases to meet it (and the week would leave "normal")
  await loginAs('leaderKG');
  await page.goto('/provinces/91?week=2026-W44');
  const verdict = page.locator('section[aria-labelledby="verdict"]');
  await expect(verdict.locator('[data-level="normal"]')).toHaveAttribute('data-settlement', 'notSettled');
  await expect(verdict.getByTestId('not-settled-note')).toBeVisible();
  const cases = page.getByTestId('indicator-cards').locator('[data-criterion="cases"]');
  await expect(cases).toContainText('Chưa chạm ngưỡng · chưa chốt');
  await expect(cases).toContainText('100/102 đơn vị đã báo cáo số này');
  // beds and ICU come from the province row and the regional health centres, all reported: nothing pending there
  await expect(page.getByTestId('indicator-cards').locator('[data-criterion="icuBeds"]')).not.toContainText(
    'chưa chốt',
  );
  // the banner speaks of 2026-W47, settled: no mark
  await expect(page.getByTestId('surge-banner')).toHaveAttribute('data-settlement', 'settled');
  await expect(page.getByTestId('surge-banner').getByTestId('not-settled')).toHaveCount(0);
});

test('an agency officer sees the status banner without the figures', async ({ page, loginAs }) => {
  await loginAs('agencyKG');
  await page.goto('/provinces/91');
  const banner = page.getByTestId('surge-banner');
  await expect(banner).toContainText('Tình huống bùng phát — tuần 2026-W47');
  await expect(banner).not.toContainText('609');
  await expect(banner.getByRole('link', { name: /danh sách nhiệm vụ ứng phó/ })).toBeVisible();
  await expect(page.getByText('Bạn không có quyền xem số liệu của tỉnh này.')).toBeVisible();
});
