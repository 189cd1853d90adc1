import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as unitRoute from '@/app/api/v1/reports/[unitCode]/[isoWeek]/route';
import * as exportRoute from '@/app/api/v1/reports/export/route';
import * as listRoute from '@/app/api/v1/reports/route';
import * as templateRoute from '@/app/api/v1/reports/template/route';
import type { PrismaClient } from '@/generated/prisma/client';
import { parseIsoWeek, type IsoWeek } from '@/lib/epi-week';
import type { SessionUser } from '@/lib/roles';
import { EMPTY_FIGURES, type Figures } from '@/lib/validations/figures';
import { runAction } from '@/server/boundary/action';
import { getCompleteness } from '@/server/reports/completeness';
import { importReports } from '@/server/reports/import/import';
import { getEntryWeek, getReportHistory } from '@/server/reports/queries';
import { saveFormerUnitWeek, saveWeek, saveWeeklyReports } from '@/server/reports/save';
import { createUnit } from '@/server/seed/reference-data';
import { createApiToken } from '@/server/tokens/api-tokens';
import { province, user } from '../factories';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

// Issue 15 on the reports side: the grid, the import, the export, the template, completeness and the API follow the
// units expected to report in the chosen week; codes are GSO codes read with the week (handles too); a new report for
// a unit outside its validity, or a figure its role does not report, is refused with a message that names them; a
// report stored under a former unit is kept and only an administrator edits it. A small world with explicit validity:
// province 39 (two districts until 30/06/2025, then communes and a regional health centre), and code 65 held in turn
// by an ended province (handle 65~20250630) and a new one.

vi.mock('@/server/auth/current-user', () => ({ getCurrentUser: vi.fn(async () => null), requireUser: vi.fn() }));

const NOW = new Date('2026-11-23T03:00:00Z');
vi.stubEnv('SURGEWATCH_NOW', NOW.toISOString());
vi.stubEnv('DEMO', '1');
const BASE = 'http://surgewatch.test';
const W = (text: string) => parseIsoWeek(text) as IsoWeek;
const figures = (f: Partial<Figures>): Figures => ({ ...EMPTY_FIGURES, ...f });
const day = (d: string) => new Date(`${d}T00:00:00Z`);

let db: TestDatabase;
let entry: SessionUser;
let admin: SessionUser;
let entryOld65: SessionUser;
let token: string;
let tokenOld65: string;

async function unit(
  prisma: PrismaClient,
  parent: { id: number; path: string; depth: number },
  u: { code: string; gsoCode?: string; name: string; kind: string; population?: number; reports?: boolean },
  validity: { validFrom?: string; validTo?: string; reportsFrom?: string } = {},
) {
  const created = await createUnit(
    prisma,
    { code: u.code, name: u.name, kind: u.kind, population: u.population ?? 0 },
    parent,
  );
  await prisma.adminUnit.update({
    where: { id: created.id },
    data: {
      gsoCode: u.gsoCode ?? u.code,
      reports: u.reports ?? true,
      validFrom: validity.validFrom ? day(validity.validFrom) : null,
      validTo: validity.validTo ? day(validity.validTo) : null,
      reportsFrom: validity.reportsFrom ? day(validity.reportsFrom) : null,
    },
  });
  // a unit without a known population has none (createUnit always stores one)
  if (u.population === undefined) await prisma.unitPopulation.deleteMany({ where: { unitId: created.id } });
  return created;
}

const rootOf = (prisma: PrismaClient, code: string) =>
  prisma.adminUnit.findUniqueOrThrow({ where: { code }, select: { id: true, path: true, depth: true } });

