import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_EMAILS, type DemoAccountKey } from '../../src/server/seed/demo-accounts';
import { cell, expect, test } from './fixtures';
import { WORLD_PROVINCES } from './worlds';

// Issue 15's "Done when" in the browser, on the demo as a fresh start makes it (the world since 1 July 2025): the
// province list shows the 34 provinces and the former ones apart; Lai Châu's entry grid follows the units valid in the
// week (its 38 communes, its province row and its regional health centres in 2026, its 8 districts in 2024); a new
// report for a district in a 2026 week is refused, naming the unit, the week and the validity, and writes nothing; the
// demo accounts sign in to their new scopes.
// Read only, but for Lai Châu's 2026-W10, which no other spec reads: the refused saves must leave it as it was.

/** The catalogue since 01/07/2025 (prisma/data/admin-units, what the first start loads): its 34 provinces. */
function provincesOf(file: string): { code: string; name: string }[] {
  const text = fs.readFileSync(path.join(import.meta.dirname, '../../prisma/data/admin-units', file), 'utf8');
  return text
    .split(/\r?\n/)
    .filter((line) => line.startsWith('province,'))
    .map((line) => {
      const [, code, name] = line.split(',');
      return { code: code!, name: name! };
    });
}
const TODAY = provincesOf('units-2025-07-01.csv');
const BEFORE = provincesOf('units-2025-03-01.csv');

const LAI_CHAU = '12';
const DISTRICTS_2024 = ['105', '106', '107', '108', '109', '110', '111', '112'];
const FACILITIES = ['12-TTYTKV-01', '12-TTYTKV-02', '12-TTYTKV-03', '12-TTYTKV-04', '12-TTYTKV-05'];
const WEEK_2026 = '2026-W10';
const TAM_DUONG_REFUSED =
  'Huyện Tam Đường (106) không còn hiệu lực trong tuần 2026-W10: đơn vị có hiệu lực đến 30/06/2025';

test('the province list shows the 34 provinces of today, and the former ones apart with what they went into', async ({
  page,
  loginAs,
}) => {
  expect(TODAY).toHaveLength(34);
  expect(BEFORE).toHaveLength(63);
  await loginAs('national');
  await page.goto('/provinces');
  const list = page.getByTestId('province-list');
  // the worlds' own provinces (tests/e2e/worlds.ts) are valid today too: a fresh start has the 34 alone
  await expect(list.getByRole('listitem')).toHaveCount(34 + WORLD_PROVINCES.length);
  for (const p of TODAY) await expect(list.locator(`a[href="/provinces/${p.code}"]`)).toHaveText(p.name);
  await expect(page.getByText(`${34 + WORLD_PROVINCES.length} tỉnh, thành phố đang có hiệu lực`)).toBeVisible();

  // every province of 2025-03-01 that did not continue is listed apart, folded away, under its own handle
  const former = page.getByTestId('former-provinces');
  await expect(former.locator('summary')).toContainText('Tỉnh cũ (trước 01/07/2025)');
  await former.locator('summary').click();
  const continued = BEFORE.filter((p) => TODAY.some((q) => q.code === p.code && q.name === p.name));
  expect(continued.map((p) => p.code)).toContain(LAI_CHAU);
  for (const p of BEFORE.filter((x) => !continued.includes(x))) {
    const handle = TODAY.some((q) => q.code === p.code) ? `${p.code}~20250630` : p.code;
    await expect(former.locator(`a[href="/provinces/${handle}"]`), p.name).toHaveText(p.name);
    await expect(list.locator(`a[href="/provinces/${handle}"]`)).toHaveCount(0);
  }
  for (const p of continued) await expect(former.locator(`a[href="/provinces/${p.code}"]`)).toHaveCount(0);
  await expect(former.getByRole('listitem').filter({ hasText: 'Tỉnh Kiên Giang' })).toContainText(
    'kết thúc 30/06/2025 → Tỉnh An Giang',
  );
  await expect(former.getByRole('listitem').filter({ hasText: 'Tỉnh Hà Nam' })).toContainText('→ Tỉnh Ninh Bình');

  // the administrator reads the same list; old Kiên Giang's page is its history, under its handle
  await page.context().clearCookies();
  await loginAs('admin');
  await page.goto('/provinces');
  await expect(page.getByTestId('province-list').locator('a[href="/provinces/91"]')).toHaveText('Tỉnh An Giang');
  await page.getByTestId('former-provinces').locator('summary').click();
  await page.getByTestId('former-provinces').getByRole('link', { name: 'Tỉnh Kiên Giang', exact: true }).click();
  await expect(page).toHaveURL(/\/provinces\/91~20250630$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tỉnh Kiên Giang');
});

/** The units of the entry grid's rows, in order. */
const gridUnits = (page: Page) =>
  page.locator('tr[data-unit]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit')!));

