import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as importRoute from '@/app/api/v1/reports/import/route';
import type { SessionUser } from '@/lib/roles';
import { createApiToken } from '@/server/tokens/api-tokens';
import { importReports } from '@/server/reports/import/import';
import { MAX_IMPORT_ROWS, parseImportFile } from '@/server/reports/import/file';
import { MAX_CONCURRENT_IMPORTS, tryTakeImportSlot } from '@/server/reports/import/run';
import { referenceProvince, user } from '../factories';
import { longCellBomb, redeclare, rowsBomb, sharedStringsBomb, wideBomb, type Declare } from '../fixtures/zip-bombs';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

// Files built to exhaust the server (issue 11): each is refused with a clear reason before it is unpacked, or at the
// first limit while it is read, in a worker thread; at most two imports run at once and the next is told to wait.
// Memory and the health endpoint during real uploads are checked end to end (tests/e2e/import-bomb.spec.ts).

vi.mock('@/server/auth/current-user', () => ({ getCurrentUser: vi.fn(async () => null), requireUser: vi.fn() }));

const NOW = new Date('2026-11-23T03:00:00Z');
vi.stubEnv('SURGEWATCH_NOW', NOW.toISOString());
vi.stubEnv('DEMO', '1');

let db: TestDatabase;
let entry: SessionUser;
let token: string;
const bombs: Record<string, Uint8Array> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  // Lai Châu as the seed stores it (the files name its units) and its data-entry user
  const lc = await referenceProvince(db.prisma, '12');
  useAsAppDatabase(db);
  entry = await user(db.prisma, 'PROVINCIAL_DATA_ENTRY', { province: lc });
  token = (await createApiToken(entry, { name: 'bombs', expiresInDays: null }))!.token;
  // built once (a few seconds): the variants below only change the sizes the zip declares
  bombs.rows = await rowsBomb();
  bombs.sharedStrings = await sharedStringsBomb();
  bombs.wide = await wideBomb();
  bombs.longCell = await longCellBomb();
}, 120_000);
afterAll(async () => db?.destroy());

const state = async () => ({
  reports: await db.prisma.weeklyReport.count(),
  audits: await db.prisma.auditLog.count(),
});

const SHEET = 'xl/worksheets/sheet1.xml';
const STRINGS = 'xl/sharedStrings.xml';
const text = (s: string) => new TextEncoder().encode(s);
const HEADER = 'unit_code;iso_week;new_cases;oxygen_avg_7d;free_covid_beds;staffed_icu_beds';

describe('.xlsx bombs', () => {
  it('the bomb of the report is small packed and hundreds of megabytes unpacked', () => {
    expect(bombs.rows!.byteLength).toBeLessThan(5 * 1024 * 1024);
    // the central directory's own word: the sheet unpacks to more than 300 MB
    const view = Buffer.from(bombs.rows!);
    const eocd = view.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let p = view.readUInt32LE(eocd + 16);
    let largest = 0;
    for (let n = view.readUInt16LE(eocd + 10); n > 0; n--) {
      largest = Math.max(largest, view.readUInt32LE(p + 24));
      p += 46 + view.readUInt16LE(p + 28) + view.readUInt16LE(p + 30) + view.readUInt16LE(p + 32);
    }
    expect(largest).toBeGreaterThan(300 * 1024 * 1024);
  });

  // truth: refused from the central directory; tiny: a lie caught while inflating; plausible: a size under every budget,
  // so only the limits counted while reading can stop it
  it.each<[string, string, Declare, string]>([
    ['rows', SHEET, 'truth', 'unpackedTooLarge'],
    ['rows', SHEET, 'tiny', 'unpackedTooLarge'],
    ['rows', SHEET, 'plausible', 'tooManyRows'],
    ['sharedStrings', STRINGS, 'truth', 'unpackedTooLarge'],
    ['sharedStrings', STRINGS, 'tiny', 'unpackedTooLarge'],
    ['sharedStrings', STRINGS, 'plausible', 'unpackedTooLarge'],
    ['wide', SHEET, 'truth', 'unpackedTooLarge'],
    ['wide', SHEET, 'plausible', 'tooManyColumns'],
    ['longCell', SHEET, 'truth', 'unpackedTooLarge'],
    ['longCell', SHEET, 'plausible', 'cellTooLong'],
  ])('refuses the %s bomb, %s declaring a %s size: %s, nothing written', async (bomb, part, declare, code) => {
    const before = await state();
    const out = await importReports(entry, '12', redeclare(bombs[bomb]!, part, declare), { confirmWarnings: true });
    expect(out).toMatchObject({ status: 'invalid', total: 1, issues: [{ code }] });
    expect(await state()).toEqual(before);
  });

  it('answers 413 over HTTP with the reason in the caller’s language', async () => {
    const post = (lang: string) =>
      importRoute.POST(
        new Request('http://surgewatch.test/api/v1/reports/import?province=12', {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/octet-stream',
            'accept-language': lang,
          },
          body: redeclare(bombs.rows!, SHEET, 'plausible') as BodyInit,
        }),
      );
    const vi_ = await post('vi');
    expect(vi_.status).toBe(413);
    expect(await vi_.json()).toMatchObject({
      ok: false,
      message: 'Tệp có quá 50.000 dòng',
      rows: [{ code: 'tooManyRows', row: null }],
    });
    const en = await post('en');
    expect(en.status).toBe(413);
    expect((await en.json()).message).toBe('The file has more than 50,000 rows');
    const lie = await importRoute.POST(
      new Request('http://surgewatch.test/api/v1/reports/import?province=12', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
        body: redeclare(bombs.rows!, SHEET, 'tiny') as BodyInit,
      }),
    );
    expect(lie.status).toBe(413);
    expect((await lie.json()).message).toMatch(/unpacks to too much data/);
  });

  it('reads two bombs at once off the main thread: the event loop stays free and the database answers meanwhile', async () => {
    const before = await state();
    const bomb = redeclare(bombs.rows!, SHEET, 'plausible');
    // the main thread's share of busy time while both are read: about 3 % here, and 96 % when the same files were read
    // on the main thread instead (checked once, by calling the reader inline, when this test was written). The longest
    // stall is no proof on its own, since the reader yields between chunks wherever it runs; it stays a guard.
    const delay = monitorEventLoopDelay({ resolution: 10 });
    const busy = performance.eventLoopUtilization();
    delay.enable();
    const both = Promise.all([1, 2].map(() => importReports(entry, '12', bomb, { confirmWarnings: true })));
    const count = await db.prisma.weeklyReport.count();
    const outs = await both;
    const utilisation = performance.eventLoopUtilization(busy).utilization;
    delay.disable();
    expect(outs).toMatchObject([
      { status: 'invalid', issues: [{ code: 'tooManyRows' }] },
      { status: 'invalid', issues: [{ code: 'tooManyRows' }] },
    ]);
    expect(count).toBe(before.reports);
    expect(await state()).toEqual(before);
    // generous bounds: the point is the difference between a few per cent and nearly all of the time
    expect(utilisation).toBeLessThan(0.5);
    expect(delay.max / 1e6).toBeLessThan(200);
  });

  it('still reads an ordinary workbook of exactly 50,000 rows, and refuses 50,001', async () => {
    const build = async (rows: number) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Báo cáo');
      sheet.addRow([
        'unit_code',
        'unit_name',
        'iso_week',
        'new_cases',
        'oxygen_avg_7d',
        'free_covid_beds',
        'staffed_icu_beds',
      ]);
      for (let i = 0; i < rows; i++) sheet.addRow(['105', 'Thành phố Lai Châu', '2026-W01', i % 300, 4.25, 6, 1]);
      return new Uint8Array(await workbook.xlsx.writeBuffer());
    };
    const ok = await parseImportFile(await build(MAX_IMPORT_ROWS));
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.records).toHaveLength(MAX_IMPORT_ROWS);
    expect(await parseImportFile(await build(MAX_IMPORT_ROWS + 1))).toMatchObject({
      ok: false,
      issues: [{ code: 'tooManyRows' }],
    });
  }, 60_000);
});

