import type { APIResponse, Page } from '@playwright/test';
import { expect, signIn, signInRequest, test } from './fixtures';
import { longCellBomb, redeclare, rowsBomb, sharedStringsBomb, wideBomb } from '../fixtures/zip-bombs';
import { rssBytes, serverPids } from '../support/server-process';
import { BOMB_WORLD as W, laiChauUnit } from './worlds';

// Decompression bombs against the production server (issue 11): each is refused with 413 and its reason, alone and
// two at once, while /api/health keeps answering and the server's resident memory grows by less than 200 MB. The
// times are measured by `npm run bench:import-bomb`, not asserted here.
// Uploaded to this spec's own province (a province shaped like Lai Châu, tests/e2e/worlds.ts) by its data-entry officer.
// The bombs' rows name Lai Châu's 105 (tests/fixtures/zip-bombs.ts): nothing may appear there nor in the world.

test.describe.configure({ timeout: 240_000 });

const PORT = process.env.E2E_PORT ?? '3100';
const SHEET = 'xl/worksheets/sheet1.xml';
const STRINGS = 'xl/sharedStrings.xml';
const MB = 1024 * 1024;

async function buildBombs(): Promise<Record<string, Buffer>> {
  const [rows, strings, wide, long] = await Promise.all([rowsBomb(), sharedStringsBomb(), wideBomb(), longCellBomb()]);
  return {
    'rows, true sizes (the report’s bomb)': Buffer.from(rows),
    'rows, a lying central directory': Buffer.from(redeclare(rows, SHEET, 'tiny')),
    'rows, a plausible size': Buffer.from(redeclare(rows, SHEET, 'plausible')),
    'shared strings, a plausible size': Buffer.from(redeclare(strings, STRINGS, 'plausible')),
    'wide rows, a plausible size': Buffer.from(redeclare(wide, SHEET, 'plausible')),
    'one long cell, a plausible size': Buffer.from(redeclare(long, SHEET, 'plausible')),
  };
}

const upload = (page: Page, origin: string, bytes: Buffer | string): Promise<APIResponse> =>
  page.request.post(`/api/v1/reports/import?province=${W.code}`, {
    headers: { origin, 'content-type': 'application/octet-stream', 'accept-language': 'en' },
    data: bytes,
    timeout: 120_000,
  });

test('bombs are refused with 413 while /api/health answers and memory stays flat, alone and two at once', async ({
  page,
  playwright,
}) => {
  const bombs = await buildBombs();
  await signIn(page, W.dataEntry);
  const origin = new URL(page.url()).origin;
  const pids = serverPids(PORT);
  expect(pids.length, `the process listening on port ${PORT}, in /proc`).toBeGreaterThan(0);

  // an ordinary import first, so that the importer's code is loaded before the baseline is taken
  const warm = await upload(
    page,
    origin,
    `unit_code,iso_week,new_cases,oxygen_avg_7d,free_covid_beds,staffed_icu_beds\n${laiChauUnit(W, '105')},2026-W48,x,1,1,1\n`,
  );
  expect(warm.status()).toBe(400);
  // 2026-W01 of the world, and of Lai Châu read by the national leader (the world's officer may not read it)
  const national = await playwright.request.newContext({ baseURL: origin });
  await signInRequest(national, 'national');
  const week1 = async () => [
    (await (await page.request.get(`/api/v1/reports?province=${W.code}&from=2026-W01&to=2026-W01`)).json()).reports,
    (await (await national.get('/api/v1/reports?province=12&from=2026-W01&to=2026-W01')).json()).reports,
  ];
  const before = await week1();
  expect(before[1].length, 'Lai Châu has reports in 2026-W01').toBeGreaterThan(0);
  const baseline = rssBytes(pids);

  let uploading = 0;
  let watching = true;
  let peak = baseline;
  const health: { status: number; duringUpload: boolean }[] = [];
  const watcher = (async () => {
    while (watching) {
      const res = await page.request.get('/api/health', { timeout: 60_000 });
      health.push({ status: res.status(), duringUpload: uploading > 0 });
      peak = Math.max(peak, rssBytes(pids));
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  const send = async (bytes: Buffer) => {
    uploading++;
    try {
      return await upload(page, origin, bytes);
    } finally {
      uploading--;
      peak = Math.max(peak, rssBytes(pids));
    }
  };

  try {
    for (const [name, bytes] of Object.entries(bombs)) {
      const res = await send(bytes);
      expect(res.status(), name).toBe(413);
      const body = await res.json();
      expect(body.message, name).toMatch(/50,000 rows|too much data|32 columns|32,767 characters/);
    }
    const names = Object.keys(bombs);
    for (let i = 0; i < names.length; i += 2) {
      const pair = names.slice(i, i + 2);
      const answers = await Promise.all(pair.map((n) => send(bombs[n]!)));
      // two at once are both read (at most two imports run); none is told to wait
      expect(
        answers.map((a) => a.status()),
        pair.join(' + '),
      ).toEqual([413, 413]);
    }
    // a third at the same time may be told to wait, never answered with a 5xx
    const three = await Promise.all(names.slice(0, 3).map((n) => send(bombs[n]!)));
    for (const res of three) {
      expect([413, 429]).toContain(res.status());
      if (res.status() === 429) expect(res.headers()['retry-after']).toBe('5');
    }
  } finally {
    watching = false;
    await watcher;
  }
  const growth = peak - baseline;
  console.log(
    `import bombs: ${health.length} health checks (${health.filter((h) => h.duringUpload).length} during uploads), RSS ${(baseline / MB).toFixed(0)} MB, peak +${(growth / MB).toFixed(0)} MB`,
  );
  expect(
    health.every((h) => h.status === 200),
    'every health check answered 200',
  ).toBe(true);
  expect(
    health.some((h) => h.duringUpload),
    'health answered while bombs were being read',
  ).toBe(true);
  expect(growth, 'resident memory growth of the server').toBeLessThan(200 * MB);

  // and nothing was written by any of them (their rows are 105's figures for 2026-W01)
  expect(await week1()).toEqual(before);
  await national.dispose();
});

test('the import page shows why a bomb is refused', async ({ page, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 413/);
  await signIn(page, W.dataEntry);
  await page.goto(`/provinces/${W.code}/import`);
  await page.getByLabel('Tệp CSV hoặc Excel (.xlsx)').setInputFiles({
    name: 'bao-cao.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(redeclare(await rowsBomb(), SHEET, 'plausible')),
  });
  await page.getByRole('button', { name: 'Kiểm tra và nhập' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('Tệp có quá 50.000 dòng');
  await expect(result).toContainText('Không có số liệu nào được ghi');
});