test("Lai Châu's entry grid: its communes, province row and health centres in 2026, its districts in 2024", async ({
  page,
  loginAs,
}) => {
  const communes = communesOfLaiChau();
  expect(communes).toHaveLength(38);
  await loginAs('dataEntryLC');
  await page.goto(`/provinces/${LAI_CHAU}/entry?week=${WEEK_2026}`);
  await expect(page.getByText('Tuần 2026-W10: từ thứ Hai 02/03/2026 đến Chủ nhật 08/03/2026')).toBeVisible();
  const in2026 = await gridUnits(page);
  expect(in2026.slice(0, 1 + FACILITIES.length)).toEqual([LAI_CHAU, ...FACILITIES]);
  expect([...in2026.slice(1 + FACILITIES.length)].sort()).toEqual([...communes].sort());
  for (const d of DISTRICTS_2024) await expect(page.locator(`tr[data-unit="${d}"]`)).toHaveCount(0);
  // who reports what since the reform: communes cases and oxygen, the province row and the centres beds and ICU
  const bingLu = '03390';
  await expect(page.locator(`tr[data-unit="${bingLu}"]`)).toContainText('Xã Bình Lư');
  await expect(cell(page, bingLu, 'newCases')).toBeEditable();
  await expect(cell(page, bingLu, 'oxygenAvg7d')).toBeEditable();
  await expect(cell(page, bingLu, 'freeCovidBeds')).toHaveCount(0);
  await expect(page.locator(`tr[data-unit="${FACILITIES[0]}"]`)).toContainText('Trung tâm Y tế khu vực Tam Đường');
  for (const unit of [LAI_CHAU, FACILITIES[0]!]) {
    await expect(cell(page, unit, 'freeCovidBeds')).toBeEditable();
    await expect(cell(page, unit, 'staffedIcuBeds')).toBeEditable();
    await expect(cell(page, unit, 'newCases')).toHaveCount(0);
    await expect(cell(page, unit, 'oxygenAvg7d')).toHaveCount(0);
  }

  await page.goto(`/provinces/${LAI_CHAU}/entry?week=2024-W10`);
  await expect(page.getByText('Tuần 2024-W10: từ thứ Hai 04/03/2024 đến Chủ nhật 10/03/2024')).toBeVisible();
  expect(await gridUnits(page)).toEqual([LAI_CHAU, ...DISTRICTS_2024]);
  await expect(page.locator('tr[data-unit="106"]')).toContainText('Huyện Tam Đường');
  // before it, the districts report all four figures, the province row everything but cases
  for (const field of ['newCases', 'oxygenAvg7d', 'freeCovidBeds', 'staffedIcuBeds'])
    await expect(cell(page, '106', field)).toBeEditable();
  await expect(cell(page, LAI_CHAU, 'newCases')).toHaveCount(0);
  await expect(cell(page, LAI_CHAU, 'oxygenAvg7d')).toBeEditable();
});

/** Lai Châu's communes of the catalogue since 01/07/2025. */
function communesOfLaiChau(): string[] {
  const text = fs.readFileSync(
    path.join(import.meta.dirname, '../../prisma/data/admin-units/units-2025-07-01.csv'),
    'utf8',
  );
  return text
    .split(/\r?\n/)
    .map((line) => line.split(','))
    .filter((f) => f[0] === 'commune' && f[4] === LAI_CHAU)
    .map((f) => f[1]!);
}

/** Lai Châu's reports of 2026-W10 and Tam Đường's, read through the API: what a refused save must leave as it was. */
async function week2026(api: APIRequestContext) {
  const all = await api.get(`/api/v1/reports?province=${LAI_CHAU}&from=${WEEK_2026}&to=${WEEK_2026}`);
  expect(all.status()).toBe(200);
  const one = await api.get(`/api/v1/reports/106/${WEEK_2026}`);
  expect(one.status()).toBe(200);
  return { all: await all.json(), tamDuong: await one.json() };
}