describe('CSV bombs', () => {
  it.each([
    ['5 MB of empty lines', () => HEADER + '\n'.repeat(5 * 1024 * 1024 - HEADER.length - 1), 'tooManyRows'],
    ['one line of 5 million separators', () => HEADER + '\n105' + ';'.repeat(5_000_000), 'tooManyColumns'],
    ['values in 40 columns', () => HEADER + '\n' + Array.from({ length: 40 }, () => '1').join(';'), 'tooManyColumns'],
    ['a cell of 40,000 characters', () => HEADER + '\n105;2026-W01;' + '1'.repeat(40_000) + ';1;1;1', 'cellTooLong'],
  ])('refuses %s', async (_name, make, code) => {
    const before = await state();
    expect(await importReports(entry, '12', text(make()), { confirmWarnings: true })).toMatchObject({
      status: 'invalid',
      issues: [{ code }],
    });
    expect(await state()).toEqual(before);
  });
});

describe('at most two imports at once', () => {
  it('tells the next one to wait (429, Retry-After, in the caller’s language) and lets it in once one ends', async () => {
    const taken = Array.from({ length: MAX_CONCURRENT_IMPORTS }, () => tryTakeImportSlot());
    expect(taken.every(Boolean)).toBe(true);
    expect(tryTakeImportSlot()).toBeNull();
    const csv = `${HEADER}\n105;2026-W30;5;1;1;1\n`;
    try {
      const before = await state();
      expect(await importReports(entry, '12', text(csv), { confirmWarnings: true })).toEqual({
        status: 'busy',
        retryAfter: 5,
      });
      for (const [lang, message] of [
        ['vi', 'Máy chủ đang chạy hai lượt nhập tệp. Chưa có gì được ghi: hãy thử lại sau 5 giây.'],
        ['en', 'Two imports are already running on the server. Nothing was written: try again in 5 seconds.'],
      ]) {
        const res = await importRoute.POST(
          new Request('http://surgewatch.test/api/v1/reports/import?province=12', {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'accept-language': lang! },
            body: csv,
          }),
        );
        expect(res.status).toBe(429);
        expect(res.headers.get('retry-after')).toBe('5');
        expect(await res.json()).toEqual({ ok: false, message, fieldErrors: {}, retryAfter: 5 });
      }
      expect(await state()).toEqual(before);
    } finally {
      for (const free of taken) free?.();
    }
    expect(await importReports(entry, '12', text(csv), { confirmWarnings: true })).toMatchObject({
      status: 'saved',
      rows: 1,
    });
  });

  it('frees its slot whatever the outcome, so refusals never leave the importer blocked', async () => {
    for (let i = 0; i < MAX_CONCURRENT_IMPORTS + 1; i++) {
      await importReports(entry, '12', redeclare(bombs.longCell!, SHEET, 'plausible'), { confirmWarnings: true });
      await importReports(entry, '12', text('not;a;header\n1;2;3\n'), { confirmWarnings: true });
    }
    const free = tryTakeImportSlot();
    expect(free).not.toBeNull();
    free?.();
  });
});
