import ExcelJS from 'exceljs';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WeekNav } from '@/app/(app)/provinces/[code]/entry/week-nav';
import * as unitRoute from '@/app/api/v1/reports/[unitCode]/[isoWeek]/route';
import * as exportRoute from '@/app/api/v1/reports/export/route';
import * as importRoute from '@/app/api/v1/reports/import/route';
import * as listRoute from '@/app/api/v1/reports/route';
import * as templateRoute from '@/app/api/v1/reports/template/route';
import { formatIsoWeek, parseIsoWeek, weekRange, type IsoWeek } from '@/lib/epi-week';
import type { SessionUser } from '@/lib/roles';
import { getActivationProposal } from '@/server/activation/proposal-view';
import { todayInVietnam } from '@/server/activation/task-rows';
import { runAction } from '@/server/boundary/action';
import { cachedCurrentWeek, cachedLastCompleteWeek, parseDashboardFilters } from '@/server/dashboard/filters';
import { getDistrictReports, getDistrictTrends, openDistrict } from '@/server/dashboard/district';
import { getNationalOverview } from '@/server/dashboard/national';
import {
  getProvinceCards,
  getProvinceHeatmap,
  getProvinceTrends,
  getSurgeStatus,
  openProvince,
  type ProvinceContext,
} from '@/server/dashboard/province';
import { now } from '@/server/env';
import { dueAt, getCompleteness } from '@/server/reports/completeness';
import { importReports } from '@/server/reports/import/import';
import { savePlanVersionAs } from '@/server/plans/save';
import { setPopulationAs } from '@/server/populations/save';
import { getEntryWeek } from '@/server/reports/queries';
import { saveWeek } from '@/server/reports/save';
import { createApiToken } from '@/server/tokens/api-tokens';
import {
  calmFigures,
  demoReports,
  province,
  reports,
  surgeFigures,
  user,
  type FactoryProvince,
  type Figures,
} from '../factories';
import { makeXlsx } from '../fixtures/xlsx';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

// Issue 14, item 4: 2026 has 53 ISO weeks (2026-W53 = Monday 28/12/2026 to Sunday 3/1/2027) and a server's clock will
// be in it. Entry, import, the API, the dashboards' ranges and the deadlines, each with the clock (SURGEWATCH_NOW, read
// by now() at every call) in W53 or on Monday 4/1/2027, through the same actions, route handlers and reads the pages
// use. The week arithmetic itself is tested in src/lib/epi-week.test.ts.

// Next's request storage, which the entry page's navigation reads its language from (the default, Vietnamese, here)
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined }),
  headers: async () => new Headers(),
}));

const CLOCK = {
  /** Monday 28/12/2026 10:00 in Vietnam: the first day of W53 (W52's reports are due at its end) */
  w53Monday: '2026-12-28T03:00:00Z',
  /** Wednesday 30/12/2026 10:00 */
  w53: '2026-12-30T03:00:00Z',
  /** Friday 1/1/2027 08:00: a new calendar year, still W53 */
  newYear: '2027-01-01T01:00:00Z',
  /** Sunday 3/1/2027 23:59:59, the last second of W53 */
  w53End: '2027-01-03T16:59:59Z',
  /** Monday 4/1/2027 00:00, the first instant of 2027-W01 */
  w01Start: '2027-01-03T17:00:00Z',
  /** Monday 4/1/2027 10:00: W53 is now the last complete week */
  monday4: '2027-01-04T03:00:00Z',
  /** Tuesday 5/1/2027 01:00: W53's reports are late */
  tuesday5: '2027-01-04T18:00:00Z',
  /** Monday 18/1/2027 10:00 (2027-W03): 2027-W02 is the last complete week */
  w03: '2027-01-18T03:00:00Z',
} as const;

const BASE = 'http://surgewatch.test';
const W = (text: string) => parseIsoWeek(text) as IsoWeek;
const W52 = W('2026-W52');
const W53 = W('2026-W53');
const W01 = W('2027-W01');
const W02 = W('2027-W02');

const savedClock = process.env.SURGEWATCH_NOW;
const savedDemo = process.env.DEMO;
process.env.DEMO = '1'; // env() wants an auth secret outside demo mode, even with DATABASE_URL set
function clock(instant: string): void {
  process.env.SURGEWATCH_NOW = instant;
}
afterEach(() => {
  if (savedClock === undefined) delete process.env.SURGEWATCH_NOW;
  else process.env.SURGEWATCH_NOW = savedClock;
});

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  useAsAppDatabase(db);
});
afterAll(async () => {
  if (savedDemo === undefined) delete process.env.DEMO;
  else process.env.DEMO = savedDemo;
  await db?.destroy();
});

