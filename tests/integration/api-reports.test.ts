import fs from 'node:fs';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as unitRoute from '@/app/api/v1/reports/[unitCode]/[isoWeek]/route';
import * as exportRoute from '@/app/api/v1/reports/export/route';
import * as importRoute from '@/app/api/v1/reports/import/route';
import * as listRoute from '@/app/api/v1/reports/route';
import * as templateRoute from '@/app/api/v1/reports/template/route';
import type { SessionUser } from '@/lib/roles';
import entryEn from '@/messages/entry.en.json';
import entryVi from '@/messages/entry.vi.json';
import { createApiToken } from '@/server/tokens/api-tokens';
import { getCurrentUser } from '@/server/auth/current-user';
import { seedIfEmpty } from '@/server/seed';
import { DEMO_EMAILS } from '@/server/seed/demo-accounts';
import { sessionUser } from '../fixtures/session-users';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

// The JSON API through its route handlers, as other systems call it: Bearer tokens or the session cookie, the same
// schema and permissions as the grid, one error shape, and no 500 for any input.

vi.mock('@/server/auth/current-user', () => ({ getCurrentUser: vi.fn(async () => null), requireUser: vi.fn() }));

const NOW = new Date('2026-11-23T03:00:00Z');
vi.stubEnv('SURGEWATCH_NOW', NOW.toISOString());
vi.stubEnv('DEMO', '1');
const BASE = 'http://surgewatch.test';

// The demo since the 2025 reform (src/server/seed/demo-units.ts): in Lai Châu's 2026 weeks its 38 communes report new
// cases and oxygen, its province row (12) and its 5 regional health centres (12-TTYTKV-0n) free beds and ICU beds; its 8
// districts (105..112) ended on 30/06/2025 and report nothing after. Xã Bình Lư (03390) has not reported 2026-W47.
const COMMUNE = '03394'; // Xã Sin Suối Hồ: reported every week of the demo
const NEW_COMMUNE = '03388'; // Phường Đoàn Kết, for a report created here
const WARNED_COMMUNE = '03405'; // Xã Tả Lèng
const IMPORTED_COMMUNES = ['03408', '03424'] as const; // Phường Tân Phong, Xã Bản Bo
const FACILITY = '12-TTYTKV-02'; // Trung tâm Y tế khu vực Phong Thổ
const ENDED_DISTRICT = '106'; // Huyện Tam Đường, valid until 30/06/2025
const AN_GIANG_COMMUNE = '30742'; // Phường Rạch Giá: another province's unit

