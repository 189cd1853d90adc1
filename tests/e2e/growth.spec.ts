import { expect, test } from './fixtures';
import { GROWTH_WORLD as W } from './worlds';

// "Tăng nhanh" (issue 14) in Chromium, on this spec's own province (tests/e2e/worlds.ts GROWTH_WORLD): over
// 2026-W44..W47 its cases are the table test, 100, 141, 200, 283 (doubling in 2.0 weeks; 283 against 200 is
// 41.5 %, shown rounded half away from zero as 42 %), its deaths 20, 14, 10, 7 (halving in ~2 weeks), its severe cases
// steady and its new admissions not reported; its first district has 60 % of the cases and none of the severity
// figures (they are on the provincial hospitals' own row). Read only. SCREENSHOT_DIR=… saves the cards, the trends,
// the brief, the district page and Kiên Giang's demo page at 1280 and 390 px.

const SHOTS = process.env.SCREENSHOT_DIR;
const P = `/provinces/${W.code}`;

test('the cards show how fast cases, oxygen, severe cases and deaths grow, and severity as rates', async ({
  page,
  loginAs,
}) => {
  await loginAs(W.leader);
  await expect(page).toHaveURL(new RegExp(`${P}$`));
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    const cards = page.getByTestId('indicator-cards');
    const cases = cards.locator('[data-criterion="cases"]');
    await expect(cases).toContainText('28,3'); // 283 per 1,000,000: no criterion met
    await expect(cases).toHaveAttribute('data-state', 'notMet');
    const casesGrowth = cases.getByTestId('growth');
    await expect(casesGrowth).toHaveText('↑ 42 % so với tuần trước · tăng gấp đôi sau ~2 tuần');
    await expect(casesGrowth).toHaveAttribute('data-doubling', 'doubling');
    // the change of the rate names its unit, so the card never shows two changes without saying what each is of
    await expect(cases.getByTestId('rate-change')).toHaveText('↑ Tăng 8,3 /100.000 dân so với tuần 2026-W46');
    // oxygen 12, 12.5, 13, 13.5: a slow rise, doubling in about 18 weeks
    await expect(cards.locator('[data-criterion="oxygen"]').getByTestId('growth')).toHaveText(
      '↑ 4 % so với tuần trước · tăng gấp đôi sau ~18 tuần',
    );
    // beds and ICU keep the change of their rate, no growth line
    await expect(cards.locator('[data-criterion="freeBeds"]').getByTestId('growth')).toHaveCount(0);

    const severity = page.getByTestId('severity-cards');
    await expect(severity).toContainText('Mức độ nặng');
    await expect(severity).toContainText('không xét ngưỡng');
    const deaths = severity.locator('[data-severity="deaths"]');
    await expect(deaths).toContainText('0,7 /100.000 dân');
    await expect(deaths).toContainText('7 ca · 7,0 /1.000.000 dân');
    await expect(deaths.getByTestId('growth')).toHaveText('↓ 30 % so với tuần trước · giảm một nửa sau ~2 tuần');
    await expect(deaths.getByTestId('growth')).toHaveAttribute('data-doubling', 'halving');
    const severe = severity.locator('[data-severity="severeCases"]');
    await expect(severe).toContainText('4,2 /100.000 dân');
    await expect(severe).toContainText('42 ca');
    await expect(severe.getByTestId('growth')).toHaveText('↑ 5 % so với tuần trước · ổn định');
    // not reported is "—" and says so, never 0
    const admissions = severity.locator('[data-severity="newAdmissions"]');
    await expect(admissions).toHaveAttribute('data-reported', 'false');
    await expect(admissions).toContainText('—');
    await expect(admissions).toContainText('chưa báo cáo');
    await expect(admissions).not.toContainText('0 ca');
    await expect(admissions.getByTestId('growth')).toHaveText('So với tuần trước: — (tuần này chưa báo cáo)');

    // the trends: the same growth under the charts, and a chart per severity figure
    await expect(page.getByTestId('trend-cases').getByTestId('trend-growth')).toHaveText(
      '↑ 42 % so với tuần trước · tăng gấp đôi sau ~2 tuần',
    );
    await expect(page.getByTestId('trend-deaths')).toContainText('Ca tử vong do COVID-19/1.000.000 dân/tuần');
    await expect(page.getByTestId('trend-deaths').getByTestId('trend-growth')).toHaveText(
      '↓ 30 % so với tuần trước · giảm một nửa sau ~2 tuần',
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `width ${width}`).toBeLessThanOrEqual(
      width,
    );
    if (SHOTS) {
      await page.getByTestId('trend-cases').locator('svg').first().waitFor();
      await cards.locator('xpath=..').screenshot({ path: `${SHOTS}/growth-cards-${width}.png` });
      await page.screenshot({ path: `${SHOTS}/growth-page-${width}.png`, fullPage: true });
    }
  }
});

