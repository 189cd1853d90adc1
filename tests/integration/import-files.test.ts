import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/roles';
import { importReports } from '@/server/reports/import/import';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '@/server/reports/import/file';
import { buildBigCsv } from '../fixtures/big-csv';
import { referenceProvince, reports, user } from '../factories';
import { LAI_CHAU_W48_ROWS, makeXlsx } from '../fixtures/xlsx';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

// The importer on a real database: what Excel in Vietnam writes (BOM, semicolons, decimal commas, .xlsx), every bad row
// reported at once, all rows or none, and a re-import of the same file changing nothing.

const NOW = new Date('2026-11-23T03:00:00Z');
vi.stubEnv('SURGEWATCH_NOW', NOW.toISOString());
vi.stubEnv('DEMO', '1');

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, '../fixtures', name)));
const text = (s: string) => new TextEncoder().encode(s);
const LC_DISTRICTS = ['105', '106', '107', '108', '109', '110', '111', '112'];

let db: TestDatabase;
let entry: SessionUser;

beforeAll(async () => {
  db = await createTestDatabase();
  // Lai Châu and Kiên Giang as the seed stores them (the fixtures name their units), with eight weeks of history for
  // 105 (a median of 100 new cases), and Lai Châu's data-entry user
  const lc = await referenceProvince(db.prisma, '12');
  // Kiên Giang's units exist too: a Kiên Giang unit in a Lai Châu file is outside the province, not unknown
  await referenceProvince(db.prisma, '91');
  for (let isoWeek = 40; isoWeek <= 47; isoWeek++)
    await reports(
      db.prisma,
      lc,
      { isoYear: 2026, isoWeek },
      {
        '105': { newCases: 100, oxygenAvg7d: 6, freeCovidBeds: 6, staffedIcuBeds: 1 },
      },
    );
  useAsAppDatabase(db);
  entry = await user(db.prisma, 'PROVINCIAL_DATA_ENTRY', { province: lc });
});
afterAll(async () => db?.destroy());

const state = async () => ({
  reports: await db.prisma.weeklyReport.count(),
  audits: await db.prisma.auditLog.count({ where: { targetType: 'WeeklyReport' } }),
  versionSum: (await db.prisma.weeklyReport.aggregate({ _sum: { version: true } }))._sum.version,
  dataVersion: (await db.prisma.dataVersion.findUnique({ where: { provinceCode: '12' } }))?.version ?? 0,
});
const w48 = (unit: string) =>
  db.prisma.weeklyReport.findFirst({ where: { unit: { code: unit }, isoYear: 2026, isoWeek: 48 } });

describe('what Excel in Vietnam writes', () => {
  it('imports a UTF-8 CSV with a BOM, semicolons and decimal commas', async () => {
    const before = await state();
    const out = await importReports(entry, '12', fixture('lai-chau-2026-W48-excel-vn.csv'), { confirmWarnings: true });
    // W48 is not the latest complete week: no level change to tell (reports-level-change.test.ts)
    expect(out).toEqual({ status: 'saved', rows: 9, created: 9, updated: 0, unchanged: 0, levelChange: null });
    expect((await w48('12'))?.oxygenAvg7d?.toNumber()).toBe(46.5);
    expect(await w48('12')).toMatchObject({ newCases: null, freeCovidBeds: 49, totalCovidBeds: 810 });
    expect((await w48('111'))?.oxygenAvg7d?.toNumber()).toBe(4.15);
    const after = await state();
    expect(after.audits - before.audits).toBe(9);
    expect(after.dataVersion - before.dataVersion).toBe(1);
  });

  it('changes nothing when the same figures come again, as a comma CSV or as .xlsx', async () => {
    const before = await state();
    expect(
      await importReports(entry, '12', fixture('lai-chau-2026-W48-excel-vn.csv'), { confirmWarnings: false }),
    ).toEqual({
      status: 'saved',
      rows: 9,
      created: 0,
      updated: 0,
      unchanged: 9,
      levelChange: null,
    });
    expect(
      await importReports(entry, '12', fixture('lai-chau-2026-W48-comma.csv'), { confirmWarnings: false }),
    ).toMatchObject({ status: 'saved', unchanged: 9 });
    expect(
      await importReports(entry, '12', await makeXlsx(LAI_CHAU_W48_ROWS), { confirmWarnings: false }),
    ).toMatchObject({ status: 'saved', unchanged: 9 });
    expect(await state()).toEqual(before);
  });

  it('updates what changed, audited, once the warning about overwriting a reported week is confirmed', async () => {
    const rows = LAI_CHAU_W48_ROWS.map((r, i) => (i === 2 ? [...r.slice(0, 3), 315, ...r.slice(4)] : r));
    const file = await makeXlsx(rows);
    const warned = await importReports(entry, '12', file, { confirmWarnings: false });
    // 315 is far above the median of 105's last 8 reports (100): both warnings, for that row only
    expect(warned).toMatchObject({
      status: 'warnings',
      total: 2,
      warnings: [
        { code: 'alreadyReported', row: 3, unitCode: '105', week: '2026-W48', by: entry.name },
        { code: 'farFromHistory', row: 3, column: 'new_cases', value: 315 },
      ],
    });
    expect((await w48('105'))?.newCases).toBe(310);
    const before = await state();
    expect(await importReports(entry, '12', file, { confirmWarnings: true })).toMatchObject({
      status: 'saved',
      updated: 1,
      unchanged: 8,
    });
    const report = await w48('105');
    expect(report).toMatchObject({ newCases: 315, version: 2 });
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { targetType: 'WeeklyReport', targetId: String(report!.id), action: 'report.updated' },
    });
    expect(audit.before).toMatchObject({ newCases: 310, version: 1 });
    expect(audit.after).toMatchObject({ newCases: 315, version: 2, via: 'import' });
    expect((await state()).audits - before.audits).toBe(1);
  });

  it('refuses a CSV that is not UTF-8 (Excel’s plain “CSV” in Windows-1258)', async () => {
    const bytes = new Uint8Array([
      ...text(
        'unit_code;iso_week;new_cases;oxygen_avg_7d;free_covid_beds;staffed_icu_beds\r\n105;2026-W48;1;1;1;1;\r\n# Huy',
      ),
      0xea,
      0xcc,
      0x6e,
    ]);
    expect(await importReports(entry, '12', bytes, { confirmWarnings: true })).toMatchObject({
      status: 'invalid',
      issues: [{ row: null, code: 'encoding' }],
    });
  });
});