let db: TestDatabase;
let entry: SessionUser;
let tokenLC: string;
let tokenLeaderLC: string;
let tokenKG: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedIfEmpty(db.prisma, { demo: true, now: NOW });
  useAsAppDatabase(db);
  entry = await sessionUser(db.prisma, DEMO_EMAILS.dataEntryLC);
  tokenLC = (await createApiToken(entry, { name: 'test', expiresInDays: null }))!.token;
  tokenLeaderLC = (await createApiToken(await sessionUser(db.prisma, DEMO_EMAILS.leaderLC), {
    name: 'test',
    expiresInDays: null,
  }))!.token;
  tokenKG = (await createApiToken(await sessionUser(db.prisma, DEMO_EMAILS.dataEntryKG), {
    name: 'test',
    expiresInDays: null,
  }))!.token;
});
afterAll(async () => db?.destroy());

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const get = (path: string, headers: Record<string, string> = auth(tokenLC)) => new Request(BASE + path, { headers });
const params = (unitCode: string, isoWeek: string) => ({ params: Promise.resolve({ unitCode, isoWeek }) });
const put = (unit: string, week: string, body: unknown, headers: Record<string, string> = auth(tokenLC), query = '') =>
  unitRoute.PUT(
    new Request(`${BASE}/api/v1/reports/${encodeURIComponent(unit)}/${encodeURIComponent(week)}${query}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
    params(unit, week),
  );
const refusals = () => db.prisma.auditLog.count({ where: { action: 'permission.denied' } });

describe('authentication', () => {
  it('answers 401 in the error shape without a token or session, or with a bad token', async () => {
    for (const headers of [{}, { authorization: 'Bearer sw_wrong' }, { authorization: 'Basic abc' }] as Record<
      string,
      string
    >[]) {
      const res = await listRoute.GET(get('/api/v1/reports?province=12', headers));
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
      expect(await res.json()).toEqual({ ok: false, message: expect.any(String), fieldErrors: {} });
    }
  });

  it('accepts the session cookie, but not for writes from another site', async () => {
    vi.mocked(getCurrentUser).mockResolvedValue(entry);
    try {
      expect((await listRoute.GET(get('/api/v1/reports?province=12', {}))).status).toBe(200);
      const res = await put(
        COMMUNE,
        '2026-W40',
        { version: 1 },
        { origin: 'https://evil.example', host: 'surgewatch.test' },
      );
      expect(res.status).toBe(403);
    } finally {
      vi.mocked(getCurrentUser).mockResolvedValue(null);
    }
  });
});

describe('GET /api/v1/reports', () => {
  it('lists the province’s reports in the range, with their versions', async () => {
    const res = await listRoute.GET(get('/api/v1/reports?province=12&from=2026-W46&to=2026-W47'));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ ok: true, province: { code: '12' }, from: '2026-W46', to: '2026-W47' });
    // W46: the province row, 5 centres and 38 communes; W47: Xã Bình Lư (03390) has not reported
    expect(body.reports).toHaveLength(44 + 43);
    const codes = (week: string) =>
      body.reports.filter((r: { isoWeek: string }) => r.isoWeek === week).map((r: { unitCode: string }) => r.unitCode);
    expect(codes('2026-W46')).toContain('03390');
    expect(codes('2026-W47')).not.toContain('03390');
    expect(codes('2026-W47')).toEqual(expect.arrayContaining(['12', FACILITY, COMMUNE]));
    expect(body.reports[0]).toMatchObject({ unitCode: '12', isoWeek: '2026-W46', newCases: null, version: 1 });
  });

  it('refuses another province with 403, and audits the refusal', async () => {
    const before = await refusals();
    const res = await listRoute.GET(get('/api/v1/reports?province=91'));
    expect(res.status).toBe(403);
    expect(await refusals()).toBe(before + 1);
  });

  it.each([
    ['?province=12&from=2026-47', 'from'],
    ['?province=12&from=2026-W47&to=2026-W10', 'from'], // reversed
    ['?province=12&from=2020-W01&to=2026-W47', 'from'], // more than 260 weeks
    ['?province=12&week=x', 'week'],
    ['?province=12&format=pdf', 'format'],
    ['?province=12&province=91', 'province'], // given twice: refused, not guessed
    ['?province=12&from=2026-W40&from=2026-W41', 'from'],
  ])('answers 400 with the field for %s', async (query, field) => {
    const res = await listRoute.GET(get(`/api/v1/reports${query}`));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.ok).toBe(false);
    expect(Object.keys(body.fieldErrors)).toContain(field);
  });
});

// Names of Object.prototype's members: as keys of a body or a query they once reached plain-object lookups (500s).
const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  'toLocaleString',
];

describe('keys named like Object.prototype members', () => {
  const reports = () => db.prisma.weeklyReport.count();
  const audits = () => db.prisma.auditLog.count({ where: { action: { not: 'permission.denied' } } });

  it.each(PROTOTYPE_KEYS)(
    'ignores %s as a query parameter on every reports route, like any unknown parameter',
    async (key) => {
      for (const value of ['1', '', 'x&x=1']) {
        const query = `?province=12&from=2026-W47&to=2026-W47&${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
        expect((await listRoute.GET(get(`/api/v1/reports${query}`))).status).toBe(200);
        expect((await exportRoute.GET(get(`/api/v1/reports/export${query}`))).status).toBe(200);
        expect((await templateRoute.GET(get(`/api/v1/reports/template${query}`))).status).toBe(200);
        expect(
          (await unitRoute.GET(get(`/api/v1/reports/${COMMUNE}/2026-W47${query}`), params(COMMUNE, '2026-W47'))).status,
        ).toBe(200);
        const before = [await reports(), await audits()];
        const imported = await importRoute.POST(
          new Request(`${BASE}/api/v1/reports/import${query}`, {
            method: 'POST',
            headers: { ...auth(tokenLC), 'content-type': 'text/csv' },
            body: 'unit_code;iso_week;new_cases\r\n',
          }),
        );
        expect(imported.status).toBe(400);
        const put_ = await put(COMMUNE, '2026-W47', { version: 1, newCases: -1 }, auth(tokenLC), query);
        expect(put_.status).toBe(400);
        expect(await put_.json()).toEqual({
          ok: false,
          message: expect.any(String),
          fieldErrors: { newCases: [expect.any(String)] },
        });
        expect([await reports(), await audits()]).toEqual(before);
      }
    },
  );

  it.each(PROTOTYPE_KEYS)('refuses %s as a key of the PUT body with 400 naming it, and writes nothing', async (key) => {
    const before = [await reports(), await audits()];
    for (const value of ['1', '{"a":1}', '[]', 'null', '"5,"']) {
      const res = await put(
        COMMUNE,
        '2026-W48',
        `{"version":0,"newCases":5,${JSON.stringify(key)}:${value}}`,
        auth(tokenLC),
        '?confirm=warnings',
      );
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body).toEqual({ ok: false, message: expect.any(String), fieldErrors: expect.any(Object) });
      expect(Object.keys(body.fieldErrors)).toEqual([key]);
      expect(Object.hasOwn(body.fieldErrors, key) && Array.isArray(body.fieldErrors[key])).toBe(true);
    }
    expect([await reports(), await audits()]).toEqual(before);
  });

  it.each([
    ['"5,"', 200],
    ['"+0"', 200],
    ['false', 400],
    ['"1e-2"', 400],
    ['"1 000"', 400],
    ['"$5"', 400],
    ['"1.000"', 200],
    ['"١٢"', 400],
    ['1e400', 400],
  ])('answers a figure of %s with %i, never 500', async (value, status) => {
    for (const field of ['newCases', 'oxygenAvg7d', 'freeCovidBeds', 'totalCovidBeds']) {
      // each figure to a unit that reports it: cases and oxygen to a commune, beds to a regional health centre
      const res = await put(
        field === 'newCases' || field === 'oxygenAvg7d' ? COMMUNE : FACILITY,
        '2026-W48',
        `{"version":0,${JSON.stringify(field)}:${value},"toString":${value}}`,
      );
      expect(res.status).toBe(400); // the extra key alone refuses it: every field is named
      expect(Object.keys((await res.json()).fieldErrors)).toContain('toString');
    }
    // free beds: a figure the regional health centre reports since the reform
    const res = await put(
      FACILITY,
      '2026-W48',
      `{"version":0,"freeCovidBeds":${value}}`,
      auth(tokenLC),
      '?confirm=warnings',
    );
    expect(res.status).toBe(status);
    if (status === 400) expect(Object.keys((await res.json()).fieldErrors)).toEqual(['freeCovidBeds']);
    else await db.prisma.weeklyReport.deleteMany({ where: { unit: { code: FACILITY }, isoYear: 2026, isoWeek: 48 } });
  });
});