beforeAll(async () => {
  db = await createTestDatabase();
  const prisma = db.prisma;
  await province(prisma, { code: '39', districts: [100_000, 150_000] });
  await prisma.adminUnit.updateMany({
    where: { code: { in: ['3901', '3902'] } },
    data: { validTo: day('2025-06-30') },
  });
  const p39 = await rootOf(prisma, '39');
  await unit(
    prisma,
    p39,
    { code: '39001', name: 'Phường Một', kind: 'commune', population: 40_000 },
    { validFrom: '2025-07-01' },
  );
  await unit(
    prisma,
    p39,
    { code: '39002', name: 'Xã Hai', kind: 'commune', population: 60_000 },
    { validFrom: '2025-07-01' },
  );
  // a commune that went on through the reform: valid throughout, reporting from 01/07/2025
  await unit(
    prisma,
    p39,
    { code: '39003', name: 'Xã Ba', kind: 'commune', population: 50_000 },
    { reportsFrom: '2025-07-01' },
  );
  await unit(prisma, p39, { code: '39009', name: 'Xã Cũ', kind: 'commune', reports: false }, { validTo: '2025-06-30' });
  await unit(
    prisma,
    p39,
    { code: '39TT1', name: 'Trung tâm Y tế khu vực Một', kind: 'facility' },
    { validFrom: '2025-07-01' },
  );

  // code 65, held in turn: the ended province (handle 65~20250630) with a district, then a new province with a commune
  await province(prisma, { code: '65', districts: [], population: 300_000 });
  await prisma.adminUnit.update({ where: { code: '65' }, data: { validFrom: day('2025-07-01') } });
  const old = await prisma.adminUnit.create({
    data: {
      code: '65~20250630',
      gsoCode: '65',
      name: 'Tỉnh Cũ 65',
      kind: 'province',
      depth: 0,
      path: '65~20250630',
      provinceCode: '65~20250630',
      validTo: day('2025-06-30'),
    },
    select: { id: true, path: true, depth: true },
  });
  await unit(
    prisma,
    old,
    { code: '6599', name: 'Huyện Cũ 65', kind: 'district', population: 80_000 },
    { validTo: '2025-06-30' },
  );
  await unit(
    prisma,
    await rootOf(prisma, '65'),
    { code: '65001', name: 'Xã Mới 65', kind: 'commune' },
    { validFrom: '2025-07-01' },
  );

  useAsAppDatabase(db);
  entry = await user(prisma, 'PROVINCIAL_DATA_ENTRY', { province: { code: '39' } });
  admin = await user(prisma, 'ADMIN');
  entryOld65 = await user(prisma, 'PROVINCIAL_DATA_ENTRY', { province: { code: '65~20250630' } });
  token = (await createApiToken(entry, { name: 'test', expiresInDays: null }))!.token;
  tokenOld65 = (await createApiToken(entryOld65, { name: 'test', expiresInDays: null }))!.token;
});
afterAll(async () => db?.destroy());