test('a 2026 report for a district is refused, naming the unit, the week and the validity; nothing changes', async ({
  page,
  loginAs,
  playwright,
  baseURL,
  allowConsoleErrors,
}) => {
  allowConsoleErrors(/status of 400/); // the import API answers 400, which Chromium logs
  await loginAs('dataEntryLC');
  const before = await week2026(page.request);
  expect(before.tamDuong.report).toBeNull();
  expect(before.all.reports.map((r: { unitCode: string }) => r.unitCode)).not.toContain('106');

  // a file: the row is refused, and so is the file
  await page.goto(`/provinces/${LAI_CHAU}/import`);
  await page.getByLabel('Tệp CSV hoặc Excel (.xlsx)').setInputFiles({
    name: 'tam-duong-2026.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'unit_code;iso_week;new_cases;oxygen_avg_7d;free_covid_beds;staffed_icu_beds;total_covid_beds;icu_beds\n' +
        `106;${WEEK_2026};5;1;;;;\n`,
    ),
  });
  await page.getByRole('button', { name: 'Kiểm tra và nhập' }).click();
  await expect(page.getByTestId('import-result')).toContainText('Tệp có 1 lỗi. Không có dòng nào được ghi.');
  const rows = page.getByTestId('import-errors').getByRole('row');
  await expect(rows).toHaveCount(1 + 1);
  await expect(rows.nth(1)).toContainText('unit_code');
  await expect(rows.nth(1)).toContainText(TAM_DUONG_REFUSED);

  // the API, with a personal token that may write, as an external system would send it
  await page.goto('/account/tokens');
  await page.getByLabel('Tên mã').fill('Kiểm thử đơn vị theo thời gian');
  await page.getByRole('radio', { name: /^Đọc và ghi/ }).check();
  await page.getByRole('button', { name: 'Tạo mã' }).click();
  const token = (await page.getByTestId('new-token').locator('code').textContent())!;
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  try {
    const put = await api.put(`/api/v1/reports/106/${WEEK_2026}`, {
      data: { version: 0, newCases: 5, oxygenAvg7d: 1 },
    });
    expect(put.status()).toBe(400);
    const body = await put.json();
    expect(body.ok).toBe(false);
    expect(body.fieldErrors.unitCode).toEqual([TAM_DUONG_REFUSED]);
    // and the other way round: a regional health centre in a week before it existed
    const early = await api.put(`/api/v1/reports/${FACILITIES[0]}/2024-W10`, {
      data: { version: 0, freeCovidBeds: 3, staffedIcuBeds: 1 },
    });
    expect(early.status()).toBe(400);
    expect((await early.json()).fieldErrors.unitCode).toEqual([
      'Trung tâm Y tế khu vực Tam Đường (12-TTYTKV-01) chưa có hiệu lực trong tuần 2024-W10: đơn vị có hiệu lực từ ' +
        '01/07/2025',
    ]);
    expect(await week2026(api)).toEqual(before);
  } finally {
    await api.dispose();
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Thu hồi Kiểm thử đơn vị theo thời gian' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã thu hồi mã' })).toBeVisible();
  }
});

/** Where each demo account lands, and what it reads there (README's table of demo accounts). */
const LANDINGS: Record<DemoAccountKey, { path: string; heading?: string }> = {
  admin: { path: '/national', heading: 'Toàn quốc — tuần 2026-W47' },
  national: { path: '/national', heading: 'Toàn quốc — tuần 2026-W47' },
  dataEntryKG: { path: '/provinces/91', heading: 'Tỉnh An Giang' },
  leaderKG: { path: '/provinces/91', heading: 'Tỉnh An Giang' },
  districtKG: { path: '/provinces/91', heading: 'Tỉnh An Giang' },
  agencyKG: { path: '/provinces/91' },
  dataEntryLC: { path: '/provinces/12', heading: 'Tỉnh Lai Châu' },
  leaderLC: { path: '/provinces/12', heading: 'Tỉnh Lai Châu' },
  districtLC: { path: '/provinces/12', heading: 'Tỉnh Lai Châu' },
  agencyLC: { path: '/provinces/12' },
};

for (const [key, landing] of Object.entries(LANDINGS) as [DemoAccountKey, (typeof LANDINGS)[DemoAccountKey]][]) {
  test(`the demo account ${DEMO_EMAILS[key]} signs in to its scope since the reform`, async ({ page, loginAs }) => {
    const account = DEMO_ACCOUNTS.find((a) => a.email === DEMO_EMAILS[key])!;
    await loginAs(key);
    await expect(page).toHaveURL(new RegExp(`${landing.path.replace(/\//g, '\\/')}$`));
    await expect(page.locator('header')).toContainText(`Đăng nhập: ${account.name}`);
    if (landing.heading) await expect(page.getByRole('heading', { level: 1 })).toHaveText(landing.heading);
    if (key === 'leaderKG') {
      // An Giang's plan (its demo plan) was opened by the seed's automatic rule: a settled surge in 2026-W47
      await expect(page.getByTestId('surge-banner')).toHaveAttribute('data-settlement', 'settled');
      await expect(page.getByTestId('surge-banner')).toContainText('Tình huống bùng phát — tuần 2026-W47');
    }
    if (key === 'districtKG' || key === 'districtLC') {
      // a local officer of a commune: the tasks of that commune in its province's response plan
      await page.goto('/tasks');
      const [commune, province] =
        key === 'districtKG' ? ['Phường Rạch Giá', 'Tỉnh An Giang'] : ['Xã Bình Lư', 'Tỉnh Lai Châu'];
      await expect(page.getByText(`Nhiệm vụ của ${commune} trong phương án ứng phó của ${province}`)).toBeVisible();
      if (key === 'districtKG') {
        await expect(page.getByText('Phương án kích hoạt từ tuần 2026-W47')).toBeVisible();
        await expect(page.getByRole('heading', { name: /^Cần làm \(\d+\)$/ })).toBeVisible();
      } else {
        await expect(page.getByText('Tỉnh Lai Châu hiện không kích hoạt phương án ứng phó')).toBeVisible();
      }
    }
  });
}