describe('PUT /api/v1/reports/{unitCode}/{isoWeek}', () => {
  it('creates with version 0, reads back, and refuses a stale version with 409 and the stored figures', async () => {
    const created = await put(
      NEW_COMMUNE,
      '2026-W48',
      { version: 0, newCases: 300, oxygenAvg7d: '6,2' },
      auth(tokenLC),
      '?confirm=warnings',
    );
    expect(created.status).toBe(200);
    expect(await created.json()).toEqual({
      ok: true,
      status: 'created',
      unitCode: NEW_COMMUNE,
      isoWeek: '2026-W48',
      version: 1,
      levelChange: null,
    });
    const read = await (
      await unitRoute.GET(get(`/api/v1/reports/${NEW_COMMUNE}/2026-W48`), params(NEW_COMMUNE, '2026-W48'))
    ).json();
    expect(read).toMatchObject({
      ok: true,
      version: 1,
      report: { newCases: 300, oxygenAvg7d: 6.2, freeCovidBeds: null },
    });

    const stale = await put(NEW_COMMUNE, '2026-W48', { version: 0, newCases: 301 }, auth(tokenLC), '?confirm=warnings');
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body).toMatchObject({
      ok: false,
      fieldErrors: {},
      stored: { version: 1, figures: { newCases: 300, oxygenAvg7d: 6.2 } },
    });
    const same = await put(NEW_COMMUNE, '2026-W48', { version: 1, newCases: 300, oxygenAvg7d: 6.2 });
    expect(await same.json()).toMatchObject({ ok: true, status: 'unchanged', version: 1 });
  });

  it('asks for confirmation of warnings with 422, and saves with ?confirm=warnings', async () => {
    const warned = await put(WARNED_COMMUNE, '2026-W48', { version: 0, newCases: 5000 });
    expect(warned.status).toBe(422);
    const body = await warned.json();
    // the message formats numbers for the caller's language (Vietnamese by default); the figures themselves are fields
    expect(body.warnings[0]).toMatchObject({
      code: 'farFromHistory',
      field: 'newCases',
      value: 5000,
      message: expect.stringContaining('5.000'),
    });
    expect(
      (await put(WARNED_COMMUNE, '2026-W48', { version: 0, newCases: 5000 }, auth(tokenLC), '?confirm=warnings'))
        .status,
    ).toBe(200);
  });

  // cases to a commune, beds to a regional health centre: each unit is sent figures it reports
  it.each([
    ['malformed JSON', COMMUNE, '{"version": 0,', 400, {}],
    ['a JSON array', COMMUNE, '[1,2]', 400, { _: expect.any(Array) }],
    ['a wrong type', COMMUNE, { version: '1', newCases: 5 }, 400, { version: expect.any(Array) }],
    ['a fraction of cases', COMMUNE, { version: 0, newCases: 2.5 }, 400, { newCases: expect.any(Array) }],
    ['a negative figure', FACILITY, { version: 0, freeCovidBeds: -1 }, 400, { freeCovidBeds: expect.any(Array) }],
    ['an unknown field', COMMUNE, { version: 0, recovered: 1 }, 400, { recovered: expect.any(Array) }], // deaths: a field now
    [
      'free beds above the total',
      FACILITY,
      { version: 0, freeCovidBeds: 10, totalCovidBeds: 5 },
      400,
      { freeCovidBeds: expect.any(Array) },
    ],
  ])('answers %s with 400 and field errors', async (_name, unit, body, status, fieldErrors) => {
    const res = await put(unit, '2026-W48', body);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ ok: false, message: expect.any(String), fieldErrors });
  });

  it.each([
    ['cases on the province row', '12', '2026-W48', { version: 0, newCases: 1 }, 400, 'newCases'],
    ['a future week', COMMUNE, '2026-W49', { version: 0, newCases: 1 }, 400, 'isoWeek'],
    ['a bad week', COMMUNE, '2026-W99', { version: 0 }, 400, 'isoWeek'],
    ['an unknown unit', '999', '2026-W48', { version: 0 }, 404, 'unitCode'],
    [
      'a district no longer valid in the week',
      ENDED_DISTRICT,
      '2026-W48',
      { version: 0, newCases: 1 },
      400,
      'unitCode',
    ],
  ])('answers %s with an error on that field', async (_name, unit, week, body, status, field) => {
    const res = await put(unit, week, body);
    expect(res.status).toBe(status);
    expect(Object.keys((await res.json()).fieldErrors)).toEqual([field]);
  });

  it('refuses units of another province and users without reports.write with 403, audited', async () => {
    const before = await refusals();
    expect((await put(AN_GIANG_COMMUNE, '2026-W47', { version: 1 })).status).toBe(403);
    expect((await put(COMMUNE, '2026-W47', { version: 1 }, auth(tokenLeaderLC))).status).toBe(403);
    expect((await put(COMMUNE, '2026-W47', { version: 1 }, auth(tokenKG))).status).toBe(403);
    expect(await refusals()).toBe(before + 3);
  });

  it('answers 413 to a body over 64 KB', async () => {
    const res = await put(COMMUNE, '2026-W48', JSON.stringify({ version: 0, pad: 'x'.repeat(70_000) }));
    expect(res.status).toBe(413);
  });

  it('never answers 500, whatever the body and the path', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.json(),
          fc.string(),
          fc.record({ version: fc.anything(), newCases: fc.anything(), oxygenAvg7d: fc.anything() }),
        ),
        fc.oneof(fc.constant(COMMUNE), fc.string({ maxLength: 30 })),
        fc.oneof(fc.constant('2026-W40'), fc.string({ maxLength: 12 })),
        async (body, unit, week) => {
          const res = await put(unit, week, typeof body === 'string' ? body : (JSON.stringify(body) ?? 'null'));
          expect(res.status).toBeGreaterThanOrEqual(200);
          expect(res.status).toBeLessThan(500);
          const json = await res.json();
          if (!json.ok) expect(json).toMatchObject({ message: expect.any(String), fieldErrors: expect.any(Object) });
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});