const auth = (t: string, lang = 'vi') => ({ authorization: `Bearer ${t}`, 'accept-language': lang });
const get = (path: string, headers = auth(token)) => new Request(BASE + path, { headers });
const params = (unitCode: string, isoWeek: string) => ({ params: Promise.resolve({ unitCode, isoWeek }) });
const put = (unitCode: string, week: string, body: unknown, headers = auth(token)) =>
  unitRoute.PUT(
    new Request(`${BASE}/api/v1/reports/${encodeURIComponent(unitCode)}/${week}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }),
    params(unitCode, week),
  );
const reportCount = () => db.prisma.weeklyReport.count();
const codesOf = (view: { units: { code: string }[] }) => view.units.map((u) => u.code);

describe('the units of a week', () => {
  it('lists the province row, its facilities and communes after the reform, its districts before', async () => {
    const after = await getEntryWeek(entry, '39', W('2026-W10'));
    if (after.status !== 'ok') throw new Error(after.status);
    expect(codesOf(after.data)).toEqual(['39', '39TT1', '39001', '39002', '39003']);
    expect(after.data.system).toBe('commune');
    const fields = Object.fromEntries(after.data.units.map((u) => [u.code, u.fields]));
    expect(fields['39']).not.toContain('newCases');
    expect(fields['39']).not.toContain('oxygenAvg7d');
    expect(fields['39TT1']).toEqual(fields['39']);
    expect(fields['39001']).toEqual(['newCases', 'oxygenAvg7d', 'severeCases', 'newAdmissions', 'deaths']);

    const before = await getEntryWeek(entry, '39', W('2024-W10'));
    if (before.status !== 'ok') throw new Error(before.status);
    expect(codesOf(before.data)).toEqual(['39', '3901', '3902']);
    expect(before.data.system).toBe('district');
    expect(before.data.units[0]!.fields).toContain('oxygenAvg7d');
  });

  it('splits 2025-W26 (the last district week) from 2025-W27 (the first commune week) by their Thursdays', async () => {
    const w26 = await getEntryWeek(entry, '39', W('2025-W26'));
    const w27 = await getEntryWeek(entry, '39', W('2025-W27')); // Monday 30/06/2025, Thursday 03/07/2025
    if (w26.status !== 'ok' || w27.status !== 'ok') throw new Error('not ok');
    expect(codesOf(w26.data)).toEqual(['39', '3901', '3902']);
    expect(codesOf(w27.data)).toEqual(['39', '39TT1', '39001', '39002', '39003']);
    const c26 = await getCompleteness(entry, '39', W('2025-W26'));
    const c27 = await getCompleteness(entry, '39', W('2025-W27'));
    if (c26.status !== 'ok' || c27.status !== 'ok') throw new Error('not ok');
    expect(c26.data.counts.expected).toBe(3);
    expect(c27.data.counts.expected).toBe(5);
  });

  it('gives the template of a week its units by GSO code', async () => {
    const csv = async (week: string) =>
      (await (await templateRoute.GET(get(`/api/v1/reports/template?province=39&week=${week}&format=csv`))).text())
        .trim()
        .split('\r\n')
        .slice(1)
        .map((l) => l.split(',')[0]);
    expect(await csv('2026-W10')).toEqual(['39', '39TT1', '39001', '39002', '39003']);
    expect(await csv('2024-W10')).toEqual(['39', '3901', '3902']);
  });
});

describe('refusals', () => {
  it('refuses a new report for a unit outside its validity, naming the unit, the week and the validity', async () => {
    const count = await reportCount();
    const out = await saveWeeklyReports(
      entry,
      '39',
      W('2026-W10'),
      [{ unitCode: '3901', version: 0, ...figures({ newCases: 3 }) }],
      { confirmWarnings: true },
    );
    expect(out).toMatchObject({ status: 'invalid', errors: [{ field: 'unitCode', code: 'outsideValidity' }] });

    const res = await put('3901', '2026-W10', { version: 0, newCases: 3 });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.fieldErrors.unitCode[0]).toBe(
      'Huyện Thử nghiệm 39-1 (3901) không còn hiệu lực trong tuần 2026-W10: đơn vị có hiệu lực đến 30/06/2025',
    );
    const en = await (await put('39001', '2024-W10', { version: 0, newCases: 3 }, auth(token, 'en'))).json();
    expect(en.fieldErrors.unitCode[0]).toBe(
      'Phường Một (39001) is not yet valid in week 2024-W10: the unit is valid from 01/07/2025',
    );
    const notYet = await (await put('39003', '2024-W10', { version: 0, newCases: 3 })).json();
    expect(notYet.fieldErrors.unitCode[0]).toBe(
      'Xã Ba (39003) chưa báo cáo trong tuần 2024-W10: đơn vị báo cáo từ 01/07/2025',
    );
    expect(await reportCount()).toBe(count);
  });

  it('refuses a figure the unit’s role does not report, and the province row’s cases with their own code', async () => {
    const count = await reportCount();
    const out = await saveWeeklyReports(
      entry,
      '39',
      W('2026-W10'),
      [
        { unitCode: '39001', version: 0, ...figures({ newCases: 3, freeCovidBeds: 4 }) },
        { unitCode: '39', version: 0, ...figures({ newCases: 1, freeCovidBeds: 4 }) },
        { unitCode: '39TT1', version: 0, ...figures({ oxygenAvg7d: 2 }) },
      ],
      { confirmWarnings: true },
    );
    expect(out.status === 'invalid' && out.errors.map((e) => `${e.ref}:${e.field}:${e.code}`)).toEqual([
      '0:freeCovidBeds:figureNotReported',
      '1:newCases:casesOnProvinceRow',
      '2:oxygenAvg7d:figureNotReported',
    ]);
    const body = await (await put('39001', '2026-W10', { version: 0, newCases: 3, staffedIcuBeds: 1 })).json();
    expect(body.fieldErrors.staffedIcuBeds[0]).toMatch(
      /^Phường Một \(39001\) không báo cáo .+ trong tuần 2026-W10: chỉ tiêu này do tuyến tỉnh và các trung tâm y tế khu vực báo cáo$/,
    );
    expect(await reportCount()).toBe(count);
  });
});

describe('codes read with the week', () => {
  it('resolves a GSO code to the unit that held it that week, in the API', async () => {
    const old = await put('65', '2024-W10', { version: 0, oxygenAvg7d: 2, freeCovidBeds: 5 }, auth(tokenOld65));
    expect(old.status).toBe(200);
    const stored = await db.prisma.weeklyReport.findFirstOrThrow({
      where: { isoYear: 2024, isoWeek: 10, unit: { gsoCode: '65' } },
      select: { unit: { select: { code: true } } },
    });
    expect(stored.unit.code).toBe('65~20250630');
    // the same code in 2026 is the new province: outside the old province's scope
    expect((await put('65', '2026-W10', { version: 0, freeCovidBeds: 5 }, auth(tokenOld65))).status).toBe(403);
    const read = await (
      await unitRoute.GET(
        get('/api/v1/reports/65~20250630/2024-W10', auth(tokenOld65)),
        params('65~20250630', '2024-W10'),
      )
    ).json();
    expect(read).toMatchObject({ ok: true, unitCode: '65', version: 1, formerUnit: false });
  });

  it('imports GSO codes with each row’s week, handles and codes that lost their leading zeros', async () => {
    const file = (rows: string[]) =>
      new TextEncoder().encode(
        ['unit_code,iso_week,new_cases,oxygen_avg_7d,free_covid_beds,staffed_icu_beds', ...rows].join('\r\n'),
      );
    const out = await importReports(
      entryOld65,
      '65~20250630',
      file(['65,2024-W11,,1.5,6,1', '6599,2024-W11,4,1,2,1', '65~20250630,2024-W12,,1,6,1']),
      { confirmWarnings: true },
    );
    expect(out).toMatchObject({ status: 'saved', created: 3 });
    // a row for a week the old province had ended in: refused, named
    const refused = await importReports(entryOld65, '65~20250630', file(['6599,2025-W30,4,1,2,1']), {
      confirmWarnings: true,
    });
    expect(refused).toMatchObject({
      status: 'invalid',
      issues: [{ row: 2, column: 'unit_code', code: 'outsideValidity', params: { code: '6599', week: '2025-W30' } }],
    });
  });

  it('exports each week’s units by the code they held then, and flags reports under former units', async () => {
    await saveWeeklyReports(
      entry,
      '39',
      W('2025-W26'),
      [{ unitCode: '3901', version: 0, ...figures({ newCases: 2 }) }],
      {
        confirmWarnings: true,
      },
    );
    await saveWeeklyReports(
      entry,
      '39',
      W('2025-W27'),
      [{ unitCode: '39001', version: 0, ...figures({ newCases: 2 }) }],
      {
        confirmWarnings: true,
      },
    );
    const text = await (
      await exportRoute.GET(get('/api/v1/reports/export?province=39&from=2025-W26&to=2025-W27&format=csv'))
    ).text();
    const [head, ...rows] = Papa.parse<string[]>(text.replace(/^\uFEFF/, '').trim()).data;
    const col = (name: string) => head!.indexOf(name);
    const units = rows.filter((r) => r[col('row_type')] !== 'province-total');
    expect(
      units.map((r) => [r[col('iso_week')], r[col('unit_code')], r[col('row_type')], r[col('former_unit')]]),
    ).toEqual([
      ['2025-W26', '3901', 'district', 'false'],
      ['2025-W27', '39001', 'commune', 'false'],
    ]);
    const list = await (await listRoute.GET(get('/api/v1/reports?province=39&from=2025-W26&to=2025-W27'))).json();
    expect(list.reports.map((r: { unitCode: string }) => r.unitCode)).toEqual(['3901', '39001']);
  });
});

describe('reports under former units', () => {
  const week = W('2026-W20');
  let reportId: number;

  beforeAll(async () => {
    // a district week stored after the district ended, as every installation holds (entered before the reform code)
    const district = await db.prisma.adminUnit.findUniqueOrThrow({ where: { code: '3902' }, select: { id: true } });
    reportId = (
      await db.prisma.weeklyReport.create({
        data: { unitId: district.id, isoYear: 2026, isoWeek: 20, newCases: 7, oxygenAvg7d: 1 },
      })
    ).id;
  });

  it('shows them apart, flagged, to everyone who reads the week, and in the unit’s history', async () => {
    const view = await getEntryWeek(entry, '39', week);
    if (view.status !== 'ok') throw new Error(view.status);
    expect(codesOf(view.data)).not.toContain('3902');
    expect(view.data.formerUnits).toMatchObject([
      { code: '3902', former: { validFrom: null, validTo: '2025-06-30' }, report: { version: 1 } },
    ]);
    expect(view.data.canEditFormer).toBe(false);
    const asAdmin = await getEntryWeek(admin, '39', week);
    expect(asAdmin.status === 'ok' && asAdmin.data.canEditFormer).toBe(true);
    const history = await getReportHistory(entry, '39', '3902', week);
    expect(history.status === 'ok' && history.data.former).toEqual({ validFrom: null, validTo: '2025-06-30' });
    // never counted: completeness expects the week's own units only
    const c = await getCompleteness(entry, '39', week);
    expect(c.status === 'ok' && c.data.units.map((u) => u.code)).toEqual(['39', '39TT1', '39001', '39002', '39003']);
  });

  it('lets an administrator alone edit them, through the same save, audited', async () => {
    const row = { unitCode: '3902', version: 1, ...figures({ newCases: 8, oxygenAvg7d: 1 }) };
    const input = { provinceCode: '39', isoWeek: '2026-W20', rows: [row], confirmWarnings: true };
    const refused = await saveWeeklyReports(entry, '39', week, [row], { confirmWarnings: true });
    expect(refused).toMatchObject({ status: 'invalid', errors: [{ code: 'formerUnitAdminOnly' }] });
    const api = await (await put('3902', '2026-W20', { version: 1, newCases: 8 })).json();
    expect(api.fieldErrors.unitCode[0]).toContain('chỉ quản trị viên được sửa');
    // the administrator writes no ordinary report, and the former units' save takes former units only
    expect(await runAction(saveWeek, admin, input)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await runAction(saveFormerUnitWeek, entry, input)).toMatchObject({ ok: false, code: 'forbidden' });
    const valid = { ...input, rows: [{ unitCode: '39001', version: 0, ...figures({ newCases: 1 }) }] };
    expect(await runAction(saveFormerUnitWeek, admin, valid)).toMatchObject({
      ok: false,
      code: 'invalid',
      cellErrors: [{ field: 'unitCode', code: 'notFormerUnit' }],
    });

    const saved = await runAction(saveFormerUnitWeek, admin, input);
    expect(saved).toMatchObject({ ok: true, data: { changed: 1, rows: [{ status: 'updated', version: 2 }] } });
    const stored = await db.prisma.weeklyReport.findUniqueOrThrow({ where: { id: reportId } });
    expect(stored).toMatchObject({ newCases: 8, version: 2, updatedById: admin.id });
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { targetType: 'WeeklyReport', targetId: String(reportId) },
      orderBy: { id: 'desc' },
    });
    const p39 = await db.prisma.adminUnit.findUniqueOrThrow({ where: { code: '39' }, select: { id: true } });
    expect(audit).toMatchObject({
      action: 'report.updated',
      actorId: admin.id,
      provinceCode: '39',
      provinceId: p39.id,
      before: expect.objectContaining({ unitCode: '3902', week: '2026-W20', version: 1, newCases: 7 }),
      after: expect.objectContaining({ unitCode: '3902', version: 2, newCases: 8, via: 'form' }),
    });
  });
});