describe('severity figures (issue 14): optional columns, 0 apart from empty, older files still import', () => {
  const atWeek = (unit: string, week: { isoYear: number; isoWeek: number }) =>
    db.prisma.weeklyReport.findFirst({ where: { unit: { code: unit }, ...week } });
  const w45 = (unit: string) => atWeek(unit, { isoYear: 2026, isoWeek: 45 });
  const HEAD = 'unit_code;iso_week;new_cases;oxygen_avg_7d;free_covid_beds;staffed_icu_beds';

  it('imports severe_cases, new_admissions and deaths from a CSV, the province’s own row included, audited', async () => {
    const csv =
      `${HEAD};severe_cases;new_admissions;deaths\r\n` +
      '12;2026-W45;;40,5;50;12;9;3;0\r\n' + // deaths 0: a figure
      '106;2026-W45;230;4,4;8;2;6;21;1\r\n' +
      '107;2026-W45;400;8,1;6;1;;;\r\n'; // left empty: not reported
    const out = await importReports(entry, '12', text(csv), { confirmWarnings: true });
    expect(out).toMatchObject({ status: 'saved', created: 3 });
    expect(await w45('12')).toMatchObject({ newCases: null, severeCases: 9, newAdmissions: 3, deaths: 0 });
    expect(await w45('106')).toMatchObject({ severeCases: 6, newAdmissions: 21, deaths: 1 });
    expect(await w45('107')).toMatchObject({ newCases: 400, severeCases: null, newAdmissions: null, deaths: null });
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { targetType: 'WeeklyReport', targetId: String((await w45('106'))!.id) },
    });
    expect(audit.after).toMatchObject({ severeCases: 6, newAdmissions: 21, deaths: 1, via: 'import' });
  });

  it('keeps the stored severity figures when a file has no severity columns (an older template)', async () => {
    const week = { isoYear: 2026, isoWeek: 43 };
    await reports(db.prisma, { code: '12' }, week, {
      '12': { oxygenAvg7d: 40.5, freeCovidBeds: 50, staffedIcuBeds: 12, severeCases: 9, newAdmissions: 3, deaths: 0 },
      '106': { newCases: 230, oxygenAvg7d: 4.4, freeCovidBeds: 8, staffedIcuBeds: 2, severeCases: 6, deaths: 1 },
    });
    const before = await state();
    const older = `${HEAD}\r\n12;2026-W43;;40,5;50;12\r\n106;2026-W43;230;4,4;8;2\r\n`;
    expect(await importReports(entry, '12', text(older), { confirmWarnings: false })).toMatchObject({
      status: 'saved',
      unchanged: 2,
    });
    expect(await state()).toEqual(before);
    expect(await atWeek('106', week)).toMatchObject({ severeCases: 6, newAdmissions: null, deaths: 1 });
    // per column: a file with only the deaths column keeps the other two
    const deathsOnly = `${HEAD};deaths\r\n106;2026-W43;230;4,4;8;2;2\r\n`;
    expect(await importReports(entry, '12', text(deathsOnly), { confirmWarnings: true })).toMatchObject({
      status: 'saved',
      updated: 1,
    });
    expect(await atWeek('106', week)).toMatchObject({ severeCases: 6, deaths: 2 });
  });

  it('clears a severity figure whose cell is empty, and reads them from .xlsx as typed numbers', async () => {
    const week = { isoYear: 2026, isoWeek: 42 };
    await reports(db.prisma, { code: '12' }, week, {
      '106': {
        newCases: 230,
        oxygenAvg7d: 4.4,
        freeCovidBeds: 8,
        staffedIcuBeds: 2,
        severeCases: 6,
        newAdmissions: 21,
      },
      '107': { newCases: 400, oxygenAvg7d: 8.1, freeCovidBeds: 6, staffedIcuBeds: 1 },
    });
    const rows = [
      ['unit_code', 'iso_week', 'new_cases', 'oxygen_avg_7d', 'free_covid_beds', 'staffed_icu_beds', 'severe_cases', 'new_admissions', 'deaths'],
      ['106', '2026-W42', 230, 4.4, 8, 2, 7, null, 1],
      ['107', '2026-W42', 400, 8.1, 6, 1, 11, 30, 0],
    ]; // prettier-ignore
    const out = await importReports(entry, '12', await makeXlsx(rows), { confirmWarnings: true });
    expect(out).toMatchObject({ status: 'saved', updated: 2 });
    expect(await atWeek('106', week)).toMatchObject({ severeCases: 7, newAdmissions: null, deaths: 1 });
    expect(await atWeek('107', week)).toMatchObject({ severeCases: 11, newAdmissions: 30, deaths: 0 });
  });

  it('asks before a template’s empty cells clear stored figures, naming the columns, and writes nothing', async () => {
    // a district clerk fills the template's new cases only: the provincial hospitals' row (severity figures alone)
    // and a district's severity cells are empty
    const week = { isoYear: 2026, isoWeek: 41 };
    await reports(db.prisma, { code: '12' }, week, {
      '12': { severeCases: 9, newAdmissions: 3, deaths: 1 },
      '106': { newCases: 230, oxygenAvg7d: 4.4, freeCovidBeds: 8, staffedIcuBeds: 2, severeCases: 6 },
    });
    const template =
      `${HEAD};total_covid_beds;icu_beds;severe_cases;new_admissions;deaths\r\n` +
      '12;2026-W41;;;;;;;;;\r\n' +
      '106;2026-W41;230;4,4;8;2;;;;;\r\n' +
      '107;2026-W41;400;;;;;;;;\r\n';
    const before = await state();
    const out = await importReports(entry, '12', text(template), { confirmWarnings: false });
    expect(out).toMatchObject({
      status: 'warnings',
      total: 4,
      warnings: [
        { row: 2, code: 'alreadyReported', unitCode: '12' },
        {
          row: 2,
          code: 'clearsFigures',
          column: 'severe_cases, new_admissions, deaths',
          fields: ['severeCases', 'newAdmissions', 'deaths'],
        },
        { row: 3, code: 'alreadyReported', unitCode: '106' },
        { row: 3, code: 'clearsFigures', column: 'severe_cases', fields: ['severeCases'] },
      ],
    });
    expect(await state()).toEqual(before);
    expect(await importReports(entry, '12', text(template), { confirmWarnings: true })).toMatchObject({
      status: 'saved',
      created: 1,
      updated: 2,
    });
    expect(await atWeek('12', week)).toMatchObject({ severeCases: null, newAdmissions: null, deaths: null });
  });

  it('refuses a negative or fractional severity figure with its row and column, writing nothing', async () => {
    const before = await state();
    const csv = `${HEAD};severe_cases;deaths\r\n106;2026-W44;230;4,4;8;2;2,5;-1\r\n`;
    const out = await importReports(entry, '12', text(csv), { confirmWarnings: true });
    expect(out).toMatchObject({
      status: 'invalid',
      issues: [
        { row: 2, column: 'severe_cases', value: '2,5', code: 'notWhole' },
        { row: 2, column: 'deaths', value: '-1', code: 'negative' },
      ],
    });
    expect(await state()).toEqual(before);
  });
});