/** A grid row: the province's own row never carries new cases (its facilities report beds and oxygen only). */
function row(p: FactoryProvince, unitCode: string, f: Figures, version = 0) {
  return { unitCode, version, ...f, ...(unitCode === p.code ? { newCases: null } : {}) };
}

const weekOf = (r: { isoYear: number; isoWeek: number }) => formatIsoWeek(r);
const storedWeeks = async (p: FactoryProvince) =>
  (
    await db.prisma.weeklyReport.findMany({
      where: { unit: { provinceCode: p.code } },
      select: { isoYear: true, isoWeek: true },
      orderBy: [{ isoYear: 'asc' }, { isoWeek: 'asc' }],
    })
  ).map(weekOf);

async function bearer(u: SessionUser): Promise<Record<string, string>> {
  const created = await createApiToken(u, { name: 'week 53', expiresInDays: null });
  return { authorization: `Bearer ${created!.token}` };
}

const get = (path: string, headers: Record<string, string>) => new Request(BASE + path, { headers });
const params = (unitCode: string, isoWeek: string) => ({ params: Promise.resolve({ unitCode, isoWeek }) });

function put(unit: string, week: string, body: unknown, headers: Record<string, string>) {
  return unitRoute.PUT(
    new Request(`${BASE}/api/v1/reports/${unit}/${week}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }),
    params(unit, week),
  );
}

/** One CSV line's fields: quoted ones ("Kế hoạch …, tỉnh …") keep their commas and doubled quotes. */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') field += line[++i];
    else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  return [...out, field];
}

/** A CSV body's lines as records keyed by the header (the columns may grow: tests name them, not their position). */
async function csvRecords(res: Response): Promise<Record<string, string>[]> {
  const [header, ...lines] = (await res.text())
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);
  const names = csvFields(header!);
  return lines.map((l) => {
    const values = csvFields(l);
    expect(values, l).toHaveLength(names.length);
    return Object.fromEntries(values.map((v, i) => [names[i], v]));
  });
}

describe('entry: the grid’s save with the clock in W53', () => {
  let p: FactoryProvince;
  let entry: SessionUser;
  beforeAll(async () => {
    p = await province(db.prisma);
    entry = await user(db.prisma, 'PROVINCIAL_DATA_ENTRY', { province: p });
  });
  const save = (isoWeek: string, rows: ReturnType<typeof row>[]) =>
    runAction(saveWeek, entry, { provinceCode: p.code, isoWeek, rows, confirmWarnings: true });

  it('accepts 2026-W53 on Friday 1/1/2027, stored as ISO year 2026, with its audit row', async () => {
    clock(CLOCK.newYear);
    const d = p.districts[0]!;
    const out = await save('2026-W53', [row(p, d.code, calmFigures(d.population))]);
    expect(out).toMatchObject({ ok: true, data: { changed: 1, rows: [{ week: '2026-W53', status: 'created' }] } });
    const stored = await db.prisma.weeklyReport.findFirstOrThrow({ where: { unitId: d.id } });
    expect(stored).toMatchObject({ isoYear: 2026, isoWeek: 53, version: 1, createdAt: new Date(CLOCK.newYear) });
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { targetType: 'WeeklyReport', targetId: String(stored.id) },
    });
    expect(audit).toMatchObject({ action: 'report.created', at: new Date(CLOCK.newYear) });
    expect(audit.after).toMatchObject({ unitCode: d.code, week: '2026-W53', version: 1 });
  });

  it('refuses 2027-W01 as a future week until Monday 4/1/2027, and changes nothing', async () => {
    const d = p.districts[1]!;
    const before = { reports: await db.prisma.weeklyReport.count(), audits: await db.prisma.auditLog.count() };
    for (const instant of [CLOCK.newYear, CLOCK.w53End]) {
      clock(instant);
      const out = await save('2027-W01', [row(p, d.code, calmFigures(d.population))]);
      expect(out).toMatchObject({
        ok: false,
        code: 'invalid',
        cellErrors: [{ ref: 0, field: 'isoWeek', code: 'futureWeek' }],
      });
    }
    expect({ reports: await db.prisma.weeklyReport.count(), audits: await db.prisma.auditLog.count() }).toEqual(before);
    clock(CLOCK.w01Start);
    expect(await save('2027-W01', [row(p, d.code, calmFigures(d.population))])).toMatchObject({ ok: true });
  });

  it('refuses 2025-W53, a week that does not exist (2025 has 52), and stores nothing', async () => {
    clock(CLOCK.w53);
    const d = p.districts[2]!;
    const before = await db.prisma.weeklyReport.count();
    const out = await save('2025-W53', [row(p, d.code, calmFigures(d.population))]);
    expect(out).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { isoWeek: ['badWeek'] } });
    expect(await db.prisma.weeklyReport.count()).toBe(before);
  });

  it('keeps W53 editable after the new year, and shows its figures as the previous week of 2027-W01', async () => {
    clock(CLOCK.monday4);
    const d = p.districts[0]!;
    const figures = { ...calmFigures(d.population), newCases: 7 };
    const out = await save('2026-W53', [row(p, d.code, figures, 1)]);
    expect(out).toMatchObject({ ok: true, data: { rows: [{ week: '2026-W53', status: 'updated', version: 2 }] } });

    const view = await getEntryWeek(entry, p.code, W01);
    if (view.status !== 'ok') throw new Error(view.status);
    expect(formatIsoWeek(view.data.currentWeek)).toBe('2027-W01');
    expect(view.data.units.find((u) => u.code === d.code)?.previous).toMatchObject({ newCases: 7 });
    // the grid of W53 itself: its rows, and the week before it is W52 (nothing stored there)
    const w53 = await getEntryWeek(entry, p.code, W53);
    if (w53.status !== 'ok') throw new Error(w53.status);
    expect(w53.data.units.find((u) => u.code === d.code)?.report).toMatchObject({ version: 2 });
    expect(w53.data.units.every((u) => u.previous === null)).toBe(true);
  });
  // The page's navigation, rendered as the entry page renders it (latest: the current week of getEntryWeek's view)
  it('links W52 → W53 → 2027-W01 in the week navigation, the next week only once it has begun', async () => {
    const nav = async (week: IsoWeek) => {
      const view = await getEntryWeek(entry, p.code, week);
      if (view.status !== 'ok') throw new Error(view.status);
      const html = renderToStaticMarkup(await WeekNav({ basePath: '/e', week, latest: view.data.currentWeek }));
      return { links: [...html.matchAll(/href="\/e\?week=([^"]+)"/g)].map((m) => m[1]), html };
    };
    clock(CLOCK.w53);
    expect((await nav(W52)).links).toEqual(['2026-W51', '2026-W53']);
    const w53 = await nav(W53);
    expect(w53.links).toEqual(['2026-W52']); // 2027-W01 has not begun
    expect(w53.html).toContain('max="2026-W53"');
    expect(w53.html).toMatch(/2026-W53.*28\/12\/2026.*03\/01\/2027/);
    clock(CLOCK.w01Start);
    expect((await nav(W53)).links).toEqual(['2026-W52', '2027-W01']);
    expect((await nav(W01)).links).toEqual(['2026-W53']);
  });
});

describe('import: files naming 2026-W53', () => {
  let p: FactoryProvince;
  let entry: SessionUser;
  let auth: Record<string, string>;
  beforeAll(async () => {
    p = await province(db.prisma);
    entry = await user(db.prisma, 'PROVINCIAL_DATA_ENTRY', { province: p });
    auth = await bearer(entry);
  });
  const HEADER = 'unit_code,iso_week,new_cases,oxygen_avg_7d,free_covid_beds,staffed_icu_beds';
  const csvLine = (unit: string, week: string, f: Figures) =>
    [unit, week, f.newCases ?? '', f.oxygenAvg7d ?? '', f.freeCovidBeds ?? '', f.staffedIcuBeds ?? ''].join(',');
  const post = (body: BodyInit, contentType: string) =>
    importRoute.POST(
      new Request(`${BASE}/api/v1/reports/import?province=${p.code}&confirm=warnings`, {
        method: 'POST',
        headers: { ...auth, 'content-type': contentType },
        body,
      }),
    );

  it('imports a CSV with W52 and W53 rows through the API', async () => {
    clock(CLOCK.w53);
    const lines = [HEADER];
    for (const week of ['2026-W52', '2026-W53'])
      for (const d of p.districts) lines.push(csvLine(d.code, week, calmFigures(d.population)));
    const res = await post(lines.join('\r\n'), 'text/csv');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, rows: 6, created: 6 });
    expect(await storedWeeks(p)).toEqual(['2026-W52', '2026-W52', '2026-W52', '2026-W53', '2026-W53', '2026-W53']);
  });

  it('updates W53 from an .xlsx file', async () => {
    clock(CLOCK.newYear);
    const d = p.districts[0]!;
    const bytes = await makeXlsx([HEADER.split(','), [d.code, '2026-W53', 9, 1.5, 40, 10]]);
    const out = await importReports(entry, p.code, bytes, { confirmWarnings: true });
    expect(out).toMatchObject({ status: 'saved', rows: 1, updated: 1 });
    expect(
      await db.prisma.weeklyReport.findFirst({ where: { unitId: d.id, isoYear: 2026, isoWeek: 53 } }),
    ).toMatchObject({ newCases: 9, version: 2 });
  });

  it('refuses "2025-W53" (no such week) and 2027-W01 (future in W53), each with its code, saving nothing', async () => {
    clock(CLOCK.w53);
    const [a, b, c] = p.districts;
    const before = { reports: await db.prisma.weeklyReport.count(), audits: await db.prisma.auditLog.count() };
    const file = [
      HEADER,
      csvLine(a!.code, '2026-W53', { newCases: 11 }),
      csvLine(b!.code, '2025-W53', { newCases: 1 }),
      csvLine(c!.code, '2027-W01', { newCases: 1 }),
    ].join('\r\n');
    const res = await post(file, 'text/csv');
    expect(res.status).toBe(400);
    expect((await res.json()).rows).toEqual([
      { row: 3, column: 'iso_week', value: '2025-W53', code: 'badWeek', message: expect.any(String) },
      { row: 4, column: 'iso_week', value: '2027-W01', code: 'futureWeek', message: expect.any(String) },
    ]);
    const xlsx = await makeXlsx([HEADER.split(','), [b!.code, '2025-W53', 1, 1, 1, 1]]);
    expect(await importReports(entry, p.code, xlsx, { confirmWarnings: true })).toMatchObject({
      status: 'invalid',
      issues: [{ row: 2, column: 'iso_week', value: '2025-W53', code: 'badWeek' }],
    });
    expect({ reports: await db.prisma.weeklyReport.count(), audits: await db.prisma.auditLog.count() }).toEqual(before);
  });
});

describe('the API: one report of 2026-W53', () => {
  let p: FactoryProvince;
  let auth: Record<string, string>;
  beforeAll(async () => {
    p = await province(db.prisma);
    auth = await bearer(await user(db.prisma, 'PROVINCIAL_DATA_ENTRY', { province: p }));
  });

  it('PUTs and GETs 2026-W53 during W53', async () => {
    clock(CLOCK.w53);
    const d = p.districts[1]!;
    const res = await put(d.code, '2026-W53', { version: 0, ...calmFigures(d.population) }, auth);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, status: 'created', isoWeek: '2026-W53', version: 1 });
    const read = await unitRoute.GET(get(`/api/v1/reports/${d.code}/2026-W53`, auth), params(d.code, '2026-W53'));
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({
      ok: true,
      isoWeek: '2026-W53',
      version: 1,
      report: { newCases: calmFigures(d.population).newCases },
    });
  });

  it('answers 400 on the week for 2027-W01 (future until Monday 4/1/2027) and 2025-W53', async () => {
    clock(CLOCK.w53End);
    const d = p.districts[2]!;
    const before = await db.prisma.weeklyReport.count();
    for (const week of ['2027-W01', '2025-W53']) {
      const res = await put(d.code, week, { version: 0, newCases: 3 }, auth);
      expect(res.status, week).toBe(400);
      expect(Object.keys((await res.json()).fieldErrors), week).toEqual(['isoWeek']);
    }
    const missing = await unitRoute.GET(get(`/api/v1/reports/${d.code}/2025-W53`, auth), params(d.code, '2025-W53'));
    expect(missing.status).toBe(400);
    expect(await db.prisma.weeklyReport.count()).toBe(before);
    clock(CLOCK.w01Start);
    expect((await put(d.code, '2027-W01', { version: 0, newCases: 3 }, auth)).status).toBe(200);
  });

  it('defaults the list and the template to W52 during W53, and to W53 from Monday 4/1/2027', async () => {
    for (const [instant, week] of [
      [CLOCK.w53End, '2026-W52'],
      [CLOCK.w01Start, '2026-W53'],
      [CLOCK.monday4, '2026-W53'],
    ] as const) {
      clock(instant);
      const list = await (await listRoute.GET(get(`/api/v1/reports?province=${p.code}`, auth))).json();
      expect({ from: list.from, to: list.to }, instant).toEqual({ from: week, to: week });
      const template = await csvRecords(
        await templateRoute.GET(get(`/api/v1/reports/template?province=${p.code}`, auth)),
      );
      expect(new Set(template.map((r) => r.iso_week)), instant).toEqual(new Set([week]));
    }
  });
});

// One province with 12 weeks of reports, 2026-W44 to 2027-W02, every district at 10 × (k + 1) new cases per 100,000
// in the k-th week (k = 0 for W44): the value of a week says where it came from, so a week read twice, dropped or out
// of order shows. W53 is the 10th week: 100 per 100,000.
describe('the dashboards’ ranges across W53', () => {
  const WEEKS = weekRange(W02, 12);
  const rateOf = (week: string) => 10 * (WEEKS.map(formatIsoWeek).indexOf(week) + 1);
  let p: FactoryProvince;
  let ctx: ProvinceContext;
  let national: SessionUser;
  let auth: Record<string, string>;

  beforeAll(async () => {
    p = await province(db.prisma);
    for (const [k, week] of WEEKS.entries())
      await reports(db.prisma, p, week, {
        [p.code]: { ...calmFigures(p.population), newCases: null },
        ...Object.fromEntries(
          p.districts.map((d) => [
            d.code,
            { ...calmFigures(d.population), newCases: ((k + 1) * d.population) / 10_000 },
          ]),
        ),
      });
    national = await user(db.prisma, 'NATIONAL_LEADER');
    const opened = await openProvince(national, p.code);
    if (opened.status !== 'ok') throw new Error(opened.status);
    ctx = opened.data;
    auth = await bearer(await user(db.prisma, 'PROVINCIAL_LEADER', { province: p }));
  });

  it('gives the province’s trends over 8 and 12 weeks ending at 2027-W02 in order, with W53 once', async () => {
    clock(CLOCK.w03);
    expect(WEEKS.map(formatIsoWeek).slice(-4)).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    for (const range of [8, 12]) {
      const series = await getProvinceTrends(ctx, W02, range);
      expect(series.map((w) => w.week)).toEqual(WEEKS.slice(-range).map(formatIsoWeek));
      expect(series.filter((w) => w.week === '2026-W53')).toHaveLength(1);
      for (const w of series) {
        expect(w.counts.newCases, w.week).toBe((rateOf(w.week) * p.population) / 100_000);
        expect(w.reported, w.week).toBe(4);
      }
    }
  });

  it('compares W53 with W52 and 2027-W01 with W53 on the cards', async () => {
    clock(CLOCK.w03);
    const atW01 = await getProvinceCards(ctx, W01);
    expect([atW01.previous.week, atW01.current.week]).toEqual(['2026-W53', '2027-W01']);
    expect(atW01.previous.counts.newCases).toBe((100 * p.population) / 100_000);
    const atW53 = await getProvinceCards(ctx, W53);
    expect([atW53.previous.week, atW53.current.week]).toEqual(['2026-W52', '2026-W53']);
  });

  it('gives the heatmap one column per week, W53 once, each district’s cell from its own week', async () => {
    clock(CLOCK.w03);
    const heat = await getProvinceHeatmap(ctx, W02);
    expect(heat.weeks).toEqual(WEEKS.map(formatIsoWeek));
    expect(heat.rows.map((r) => r.code).sort()).toEqual(p.districts.map((d) => d.code).sort());
    for (const r of heat.rows)
      expect(r.cells.map((c) => [c.week, c.casesRate])).toEqual(heat.weeks.map((w) => [w, rateOf(w)]));
  });

  it('gives a district’s trends and its reports (newest first) across W53, each week once', async () => {
    clock(CLOCK.w03);
    const d = p.districts[2]!;
    const opened = await openDistrict(national, p.code, d.code);
    if (opened.status !== 'ok') throw new Error(opened.status);
    const trends = await getDistrictTrends(opened.data, W02, 8);
    expect(trends.map((w) => w.week)).toEqual(WEEKS.slice(-8).map(formatIsoWeek));
    expect(trends.map((w) => w.criteria?.find((c) => c.key === 'cases')?.rate)).toEqual(
      trends.map((w) => rateOf(w.week)),
    );
    const rows = await getDistrictReports(opened.data, W02, 4);
    expect(rows.map((r) => [r.week, r.newCases])).toEqual(
      ['2027-W02', '2027-W01', '2026-W53', '2026-W52'].map((w) => [w, (rateOf(w) * d.population) / 100_000]),
    );
  });

  it('gives the national rows a 12-week sparkline ending at 2027-W02 with W53 once', async () => {
    clock(CLOCK.w03);
    const overview = await getNationalOverview(national, W02);
    if (overview.status !== 'ok') throw new Error(overview.status);
    expect(overview.data.weeks).toEqual(WEEKS.map(formatIsoWeek));
    const mine = overview.data.rows.find((r) => r.code === p.code)!;
    expect(mine.spark).toEqual(WEEKS.map((w) => rateOf(formatIsoWeek(w))));
    expect(mine.casesRate).toBe(rateOf('2027-W02'));
    // a week before W53 and one after: the same rows, their sparklines shifted
    const atW53 = await getNationalOverview(national, W53);
    if (atW53.status !== 'ok') throw new Error(atW53.status);
    expect(atW53.data.weeks.at(-1)).toBe('2026-W53');
    expect(atW53.data.rows.find((r) => r.code === p.code)!.spark.at(-1)).toBe(100);
  });

  it('lists and exports the reports of W52..2027-W02 in order, each week once', async () => {
    clock(CLOCK.w03);
    const range = `province=${p.code}&from=2026-W52&to=2027-W02`;
    const list = await (await listRoute.GET(get(`/api/v1/reports?${range}`, auth))).json();
    expect(list).toMatchObject({ ok: true, from: '2026-W52', to: '2027-W02' });
    const expected = ['2026-W52', '2026-W53', '2027-W01', '2027-W02'].flatMap((w) => Array(4).fill(w));
    expect(list.reports.map((r: { isoWeek: string }) => r.isoWeek)).toEqual(expected);

    const csv = await exportRoute.GET(get(`/api/v1/reports/export?${range}&format=csv`, auth));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain(`surgewatch-${p.code}-2026-W52-2027-W02.csv`);
    const records = await csvRecords(csv);
    const totals = records.filter((r) => r.row_type === 'province-total');
    expect(totals.map((r) => [r.iso_week, Number(r.cases_per_100k), r.reported_units])).toEqual([
      ['2026-W52', 90, '4/4'],
      ['2026-W53', 100, '4/4'],
      ['2027-W01', 110, '4/4'],
      ['2027-W02', 120, '4/4'],
    ]);
    expect(records.map((r) => r.iso_week)).toEqual(
      ['2026-W52', '2026-W53', '2027-W01', '2027-W02'].flatMap((w) => Array(5).fill(w)),
    );

    const xlsx = await exportRoute.GET(get(`/api/v1/reports/export?${range}&format=xlsx`, auth));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const weeks = sheet.getColumn(1).values.slice(2); // [0] is unused by ExcelJS, [1] is the header
    expect(weeks).toEqual(records.map((r) => r.iso_week));
  });

  it('refuses a range from "2025-W53" with 400 on `from`', async () => {
    clock(CLOCK.w03);
    const res = await listRoute.GET(get(`/api/v1/reports?province=${p.code}&from=2025-W53&to=2026-W02`, auth));
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).fieldErrors)).toEqual(['from']);
  });

  it('builds the demo’s history across W53 with each week once (the seed on Monday 4/1/2027)', async () => {
    const demo = await province(db.prisma);
    const rows = await demoReports(db.prisma, demo, W53, 52);
    const weeks = await storedWeeks(demo);
    expect(weeks).toHaveLength(rows);
    const distinct = [...new Set(weeks)];
    expect(distinct).toEqual(weekRange(W53, 52).map(formatIsoWeek));
    expect(distinct.slice(-3)).toEqual(['2026-W51', '2026-W52', '2026-W53']);
  });

  it('reads the dashboard filters with the clock in W53 and on Monday 4/1/2027', () => {
    clock(CLOCK.w53);
    const inW53 = new Date(CLOCK.w53);
    expect(parseDashboardFilters({}, inW53)).toMatchObject({ week: W52, isDefaultWeek: true, errors: {} });
    expect(parseDashboardFilters({ week: '2026-W53', range: '8' }, inW53)).toMatchObject({
      week: W53,
      range: 8,
      isDefaultWeek: false,
      errors: {},
    });
    expect(parseDashboardFilters({ week: '2027-W01' }, inW53)).toMatchObject({ week: W52, errors: { week: 'future' } });
    expect(parseDashboardFilters({ week: '2025-W53' }, inW53)).toMatchObject({ errors: { week: 'invalid' } });
    const monday = new Date(CLOCK.monday4);
    expect(parseDashboardFilters({}, monday)).toMatchObject({ week: W53, isDefaultWeek: true });
    expect(parseDashboardFilters({ week: '2027-W01' }, monday)).toMatchObject({ week: W01, errors: {} });
  });

  it('moves the memoised current week at the first instant of 2027-W01, and back', () => {
    const at = (instant: string) => formatIsoWeek(cachedCurrentWeek(new Date(instant)));
    expect(at(CLOCK.w53Monday)).toBe('2026-W53');
    expect(at(CLOCK.w53End)).toBe('2026-W53');
    expect(at(CLOCK.w01Start)).toBe('2027-W01');
    expect(formatIsoWeek(cachedLastCompleteWeek(new Date(CLOCK.w01Start)))).toBe('2026-W53');
    expect(at(CLOCK.w53End)).toBe('2026-W53'); // a clock set back (a test, a demo) is not answered from the memo
    expect(formatIsoWeek(cachedLastCompleteWeek(new Date(CLOCK.w53End)))).toBe('2026-W52');
  });

  it('puts the banner on W52 during W53 and on W53 from Monday 4/1/2027', async () => {
    clock(CLOCK.newYear);
    expect((await getSurgeStatus(ctx)).week).toBe('2026-W52');
    clock(CLOCK.w01Start);
    const status = await getSurgeStatus(ctx);
    expect(status.week).toBe('2026-W53');
    // calm figures from W44: one streak of 10 weeks at "normal", across the turn of the year
    expect(status).toMatchObject({ level: 'normal', streak: { weeks: 10, since: '2026-W44' } });
  });
});

describe('deadlines with the clock in W53 and on Monday 4/1/2027', () => {
  it('marks reports on time or late against the Monday after the week, W52 and W53 alike', async () => {
    const p = await province(db.prisma);
    const entry = await user(db.prisma, 'PROVINCIAL_DATA_ENTRY', { province: p });
    const [a, b] = p.districts;
    const saveAt = async (instant: string, week: string, d: typeof a) => {
      clock(instant);
      const out = await runAction(saveWeek, entry, {
        provinceCode: p.code,
        isoWeek: week,
        rows: [row(p, d!.code, calmFigures(d!.population))],
        confirmWarnings: true,
      });
      expect(out, `${week} at ${instant}`).toMatchObject({ ok: true });
    };
    expect(dueAt(W52).toISOString()).toBe('2026-12-28T17:00:00.000Z'); // Tuesday 29/12/2026 00:00 in Vietnam
    expect(dueAt(W53).toISOString()).toBe('2027-01-04T17:00:00.000Z'); // Tuesday 5/1/2027 00:00
    expect(dueAt(W01).toISOString()).toBe('2027-01-11T17:00:00.000Z');

    await saveAt(CLOCK.w53Monday, '2026-W52', a); // Monday 28/12, the deadline's day
    await saveAt(CLOCK.w53, '2026-W52', b); // Wednesday 30/12: late
    await saveAt(CLOCK.w53, '2026-W53', a); // during the week itself: on time
    await saveAt(CLOCK.monday4, '2026-W53', b); // Monday 4/1/2027 10:00: still on time

    const statuses = async (week: IsoWeek) => {
      const view = await getCompleteness(entry, p.code, week);
      if (view.status !== 'ok') throw new Error(view.status);
      return { dueAt: view.data.dueAt, units: Object.fromEntries(view.data.units.map((u) => [u.code, u.status])) };
    };
    const [, , c] = p.districts;
    expect(await statuses(W52)).toEqual({
      dueAt: '2026-12-28T17:00:00.000Z',
      units: { [p.code]: 'missing', [a!.code]: 'onTime', [b!.code]: 'late', [c!.code]: 'missing' },
    });
    expect(await statuses(W53)).toEqual({
      dueAt: '2027-01-04T17:00:00.000Z',
      units: { [p.code]: 'missing', [a!.code]: 'onTime', [b!.code]: 'onTime', [c!.code]: 'missing' },
    });
    await saveAt(CLOCK.tuesday5, '2026-W53', c); // Tuesday 5/1/2027 01:00: late
    expect((await statuses(W53)).units[c!.code]).toBe('late');
  });

  it('counts "today" in Vietnam for overdue tasks: a task due 31/12/2026 is overdue from 1/1/2027 00:00', () => {
    expect(todayInVietnam(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    expect(todayInVietnam(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(todayInVietnam(new Date(CLOCK.w01Start))).toBe('2027-01-04');
  });

  it('takes a plan edit made during W53 from W53 on: W52 keeps the version it was judged by', async () => {
    const p = await province(db.prisma);
    const admin = await user(db.prisma, 'ADMIN');
    const form = (validFrom: string) => ({
      target: p.code,
      baseVersion: 1,
      validFrom,
      rule: 'EPIDEMIC_AND_CAPACITY',
      casesComparator: 'GT',
      casesThreshold: '900',
      oxygenComparator: 'GT',
      oxygenThreshold: '32',
      bedsComparator: 'LT',
      bedsThreshold: '10',
      icuComparator: 'LT',
      icuThreshold: '4',
      note: 'Điều chỉnh ngưỡng (thử nghiệm tuần 53)',
    });
    clock(CLOCK.newYear);
    expect(await savePlanVersionAs(admin, form('2026-12-21'))).toMatchObject({
      ok: false,
      fieldErrors: { validFrom: ['validFromPast'] },
      earliest: '2026-12-28',
      week: '2026-W53',
    });
    expect(await savePlanVersionAs(admin, form('2026-12-28'))).toMatchObject({ ok: true });
    const national = await user(db.prisma, 'NATIONAL_LEADER');
    const opened = await openProvince(national, p.code);
    if (opened.status !== 'ok') throw new Error(opened.status);
    const series = await getProvinceTrends(opened.data, W01, 3);
    expect(series.map((w) => [w.week, w.plan.version])).toEqual([
      ['2026-W52', 1],
      ['2026-W53', 2],
      ['2027-W01', 2],
    ]);
  });

  it('takes a population for 2027 from 2027-W01 (W53 is 2026’s), and next year’s by Vietnam’s calendar', async () => {
    const p = await province(db.prisma);
    const admin = await user(db.prisma, 'ADMIN');
    const national = await user(db.prisma, 'NATIONAL_LEADER');
    const d = p.districts[0]!;
    const set = (year: number, population: string) =>
      setPopulationAs(admin, { unitId: d.id, year, population, source: 'Niên giám (thử)', expectedUpdatedAt: '' });
    // Friday 1/1/2027 01:00 in Vietnam (still 31/12/2026 in UTC): "next year" is 2028
    clock('2026-12-31T18:00:00Z');
    expect(await set(2027, '200000')).toMatchObject({ ok: true });
    expect(await set(2028, '210000')).toMatchObject({ ok: true });
    expect(await set(2029, '220000')).toMatchObject({ ok: false, fieldErrors: { year: ['yearFuture'] } });
    const populationIn = async (week: IsoWeek) => {
      const view = await getEntryWeek(national, p.code, week);
      if (view.status !== 'ok') throw new Error(view.status);
      return view.data.units.find((u) => u.code === d.code)?.population;
    };
    expect(await populationIn(W53)).toBe(d.population);
    expect(await populationIn(W01)).toBe(200_000);
  });

  it('proposes W52 during W53, and opens the plan for W53 once it is the last complete week', async () => {
    const p = await province(db.prisma);
    const entry = await user(db.prisma, 'PROVINCIAL_DATA_ENTRY', { province: p });
    const leader = await user(db.prisma, 'PROVINCIAL_LEADER', { province: p });
    const surgeRow = (code: string, population: number) => row(p, code, surgeFigures(population));
    const districtRows = p.districts.map((d) => surgeRow(d.code, d.population));
    /** The grid's save, confirming the level change it announces (as the user does after reading it). */
    const saveConfirmed = async (isoWeek: string, rows: ReturnType<typeof row>[]) => {
      const input = { provinceCode: p.code, isoWeek, rows, confirmWarnings: true };
      const first = await runAction(saveWeek, entry, input);
      if (first.ok || !('levelChange' in first) || !first.levelChange) return { out: first, change: null };
      const change = first.levelChange;
      return { out: await runAction(saveWeek, entry, { ...input, confirmLevelChange: change.key }), change };
    };

    // during W53, the districts' W52 figures (the province's own beds missing): an unsettled surge of the last complete
    // week, proposed to the leaders
    clock(CLOCK.w53);
    const w52 = await saveConfirmed('2026-W52', districtRows);
    expect(w52.out).toMatchObject({ ok: true });
    expect(w52.change).toMatchObject({ week: '2026-W52', to: 'surge', settled: false, action: 'propose' });
    expect(await getActivationProposal(leader, p.code, now())).toMatchObject({ week: '2026-W52', level: 'surge' });

    // W53's districts during W53: the week is not complete, nothing to judge yet
    const w53 = await saveConfirmed('2026-W53', districtRows);
    expect(w53).toMatchObject({ out: { ok: true, data: { levelChange: null } }, change: null });
    expect(await db.prisma.activation.count({ where: { provinceId: p.id } })).toBe(0);

    // Monday 4/1/2027: W52's proposal is no longer current; W53 completed by the province's own row opens the plan
    clock(CLOCK.monday4);
    expect(await getActivationProposal(leader, p.code, now())).toBeNull();
    const done = await saveConfirmed('2026-W53', [surgeRow(p.code, p.population)]);
    expect(done.out).toMatchObject({ ok: true });
    expect(done.change).toMatchObject({ week: '2026-W53', to: 'surge', settled: true, action: 'open' });
    expect(
      await db.prisma.activation.findMany({
        where: { provinceId: p.id },
        select: { isoYear: true, isoWeek: true, status: true },
      }),
    ).toEqual([{ isoYear: 2026, isoWeek: 53, status: 'OPEN' }]);
    expect(
      await db.prisma.activationProposal.findMany({
        where: { provinceId: p.id },
        select: { isoYear: true, isoWeek: true, status: true },
      }),
    ).toEqual([{ isoYear: 2026, isoWeek: 52, status: 'REPLACED' }]);
  });
});