test('the print brief lists the severity figures with their growth; English reads in step', async ({
  page,
  loginAs,
}) => {
  await loginAs(W.leader);
  await page.goto(`${P}/print`);
  const brief = page.getByTestId('weekly-brief');
  await expect(brief.locator('tr[data-criterion="cases"]')).toContainText('tăng gấp đôi sau ~2 tuần');
  const deaths = brief.getByTestId('severity-brief').locator('tr[data-severity="deaths"]');
  await expect(deaths).toContainText('7,0 /1.000.000 dân');
  await expect(deaths).toContainText('giảm một nửa sau ~2 tuần');
  const admissions = brief.getByTestId('severity-brief').locator('tr[data-severity="newAdmissions"]');
  await expect(admissions).toContainText('chưa báo cáo');
  // the same line as the cards', reason included
  await expect(admissions.getByTestId('growth')).toHaveText('So với tuần trước: — (tuần này chưa báo cáo)');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/growth-brief-1280.png`, fullPage: true });

  await page.goto(P);
  await page.getByRole('button', { name: 'en', exact: true }).click();
  const cases = page.getByTestId('indicator-cards').locator('[data-criterion="cases"]');
  await expect(cases.getByTestId('growth')).toHaveText('↑ 42% on last week · doubling in ~2 weeks');
  await expect(page.locator('[data-severity="deaths"]').getByTestId('growth')).toHaveText(
    '↓ 30% on last week · halving in ~2 weeks',
  );
  if (SHOTS) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page
      .getByTestId('indicator-cards')
      .locator('xpath=..')
      .screenshot({ path: `${SHOTS}/growth-cards-en-390.png` });
  }
});

test("a district's page shows its own growth, and its severity row says where the hospitals' figures are", async ({
  page,
  loginAs,
}) => {
  await loginAs(W.leader);
  // the first district reports 60 % of the cases: 60, 85, 120, 170 (doubling in ~2 weeks, 170 against 120 is ↑ 42 %);
  // its oxygen figure is 0 every week, and the severity figures are all on the provincial hospitals' own row
  await page.goto(`${P}/districts/${W.code}01`);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    const cards = page.getByTestId('indicator-cards');
    await expect(cards.locator('[data-criterion="cases"]').getByTestId('growth')).toHaveText(
      '↑ 42 % so với tuần trước · tăng gấp đôi sau ~2 tuần',
    );
    await expect(cards.locator('[data-criterion="oxygen"]').getByTestId('growth')).toHaveText(
      'So với tuần trước: — (tuần trước dưới 10 ca, quá ít để so sánh)',
    );
    // beds and ICU are information only at district level: no growth line
    await expect(cards.locator('[data-criterion="icuBeds"]').getByTestId('growth')).toHaveCount(0);
    const severity = page.getByTestId('severity-cards');
    await expect(severity.getByTestId('severity-district-note')).toHaveText(
      'Ca nặng, nhập viện và tử vong ghi ở dòng của các bệnh viện tuyến tỉnh không thuộc đơn vị cấp huyện nào: ' +
        'chỉ có trong số của tỉnh.',
    );
    const deaths = severity.locator('[data-severity="deaths"]');
    await expect(deaths).toHaveAttribute('data-reported', 'false');
    await expect(deaths.getByTestId('growth')).toHaveText('So với tuần trước: — (tuần này chưa báo cáo)');
    await expect(page.getByTestId('trend-cases').getByTestId('trend-growth')).toHaveText(
      '↑ 42 % so với tuần trước · tăng gấp đôi sau ~2 tuần',
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `width ${width}`).toBeLessThanOrEqual(
      width,
    );
    if (SHOTS) {
      await page.getByTestId('trend-cases').locator('svg').first().waitFor();
      await page.screenshot({ path: `${SHOTS}/growth-district-${width}.png`, fullPage: true });
      await cards.locator('xpath=..').screenshot({ path: `${SHOTS}/growth-district-cards-${width}.png` });
    }
  }
  // the province's page has no such note: its severity row holds the hospitals' figures
  await page.goto(P);
  await expect(page.getByTestId('severity-cards')).toBeVisible();
  await expect(page.getByTestId('severity-district-note')).toHaveCount(0);
});

test("An Giang's demo page: every growth line and rate change says what it is of", async ({ page, loginAs }) => {
  await loginAs('leaderKG');
  await expect(page).toHaveURL(/\/provinces\/91$/);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    const cards = page.getByTestId('indicator-cards');
    for (const key of ['cases', 'oxygen']) {
      // 2026-W46 misses two communes: "So với tuần trước: — (tuần trước chỉ 100/102 đơn vị báo cáo)"
      await expect(cards.locator(`[data-criterion="${key}"]`).getByTestId('growth')).toContainText(
        /so với tuần trước/i,
      );
    }
    await expect(cards.getByTestId('rate-change')).toHaveCount(4);
    for (const change of await cards.getByTestId('rate-change').all())
      await expect(change).toContainText(/\/100\.000 dân so với tuần 2026-W46|Không (đổi|so được)/);
    await expect(page.getByTestId('severity-cards').getByTestId('growth')).toHaveCount(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `width ${width}`).toBeLessThanOrEqual(
      width,
    );
    if (SHOTS) {
      await page.getByTestId('trend-cases').locator('svg').first().waitFor();
      await page.screenshot({ path: `${SHOTS}/an-giang-${width}.png`, fullPage: true });
      await cards.locator('xpath=..').screenshot({ path: `${SHOTS}/an-giang-cards-${width}.png` });
    }
  }
});