describe('bad files: a clear report, nothing written', () => {
  it('lists every bad row with its row number, column, value and message', async () => {
    const before = await state();
    const out = await importReports(entry, '12', fixture('lai-chau-errors.csv'), { confirmWarnings: true });
    expect(out.status).toBe('invalid');
    if (out.status !== 'invalid') return;
    expect(out.issues.map((i) => [i.row, i.column, i.value, i.code])).toEqual([
      [2, 'new_cases', '-3', 'negative'],
      [3, 'new_cases', '12,5', 'notWhole'],
      [4, 'oxygen_avg_7d', '8,123', 'tooManyDecimals'],
      [5, 'unit_code', '899', 'outsideProvince'],
      [6, 'iso_week', '2026-W49', 'futureWeek'],
      [7, 'new_cases', 'abc', 'notNumber'],
      [9, 'unit_code', '8', 'duplicateRow'],
      [10, 'new_cases', '5', 'casesOnProvinceRow'],
      [11, 'free_covid_beds', '200', 'freeAboveTotal'],
    ]);
    expect(await state()).toEqual(before);
  });

  it.each([
    [
      'an unknown column',
      'unit_code,iso_week,new_cases,oxygen_avg_7d,free_covid_beds,staffed_icu_beds,recovered\n105,2026-W48,1,1,1,1,0\n',
      [1, 'recovered', 'unknownColumn'], // deaths was the example until issue 14 made it a column
    ],
    [
      'a missing column',
      'unit_code,iso_week,new_cases,oxygen_avg_7d,free_covid_beds\n105,2026-W48,1,1,1\n',
      [1, 'staffed_icu_beds', 'missingColumn'],
    ],
    [
      'a repeated column',
      'unit_code,iso_week,new_cases,new_cases,oxygen_avg_7d,free_covid_beds,staffed_icu_beds\n105,2026-W48,1,1,1,1,1\n',
      [1, 'new_cases', 'duplicateColumn'],
    ],
    [
      'a header only',
      'unit_code,iso_week,new_cases,oxygen_avg_7d,free_covid_beds,staffed_icu_beds\n',
      [null, null, 'noRows'],
    ],
    [
      'more cells than columns',
      'unit_code,iso_week,new_cases,oxygen_avg_7d,free_covid_beds,staffed_icu_beds\n105,2026-W48,1,1,1,1,9\n',
      [2, null, 'extraCells'],
    ],
  ])('refuses %s', async (_name, csv, [row, column, code]) => {
    const before = await state();
    const out = await importReports(entry, '12', text(csv), { confirmWarnings: true });
    expect(out).toMatchObject({ status: 'invalid', issues: [{ row, column, code }] });
    expect(await state()).toEqual(before);
  });

  it('refuses files over 5 MB and over 50,000 rows', async () => {
    expect(
      await importReports(entry, '12', new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41), { confirmWarnings: true }),
    ).toMatchObject({
      status: 'invalid',
      issues: [{ code: 'fileTooLarge' }],
    });
    const many =
      'unit_code,iso_week,new_cases,oxygen_avg_7d,free_covid_beds,staffed_icu_beds\n' +
      '105,2026-W01,1,1,1,1\n'.repeat(MAX_IMPORT_ROWS + 1);
    expect(await importReports(entry, '12', text(many), { confirmWarnings: true })).toMatchObject({
      status: 'invalid',
      issues: [{ code: 'tooManyRows' }],
    });
  });

  it('commits nothing from a 10,000-row file with one bad row, and everything once it is corrected', async () => {
    const { lines } = buildBigCsv({
      provinceCode: '12',
      districts: LC_DISTRICTS,
      last: { isoYear: 2026, isoWeek: 47 },
      rows: 10_000,
    });
    const bad = [...lines];
    bad[5_001] = bad[5_001]!.replace(/^(\d+;[^;]+;)\d+/, '$1-7');
    const before = await state();
    const out = await importReports(entry, '12', text('\uFEFF' + bad.join('\r\n')), { confirmWarnings: true });
    expect(out).toMatchObject({
      status: 'invalid',
      total: 1,
      issues: [{ row: 5_002, column: 'new_cases', value: '-7', code: 'negative' }],
    });
    expect(await state()).toEqual(before);

    const good = await importReports(entry, '12', text(lines.join('\n')), { confirmWarnings: true });
    expect(good).toMatchObject({ status: 'saved', rows: 10_000 });
    if (good.status !== 'saved') return;
    expect(good.created + good.updated).toBeGreaterThan(9_000);
    const again = await importReports(entry, '12', text(lines.join('\n')), { confirmWarnings: false });
    expect(again).toMatchObject({ status: 'saved', unchanged: 10_000 });
  }, 120_000);
});