describe('POST /api/v1/reports/import', () => {
  // two communes (cases and oxygen) and a regional health centre (beds), as the province reports since the reform
  const csv =
    'unit_code;iso_week;new_cases;oxygen_avg_7d;free_covid_beds;staffed_icu_beds\r\n' +
    `${IMPORTED_COMMUNES[0]};2026-W48;490;9,9;;\r\n` +
    `${IMPORTED_COMMUNES[1]};2026-W48;12,5;12,7;;\r\n` +
    '12-TTYTKV-03;2026-W48;;;11;2\r\n';
  const post = (
    body: BodyInit,
    query = '?province=12',
    headers: Record<string, string> = { ...auth(tokenLC), 'content-type': 'text/csv' },
  ) => importRoute.POST(new Request(`${BASE}/api/v1/reports/import${query}`, { method: 'POST', headers, body }));

  it('answers 400 with every bad row (row, column, value, message) and writes nothing', async () => {
    const res = await post(csv);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toMatchObject({
      ok: false,
      total: 1,
      rows: [{ row: 3, column: 'new_cases', value: '12,5', code: 'notWhole', message: expect.any(String) }],
    });
    expect(body.fieldErrors).toEqual({ '3:new_cases': [expect.any(String)] });
    expect(
      await db.prisma.weeklyReport.count({
        where: { unit: { code: { in: [...IMPORTED_COMMUNES, '12-TTYTKV-03'] } }, isoYear: 2026, isoWeek: 48 },
      }),
    ).toBe(0);
  });

  it('imports a corrected CSV body, and a file sent as a multipart form', async () => {
    const res = await post(csv.replace('12,5', '625'), '?province=12&confirm=warnings');
    expect(res.status).toBe(200);
    // W48 is not the latest complete week: no level change to tell (reports-level-change.test.ts)
    expect(await res.json()).toEqual({
      ok: true,
      status: 'saved',
      rows: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      levelChange: null,
    });
    const form = new FormData();
    form.set('file', new Blob([csv.replace('12,5', '625')], { type: 'text/csv' }), 'lai-chau.csv');
    const again = await post(form, '?province=12', auth(tokenLC));
    expect(await again.json()).toMatchObject({ ok: true, unchanged: 3 });
  });

  it('refuses another province with 403', async () => {
    expect((await post(csv, '?province=91')).status).toBe(403);
  });
});

