import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as importRoute from '@/app/api/v1/reports/import/route';
import type { SessionUser } from '@/lib/roles';
import { createApiToken } from '@/server/tokens/api-tokens';
import { importReports } from '@/server/reports/import/import';
import { MAX_CONCURRENT_IMPORTS } from '@/server/reports/import/run';
import { referenceProvince, user } from '../factories';
import { zipFields, zipOf } from '../fixtures/zip-bombs';
import { consoleErrorSpy } from '../support/fail-on-console-error';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

// Where the import worker is found, what happens when it is not (a deployment fault: 503, not a 400 blaming the
// file), and that failed imports always give their slot back. The tests run in order: the worker's path is kept once
// found, so the one where it cannot be found comes first.

vi.mock('@/server/auth/current-user', () => ({ getCurrentUser: vi.fn(async () => null), requireUser: vi.fn() }));

const NOW = new Date('2026-11-23T03:00:00Z');
vi.stubEnv('SURGEWATCH_NOW', NOW.toISOString());
vi.stubEnv('DEMO', '1');

const CSV = (week: number, cases: number) =>
  new TextEncoder().encode(
    `unit_code;iso_week;new_cases;oxygen_avg_7d;free_covid_beds;staffed_icu_beds\n105;2026-W${week};${cases};1;1;1\n`,
  );

let db: TestDatabase;
let entry: SessionUser;
let token: string;
let elsewhere: string;

beforeAll(async () => {
  db = await createTestDatabase();
  // Lai Châu as the seed stores it (the files name its units) and its data-entry user
  const lc = await referenceProvince(db.prisma, '12');
  useAsAppDatabase(db);
  entry = await user(db.prisma, 'PROVINCIAL_DATA_ENTRY', { province: lc });
  token = (await createApiToken(entry, { name: 'worker', expiresInDays: null }))!.token;
  elsewhere = mkdtempSync(path.join(os.tmpdir(), 'surgewatch-elsewhere-'));
});
afterAll(async () => {
  rmSync(elsewhere, { recursive: true, force: true });
  await db?.destroy();
});

const state = async () => ({ reports: await db.prisma.weeklyReport.count(), audits: await db.prisma.auditLog.count() });

/** Runs `fn` as if the server had been started from `cwd`, by the script `script`. */
async function startedFrom<T>(cwd: string, script: string, fn: () => Promise<T>): Promise<T> {
  const [oldCwd, oldScript] = [process.cwd(), process.argv[1]];
  process.chdir(cwd);
  process.argv[1] = script;
  try {
    return await fn();
  } finally {
    process.chdir(oldCwd);
    process.argv[1] = oldScript!;
  }
}

const post = (lang: string, body: Uint8Array) =>
  importRoute.POST(
    new Request('http://surgewatch.test/api/v1/reports/import?province=12&confirm=warnings', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'accept-language': lang },
      body: body as BodyInit,
    }),
  );

describe('the import worker’s file', () => {
  it('without the worker, answers 503 "unavailable" in the caller’s language, logs it once, writes nothing', async () => {
    const logged: unknown[][] = [];
    consoleErrorSpy.mockImplementationOnce((...args: unknown[]) => void logged.push(args));
    const before = await state();
    await startedFrom(elsewhere, path.join(elsewhere, 'server.js'), async () => {
      const vi_ = await post('vi', CSV(30, 5));
      expect(vi_.status).toBe(503);
      expect(await vi_.json()).toMatchObject({
        ok: false,
        message: 'Máy chủ tạm thời không nhập được tệp (thiếu bộ đọc tệp). Chưa có gì được ghi: hãy báo quản trị viên',
      });
      const en = await post('en', CSV(30, 5));
      expect(en.status).toBe(503);
      expect((await en.json()).message).toBe(
        'The server cannot import files at the moment (its file reader is missing). Nothing was written: tell the administrator',
      );
    });
    // once, naming what is missing (a second message would fail the test through the console.error guard)
    expect(logged).toHaveLength(1);
    expect(String(logged[0]![0])).toContain('import/worker.mjs not found');
    expect(await state()).toEqual(before);
  });
});

describe('import slots', () => {
  it('are given back by imports failing inside the worker: three in a row, then a good one is saved', async () => {
    const corrupt = zipOf([{ name: 'xl/workbook.xml', content: '<workbook/>'.repeat(100) }]);
    const { entries } = zipFields(corrupt);
    corrupt.fill(
      0xff,
      entries[0]!.local + 30 + 15 + 2,
      entries[0]!.local + 30 + 15 + corrupt.readUInt32LE(entries[0]!.central + 20),
    );
    const failing = [
      new Uint8Array(corrupt),
      new TextEncoder().encode('a;b\n' + '1;'.repeat(40)),
      new Uint8Array([0xff, 0xfe, 0x00, 0x41]),
    ];
    expect(failing.length).toBeGreaterThan(MAX_CONCURRENT_IMPORTS);
    for (const file of failing)
      expect(await importReports(entry, '12', file, { confirmWarnings: true })).toMatchObject({ status: 'invalid' });
    expect(await importReports(entry, '12', CSV(32, 7), { confirmWarnings: true })).toMatchObject({
      status: 'saved',
      rows: 1,
    });
  });
});
