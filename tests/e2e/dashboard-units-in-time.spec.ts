import { expect, test } from './fixtures';
import { TIME_WORLD as W } from './worlds';

// Units in time on the dashboards (issue 15), read only, on TIME_WORLD: a province without a population shows
// "Chưa có dân số" instead of a rate and a level; a province with nothing reported says so; a report stored under an
// ended district is left out of the province's verdict (a note says how many) and shown on the district's page as
// "báo cáo theo đơn vị cũ", not judged; an ended province after its end gets no level, no banner, only its legacy sums.

test.beforeEach(async ({ loginAs }) => {
  await loginAs(W.national);
});

test('national overview: no population, no reports, and ended provinces are said, never judged', async ({ page }) => {
  await page.goto(`/national?week=${W.week}`);
  const table = page.getByTestId('national-table');
  const noPopulation = table.locator(`tr[data-province="${W.noPopulation.code}"]`);
  await expect(noPopulation).toHaveAttribute('data-standing', 'noPopulation');
  await expect(noPopulation.getByTestId('week-standing')).toHaveText('∅Chưa có dân số');
  await expect(noPopulation.getByTestId('national-rate')).toHaveText('Chưa có dân số');
  // no level badge on a guessed denominator, although its commune reported cases
  await expect(noPopulation.locator('td [data-level]')).toHaveCount(0);
  await expect(page.getByTestId('count-no-population')).toBeVisible();

  const judged = table.locator(`tr[data-province="${W.code}"]`);
  await expect(judged).toHaveAttribute('data-standing', 'judged');
  // (12 cases of the commune, not the ended district's 7) per 100,000 of 300,000 people
  await expect(judged.getByTestId('national-rate')).toContainText('4,0');
  // the ended province is not a row of a week after its end
  await expect(table.locator(`tr[data-province="${W.ended.code}"]`)).toHaveCount(0);

  await page.goto(`/national?week=${W.emptyWeek}`);
  const empty = page.getByTestId('national-table').locator(`tr[data-province="${W.code}"]`);
  await expect(empty).toHaveAttribute('data-standing', 'noReports');
  await expect(empty.getByTestId('national-rate')).toHaveText('chưa có báo cáo');
});

test('a province with a report under an ended district: judged without it, with a note', async ({ page }) => {
  await page.goto(`/provinces/${W.code}?week=${W.week}`);
  await expect(page.getByRole('heading', { level: 1, name: W.name })).toBeVisible();
  await expect(page.getByTestId('legacy-left-out')).toHaveText('⊘ 1 báo cáo theo đơn vị cũ không được tính');
  await expect(page.locator('div[data-standing="judged"] [data-level]').first()).toBeVisible();
  await expect(page.getByTestId('units-legacy')).toContainText('1 báo cáo theo đơn vị cũ không được tính');
  const legacy = page.getByTestId('legacy-weeks').locator(`tr[data-week="${W.week}"]`);
  await expect(legacy).toHaveAttribute('data-outside', 'false');
});

test('the ended district in a week after its end: its report shown as legacy, not judged', async ({ page }) => {
  await page.goto(`/provinces/${W.code}/districts/${W.endedDistrict.code}?week=${W.week}`);
  await expect(page.getByRole('heading', { level: 1, name: W.endedDistrict.name })).toBeVisible();
  await expect(page.locator('div[data-standing="ended"]').getByTestId('week-standing')).toHaveText(
    '⊘Không đánh giá: đơn vị không còn hiệu lực trong tuần này',
  );
  await expect(page.getByTestId('validity')).toHaveText('Đơn vị có hiệu lực đến 30/06/2025.');
  const counts = page.getByTestId('week-counts');
  await expect(counts.getByTestId('legacy-label')).toHaveText('báo cáo theo đơn vị cũ');
  await expect(counts.locator('[data-figure="newCases"] dd')).toHaveText(String(W.endedDistrict.legacyCases));
  await expect(page.getByTestId('indicator-cards')).toHaveCount(0);
  const report = page.getByTestId('district-reports').locator(`tr[data-week="${W.week}"]`);
  await expect(report.getByTestId('legacy-report')).toHaveText('báo cáo theo đơn vị cũ');
  // a week after the end with nothing stored is expected of nobody: not "Chưa báo cáo"
  await expect(page.getByTestId('district-reports').locator('tr[data-week="2026-W46"]')).toContainText(
    'Không đánh giá: đơn vị không còn hiệu lực trong tuần này',
  );
});

test('an ended province after its end: no level, no banner, its legacy sums labelled', async ({ page }) => {
  await page.goto(`/provinces/${W.ended.code}?week=${W.week}`);
  await expect(page.getByRole('heading', { level: 1, name: W.ended.name })).toBeVisible();
  // its legacy sums would be a surge if judged: no banner, no badge
  await expect(page.getByTestId('surge-banner')).toHaveCount(0);
  await expect(page.locator('div[data-standing] [data-level]')).toHaveCount(0);
  await expect(page.getByTestId('week-standing').first()).toHaveText(
    '⊘Không đánh giá: đơn vị không còn hiệu lực trong tuần này',
  );
  const counts = page.getByTestId('week-counts');
  await expect(counts.getByTestId('legacy-label')).toHaveText('báo cáo theo đơn vị cũ');
  await expect(counts.locator('[data-figure="newCases"] dd')).toHaveText('5.000');
  await expect(page.getByTestId('legacy-weeks').locator(`tr[data-week="${W.week}"]`)).toHaveAttribute(
    'data-outside',
    'true',
  );
  await expect(page.getByTestId('heatmap')).toHaveCount(0);
  // no empty rate charts for weeks that can have no rate: the reason instead
  await expect(page.getByTestId('trends-not-judged')).toContainText('Không đánh giá');
  await expect(page.getByTestId('trend-cases')).toHaveCount(0);

  await page.goto(`/provinces/${W.ended.code}/print?week=${W.week}`);
  const brief = page.getByTestId('weekly-brief');
  await expect(brief.getByTestId('week-counts').getByTestId('legacy-label')).toHaveText('báo cáo theo đơn vị cũ');
  await expect(brief.locator('[data-level]')).toHaveCount(0);
});

test('a province without a population: counts, "Chưa có dân số", no rate anywhere', async ({ page }) => {
  await page.goto(`/provinces/${W.noPopulation.code}?week=${W.week}`);
  await expect(page.getByTestId('week-standing').first()).toHaveText('∅Chưa có dân số');
  await expect(page.getByTestId('no-population-note')).toBeVisible();
  await expect(page.getByTestId('week-counts').locator('[data-figure="newCases"] dd')).toHaveText(
    String(W.noPopulation.cases),
  );
  await expect(page.getByTestId('indicator-cards')).toHaveCount(0);
  await expect(page.getByTestId('trends-no-population')).toBeVisible();
});