describe('export and template', () => {
  it('exports CSV with rates and verdicts, the province total first in each week', async () => {
    const res = await exportRoute.GET(
      get('/api/v1/reports/export?province=91&from=2026-W47&to=2026-W47&format=csv', auth(tokenKG)),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('surgewatch-91-2026-W47-2026-W47.csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs to read UTF-8
    const [header, total, own] = new TextDecoder().decode(bytes).split('\r\n');
    expect(header).toBe(
      'iso_week,unit_code,unit_name,row_type,new_cases,oxygen_avg_7d,free_covid_beds,staffed_icu_beds,total_covid_beds,icu_beds,severe_cases,new_admissions,deaths,population,cases_per_100k,oxygen_per_100k,free_beds_per_100k,icu_beds_per_100k,severe_per_100k,admissions_per_100k,deaths_per_100k,deaths_per_1m,level,provisional,settled,reported_units,plan,former_unit',
    );
    // the demo's severity figures (issue 14) are summed into the total, with their rates; An Giang since the reform:
    // its approximate population (old Kiên Giang's and old An Giang's), 109 reporters (the province row, 6 regional
    // health centres, 102 communes), judged by its demo plan
    expect(total).toMatch(
      /^2026-W47,91,Tỉnh An Giang,province-total,\d+,[\d.]+,\d+,\d+,\d*,\d*,\d+,\d+,\d+,3631419,[\d.]+,[\d.]+,[\d.]+,[\d.]+,[\d.]+,[\d.]+,[\d.]+,[\d.]+,surge,false,true,109\/109,Kế hoạch đáp ứng của An Giang \(dữ liệu minh họa[^,]*,$/,
    );
    expect(own).toMatch(/^2026-W47,91,Tỉnh An Giang,province-facilities,,.*,false$/);
  });

  it('exports .xlsx that reads back with typed numbers', async () => {
    const res = await exportRoute.GET(get('/api/v1/reports/export?province=12&from=2026-W46&to=2026-W47&format=xlsx'));
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(23).value).toBe('level');
    const total = sheet.getRow(2);
    expect(total.getCell(4).value).toBe('province-total');
    expect(typeof total.getCell(5).value).toBe('number');
    expect(sheet.rowCount).toBe(1 + 2 + 44 + 43); // two province totals, then 44 and 43 reports (see the list above)
  });

  it('gives a template with one row per unit expected in the week: communes and centres since the reform', async () => {
    const template = async (week: string) => {
      const res = await templateRoute.GET(get(`/api/v1/reports/template?province=12&week=${week}&format=csv`));
      return (await res.text()).trim().split('\r\n');
    };
    const lines = await template('2026-W48');
    expect(lines[0]).toBe(
      'unit_code,unit_name,iso_week,new_cases,oxygen_avg_7d,free_covid_beds,staffed_icu_beds,total_covid_beds,icu_beds,severe_cases,new_admissions,deaths',
    );
    // Lai Châu's communes of 01/07/2025, as the official catalogue lists them
    const communes = fs
      .readFileSync('prisma/data/admin-units/units-2025-07-01.csv', 'utf8')
      .split('\n')
      .map((l) => l.split(','))
      .filter((f) => f[0] === 'commune' && f[4]?.trim() === '12')
      .map((f) => f[1]);
    expect(communes).toHaveLength(38);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([
      '12',
      '12-TTYTKV-01',
      '12-TTYTKV-02',
      '12-TTYTKV-03',
      '12-TTYTKV-04',
      '12-TTYTKV-05',
      ...communes,
    ]);
    // a week before the reform: the province row and the 8 districts of then
    expect((await template('2024-W48')).slice(1).map((l) => l.split(',')[0])).toEqual([
      '12',
      '105',
      '106',
      '107',
      '108',
      '109',
      '110',
      '111',
      '112',
    ]);
  });
});

describe('severity figures (issue 14) through the API, the import and the export', () => {
  // each test writes its own week before the demo's 52 weeks (no history to warn about), so any one runs alone; the
  // weeks are after the reform: cases from communes, beds from the province row
  const read = async (unit: string, week: string) =>
    (await (await unitRoute.GET(get(`/api/v1/reports/${unit}/${week}`), params(unit, week))).json()).report;
  const confirmed = (unit: string, week: string, body: unknown) =>
    put(unit, week, body, auth(tokenLC), '?confirm=warnings');

  it('PUT stores them, GET reads them back; absent keeps them, null clears them, 0 stays 0', async () => {
    const created = await confirmed(COMMUNE, '2025-W40', {
      version: 0,
      newCases: 120,
      severeCases: 4,
      newAdmissions: 13,
      deaths: 0,
    });
    expect(created.status).toBe(200);
    expect(await read(COMMUNE, '2025-W40')).toMatchObject({
      newCases: 120,
      severeCases: 4,
      newAdmissions: 13,
      deaths: 0,
    });

    // a system written before issue 14 sends the six figures only: the severity figures entered meanwhile stay
    const older = await confirmed(COMMUNE, '2025-W40', { version: 1, newCases: 121 });
    expect(await older.json()).toMatchObject({ ok: true, status: 'updated', version: 2 });
    expect(await read(COMMUNE, '2025-W40')).toMatchObject({ newCases: 121, severeCases: 4, deaths: 0 });

    // the week was reported and a stored figure is cleared: both are asked about first
    const cleared = await confirmed(COMMUNE, '2025-W40', { version: 2, newCases: 121, severeCases: null });
    expect(await cleared.json()).toMatchObject({ ok: true, status: 'updated', version: 3 });
    expect(await read(COMMUNE, '2025-W40')).toMatchObject({ severeCases: null, newAdmissions: 13, deaths: 0 });

    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { targetType: 'WeeklyReport', action: 'report.updated', after: { path: ['version'], equals: 3 } },
      orderBy: { id: 'desc' },
    });
    expect(audit.before).toMatchObject({ severeCases: 4, version: 2 });
    expect(audit.after).toMatchObject({ severeCases: null, newAdmissions: 13, deaths: 0, via: 'api' });
  });

  it('answers 422 naming the figures a null would clear, even on a row of severity figures alone', async () => {
    // the provincial hospitals' row: severity figures only (it never reports new cases)
    expect((await confirmed('12', '2025-W41', { version: 0, severeCases: 8, deaths: 2 })).status).toBe(200);
    const res = await put('12', '2025-W41', { version: 1, severeCases: 8, deaths: null });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.warnings).toEqual([
      expect.objectContaining({ code: 'alreadyReported', unitCode: '12', week: '2025-W41' }),
      {
        ref: 0,
        code: 'clearsFigures',
        unitCode: '12',
        week: '2025-W41',
        fields: ['deaths'],
        message: `lưu sẽ xóa 1 số liệu đã lưu, đưa về “chưa báo cáo”: ${entryVi.fields.deaths}.`,
      },
    ]);
    expect(await read('12', '2025-W41')).toMatchObject({ severeCases: 8, deaths: 2 });
    // in the caller's language
    const en = await put(
      '12',
      '2025-W41',
      { version: 1, severeCases: null, deaths: null },
      { ...auth(tokenLC), 'accept-language': 'en' },
    );
    expect((await en.json()).warnings[1].message).toBe(
      `saving clears 2 saved figures to “not reported”: ${entryEn.fields.severeCases}, ${entryEn.fields.deaths}.`,
    );
    // a body leaving deaths out keeps it: nothing is cleared
    const kept = await put('12', '2025-W41', { version: 1, severeCases: 9 });
    expect((await kept.json()).warnings.map((w: { code: string }) => w.code)).toEqual(['alreadyReported']);
  });

  it('refuses a fractional or negative severity figure with 400, in the caller’s language, writing nothing', async () => {
    const res = await put(NEW_COMMUNE, '2025-W40', { version: 0, newCases: 5, newAdmissions: 1.5, deaths: -2 });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Object.keys(body.fieldErrors).sort()).toEqual(['deaths', 'newAdmissions']);
    expect(await read(NEW_COMMUNE, '2025-W40')).toBeNull();
  });

  it('lists them in GET /api/v1/reports', async () => {
    await confirmed(NEW_COMMUNE, '2025-W42', { version: 0, newCases: 50, newAdmissions: 13, deaths: 0 });
    const body = await (await listRoute.GET(get('/api/v1/reports?province=12&from=2025-W42&to=2025-W42'))).json();
    expect(body.reports).toEqual([
      expect.objectContaining({ unitCode: NEW_COMMUNE, severeCases: null, newAdmissions: 13, deaths: 0 }),
    ]);
  });

  it('imports a file with the severity columns, and exports them again with their rates', async () => {
    const csv =
      'unit_code,iso_week,new_cases,oxygen_avg_7d,free_covid_beds,staffed_icu_beds,severe_cases,new_admissions,deaths\r\n' +
      '12,2025-W43,,,50,10,8,5,2\r\n' +
      `${NEW_COMMUNE},2025-W43,200,5,,,6,,0\r\n` +
      `${COMMUNE},2025-W43,121,,,,,13,0\r\n`;
    const imported = await importRoute.POST(
      new Request(`${BASE}/api/v1/reports/import?province=12&confirm=warnings`, {
        method: 'POST',
        headers: { ...auth(tokenLC), 'content-type': 'text/csv' },
        body: csv,
      }),
    );
    expect(await imported.json()).toMatchObject({ ok: true, created: 3 });

    const res = await exportRoute.GET(get('/api/v1/reports/export?province=12&from=2025-W43&to=2025-W43&format=csv'));
    const [header, ...lines] = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const columns = header!.split(',');
    const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [columns[i], v])));
    const byUnit = new Map(rows.map((r) => [r.unit_code, r]));
    // the province total: its own row (8 severe) + a commune (6) + another (not reported); admissions 5 + 13; deaths
    // 2 + 0 + 0
    const total = rows.find((r) => r.row_type === 'province-total')!;
    expect(total).toMatchObject({ severe_cases: '14', new_admissions: '18', deaths: '2' });
    const population = Number(total.population);
    expect(Number(total.deaths_per_1m)).toBeCloseTo((2 * 1_000_000) / population, 2);
    expect(Number(total.severe_per_100k)).toBeCloseTo((14 * 100_000) / population, 2);
    expect(byUnit.get('12')).toMatchObject({ row_type: 'province-facilities', severe_cases: '8', severe_per_100k: '' });
    expect(byUnit.get(NEW_COMMUNE)).toMatchObject({
      severe_cases: '6',
      new_admissions: '',
      deaths: '0',
      deaths_per_100k: '0',
    });
    expect(byUnit.get(COMMUNE)).toMatchObject({ severe_cases: '', new_admissions: '13', deaths: '0' });
  });
});
