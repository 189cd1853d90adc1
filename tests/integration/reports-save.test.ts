import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseIsoWeek, type IsoWeek } from '@/lib/epi-week';
import type { SessionUser } from '@/lib/roles';
import { EMPTY_FIGURES, type Figures } from '@/lib/validations/figures';
import { afterReportsSaved } from '@/server/activation/hooks';
import { getCurrentUser } from '@/server/auth/current-user';
import { importReportFile, putOneReport } from '@/server/reports/api';
import { runAction } from '@/server/boundary/action';
import { saveReports, saveWeek, saveWeeklyReports } from '@/server/reports/save';
import { loadProvinceWeek } from '@/server/verdicts/province-week';
import { readProvinceVerdict } from '@/server/verdicts/read';
import type { ReportInput } from '@/server/reports/types';
import { demoReports, referenceProvince, reports, user } from '../factories';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

// The save service on a real database (PGlite in memory, or PostgreSQL with DATABASE_URL): the checks, versions,
// audit rows, DataVersion and the activation hook, as the grid, the API and the importer use them.

vi.mock('@/server/activation/hooks', () => ({ afterReportsSaved: vi.fn(async () => undefined) }));
// the service trusts its callers' wrappers: refusals are proven through the route handlers, with a session
vi.mock('@/server/auth/current-user', () => ({ getCurrentUser: vi.fn(async () => null), requireUser: vi.fn() }));
// lets a test change a report between the save's checks and its transaction, the window a concurrent save would use
const race = vi.hoisted(() => ({ afterRead: null as null | (() => Promise<void>) }));
vi.mock('@/server/reports/store', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/server/reports/store')>();
  return {
    ...actual,
    readReports: async (...args: Parameters<typeof actual.readReports>) => {
      const rows = await actual.readReports(...args);
      const hook = race.afterRead;
      race.afterRead = null;
      if (hook) await hook();
      return rows;
    },
  };
});

const NOW = new Date('2026-11-23T03:00:00Z'); // Monday of 2026-W48 in Asia/Ho_Chi_Minh; last complete week W47
vi.stubEnv('SURGEWATCH_NOW', NOW.toISOString());
vi.stubEnv('DEMO', '1'); // env() needs an auth secret outside demo mode, even with DATABASE_URL set

const W = (text: string) => parseIsoWeek(text) as IsoWeek;
const figures = (f: Partial<Figures>): Figures => ({ ...EMPTY_FIGURES, ...f });

let db: TestDatabase;
let entry: SessionUser;
let entryKG: SessionUser;
let leader: SessionUser;

beforeAll(async () => {
  db = await createTestDatabase();
  // Lai Châu with the demo's 52 weeks of reports up to W47 (the seed's builder), Kiên Giang's units, and their users
  const lc = await referenceProvince(db.prisma, '12');
  const kg = await referenceProvince(db.prisma, '91');
  await demoReports(db.prisma, lc, W('2026-W47'));
  useAsAppDatabase(db);
  entry = await user(db.prisma, 'PROVINCIAL_DATA_ENTRY', { province: lc });
  entryKG = await user(db.prisma, 'PROVINCIAL_DATA_ENTRY', { province: kg });
  leader = await user(db.prisma, 'PROVINCIAL_LEADER', { province: lc });
});
afterAll(async () => db?.destroy());
beforeEach(() => vi.mocked(afterReportsSaved).mockClear());

const reportOf = (unitCode: string, week: IsoWeek) =>
  db.prisma.weeklyReport.findFirst({
    where: { unit: { code: unitCode }, isoYear: week.isoYear, isoWeek: week.isoWeek },
  });
const auditCount = () => db.prisma.auditLog.count({ where: { targetType: 'WeeklyReport' } });
const dataVersion = async (code: string) =>
  (await db.prisma.dataVersion.findUnique({ where: { provinceCode: code } }))?.version ?? 0;

describe('saving a week from the grid', () => {
  const week = W('2026-W48'); // the current week: no demo reports yet

  it('creates reports in one save, with an audit row each, the DataVersion bumped and the hook called', async () => {
    const audits = await auditCount();
    const version = await dataVersion('12');
    const out = await saveWeeklyReports(
      entry,
      '12',
      week,
      [
        {
          unitCode: '12',
          version: 0,
          ...figures({
            oxygenAvg7d: 4.25,
            freeCovidBeds: 60,
            staffedIcuBeds: 12,
            totalCovidBeds: 80,
            totalIcuBeds: 14,
          }),
        },
        { unitCode: '105', version: 0, ...figures({ newCases: 40, oxygenAvg7d: 1.5 }) },
        { unitCode: '106', version: 0, ...EMPTY_FIGURES }, // left empty: not reported, nothing stored
      ],
      { confirmWarnings: true },
    );
    expect(out).toMatchObject({ status: 'saved', changed: 2, unchanged: 1 });
    const own = await reportOf('12', week);
    expect(own).toMatchObject({
      version: 1,
      newCases: null,
      freeCovidBeds: 60,
      createdById: entry.id,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(own?.oxygenAvg7d?.toNumber()).toBe(4.25);
    expect(await reportOf('106', week)).toBeNull();
    expect(await auditCount()).toBe(audits + 2);
    expect(await dataVersion('12')).toBe(version + 1);
    expect(afterReportsSaved).toHaveBeenCalledTimes(1);
    expect(vi.mocked(afterReportsSaved).mock.calls[0]![1]).toMatchObject({
      provinceCode: '12',
      weeks: [week],
      actor: { id: entry.id },
    });
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { targetType: 'WeeklyReport', targetId: String(own!.id) },
    });
    expect(audit).toMatchObject({ action: 'report.created', actorId: entry.id, provinceCode: '12', before: null });
    expect(audit.after).toMatchObject({ unitCode: '12', week: '2026-W48', version: 1, freeCovidBeds: 60, via: 'form' });
  });

  it('changes nothing when the rows are identical: no version, no audit row, no DataVersion bump', async () => {
    const audits = await auditCount();
    const version = await dataVersion('12');
    const out = await saveWeeklyReports(
      entry,
      '12',
      week,
      [{ unitCode: '105', version: 1, ...figures({ newCases: 40, oxygenAvg7d: 1.5 }) }],
      { confirmWarnings: false },
    );
    expect(out).toMatchObject({ status: 'saved', changed: 0, unchanged: 1 });
    expect((await reportOf('105', week))?.version).toBe(1);
    expect(await auditCount()).toBe(audits);
    expect(await dataVersion('12')).toBe(version);
    expect(afterReportsSaved).not.toHaveBeenCalled();
  });

  it('corrects a report at the version read, and audits before and after; clearing it is audited too', async () => {
    const out = await saveWeeklyReports(
      entry,
      '12',
      week,
      [{ unitCode: '105', version: 1, ...figures({ newCases: 42, oxygenAvg7d: 1.5 }) }],
      { confirmWarnings: true },
    );
    expect(out).toMatchObject({ status: 'saved', changed: 1, rows: [{ status: 'updated', version: 2 }] });
    const cleared = await saveWeeklyReports(entry, '12', week, [{ unitCode: '105', version: 2, ...EMPTY_FIGURES }], {
      confirmWarnings: true,
    });
    expect(cleared).toMatchObject({ status: 'saved', changed: 1 });
    const report = await reportOf('105', week);
    expect(report).toMatchObject({ version: 3, newCases: null, oxygenAvg7d: null });
    const audits = await db.prisma.auditLog.findMany({
      where: { targetType: 'WeeklyReport', targetId: String(report!.id) },
      orderBy: { id: 'asc' },
    });
    expect(audits.map((a) => a.action)).toEqual(['report.created', 'report.updated', 'report.updated']);
    expect(audits[1]!.before).toMatchObject({ version: 1, newCases: 40 });
    expect(audits[1]!.after).toMatchObject({ version: 2, newCases: 42 });
    expect(audits[2]!.after).toMatchObject({ version: 3, newCases: null, oxygenAvg7d: null });
  });

  it('refuses a stale version with the stored figures, and saves nothing of the whole save', async () => {
    const audits = await auditCount();
    const out = await saveWeeklyReports(
      entry,
      '12',
      week,
      [
        { unitCode: '107', version: 0, ...figures({ newCases: 5 }) },
        { unitCode: '12', version: 0, ...figures({ oxygenAvg7d: 9 }) }, // stored at version 1 by the first test
      ],
      { confirmWarnings: true },
    );
    expect(out.status).toBe('conflict');
    if (out.status !== 'conflict') return;
    expect(out.conflicts).toEqual([
      expect.objectContaining({
        unitCode: '12',
        yourVersion: 0,
        stored: expect.objectContaining({
          version: 1,
          updatedBy: entry.name,
          figures: expect.objectContaining({ oxygenAvg7d: 4.25 }),
        }),
      }),
    ]);
    expect(await reportOf('107', week)).toBeNull();
    expect(await auditCount()).toBe(audits);
  });
});

describe('hard errors: nothing is saved', () => {
  const save = (user: SessionUser, inputs: Partial<ReportInput>[]) =>
    saveReports(
      user,
      '12',
      inputs.map((i, ref) => ({ unitCode: '105', week: W('2026-W30'), version: 0, figures: EMPTY_FIGURES, ref, ...i })),
      {
        confirmWarnings: true,
        source: 'api',
      },
    );

  it.each([
    [
      'cases on the province row',
      { unitCode: '12', figures: figures({ newCases: 3 }) },
      'newCases',
      'casesOnProvinceRow',
    ],
    [
      'a unit of another province',
      { unitCode: '899', figures: figures({ newCases: 3 }) },
      'unitCode',
      'outsideProvince',
    ],
    ['an unknown unit', { unitCode: '999999', figures: figures({ newCases: 3 }) }, 'unitCode', 'badUnit'],
    [
      'a week after the current one',
      { week: W('2026-W49'), figures: figures({ newCases: 3 }) },
      'isoWeek',
      'futureWeek',
    ],
  ])('%s', async (_name, input, field, code) => {
    const audits = await auditCount();
    const out = await save(entry, [{ unitCode: '106', figures: figures({ newCases: 1 }) }, input]);
    expect(out).toEqual({ status: 'invalid', errors: [expect.objectContaining({ ref: 1, field, code })] });
    expect(await auditCount()).toBe(audits);
    expect(await reportOf('106', W('2026-W30'))).toMatchObject({ version: 1 }); // the demo row, untouched
  });

  it('refuses the same unit-week twice in one save', async () => {
    const out = await save(entry, [{ figures: figures({ newCases: 1 }) }, { figures: figures({ newCases: 2 }) }]);
    expect(out).toEqual({
      status: 'invalid',
      errors: [expect.objectContaining({ ref: 1, code: 'duplicateRow', value: 0 })],
    });
  });

  it('refuses users without the permission in the province: 403 from the API’s route wrapper, audited', async () => {
    const BASE = 'http://surgewatch.test/api/v1/reports';
    const refusals = (who: SessionUser, name: string) =>
      db.prisma.auditLog.count({ where: { action: 'permission.denied', targetId: name, actorId: who.id } });
    const as = async (who: SessionUser, call: () => Promise<Response>) => {
      vi.mocked(getCurrentUser).mockResolvedValue(who);
      try {
        return await call();
      } finally {
        vi.mocked(getCurrentUser).mockResolvedValue(null);
      }
    };
    const put = () =>
      putOneReport(
        new Request(`${BASE}/105/2026-W30`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ version: 1, newCases: 1 }),
        }),
        { params: Promise.resolve({ unitCode: '105', isoWeek: '2026-W30' }) },
      );
    const stored = await reportOf('105', W('2026-W30'));
    // PUT (the save's write path): a leader may not write, a data entry user of another province not here
    for (const who of [leader, entryKG]) {
      const before = await refusals(who, 'api.reports.write');
      expect((await as(who, put)).status).toBe(403);
      expect(await refusals(who, 'api.reports.write')).toBe(before + 1);
    }
    // the import (the save's other write path) in a province not the user's own
    const before = await refusals(entry, 'api.reports.import');
    const imported = await as(entry, () =>
      importReportFile(new Request(`${BASE}/import?province=99`, { method: 'POST', body: 'unit_code,iso_week\n' })),
    );
    expect(imported.status).toBe(403);
    expect(await refusals(entry, 'api.reports.import')).toBe(before + 1);
    // a real file for this province, sent by the data entry user of another province: refused before it is read
    const csv = 'unit_code,iso_week,new_cases,oxygen_avg_7d,free_covid_beds,staffed_icu_beds\n105,2026-W30,9,1,1,1\n';
    const beforeKG = await refusals(entryKG, 'api.reports.import');
    const importedKG = await as(entryKG, () =>
      importReportFile(new Request(`${BASE}/import?province=12`, { method: 'POST', body: csv })),
    );
    expect(importedKG.status).toBe(403);
    expect(await refusals(entryKG, 'api.reports.import')).toBe(beforeKG + 1);
    expect(await reportOf('105', W('2026-W30'))).toEqual(stored);
  });
});

describe('warnings need one confirmation', () => {
  const week = W('2026-W47'); // reported by the demo data

  it('lists a value far from the unit history and the week already reported, then saves once confirmed', async () => {
    const before = await reportOf('105', week);
    const row = {
      unitCode: '105',
      version: before!.version,
      ...figures({
        newCases: before!.newCases! * 10,
        oxygenAvg7d: before!.oxygenAvg7d!.toNumber(),
        freeCovidBeds: before!.freeCovidBeds,
        staffedIcuBeds: before!.staffedIcuBeds,
        totalCovidBeds: before!.totalCovidBeds,
        totalIcuBeds: before!.totalIcuBeds,
        // the grid sends every cell: the stored severity figures stay as they are (nothing cleared to warn about)
        severeCases: before!.severeCases,
        newAdmissions: before!.newAdmissions,
        deaths: before!.deaths,
      }),
    };
    const out = await saveWeeklyReports(entry, '12', week, [row], { confirmWarnings: false });
    expect(out.status).toBe('warnings');
    if (out.status !== 'warnings') return;
    expect(out.warnings).toEqual([
      expect.objectContaining({ code: 'alreadyReported', unitCode: '105', week: '2026-W47', by: null }),
      expect.objectContaining({ code: 'farFromHistory', field: 'newCases', value: before!.newCases! * 10, history: 8 }),
    ]);
    expect((await reportOf('105', week))?.version).toBe(before!.version);
    const confirmed = await saveWeeklyReports(entry, '12', week, [row], { confirmWarnings: true });
    expect(confirmed).toMatchObject({ status: 'saved', changed: 1 });
    expect((await reportOf('105', week))?.newCases).toBe(before!.newCases! * 10);
  });

  it('does not warn about a value close to the history', async () => {
    const w = W('2026-W48');
    const out = await saveWeeklyReports(
      entry,
      '12',
      w,
      [{ unitCode: '108', version: 0, ...figures({ newCases: 10 }) }],
      { confirmWarnings: false },
    );
    expect(out.status).toBe('warnings'); // 10 is far below the unit's wave...
    const history = await db.prisma.weeklyReport.findMany({
      where: { unit: { code: '108' } },
      orderBy: [{ isoYear: 'desc' }, { isoWeek: 'desc' }],
      take: 8,
    });
    const typical = history.map((h) => h.newCases!).sort((a, b) => a - b)[4]!;
    const ok = await saveWeeklyReports(
      entry,
      '12',
      w,
      [{ unitCode: '108', version: 0, ...figures({ newCases: typical }) }],
      { confirmWarnings: false },
    );
    expect(ok).toMatchObject({ status: 'saved' }); // ...the median of its last 8 reports is not
  });
});

describe('concurrency', () => {
  it('of two saves of one version, exactly one wins; the other gets the winner’s figures', async () => {
    const week = W('2026-W46');
    const current = await reportOf('109', week);
    const base = {
      unitCode: '109',
      version: current!.version,
      ...figures({ newCases: current!.newCases, oxygenAvg7d: current!.oxygenAvg7d!.toNumber() }),
    };
    const [a, b] = await Promise.all([
      saveWeeklyReports(entry, '12', week, [{ ...base, freeCovidBeds: 11 }], { confirmWarnings: true }),
      saveWeeklyReports(entry, '12', week, [{ ...base, freeCovidBeds: 22 }], { confirmWarnings: true }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual(['conflict', 'saved']);
    const after = await reportOf('109', week);
    expect(after?.version).toBe(current!.version + 1);
    const loser = a.status === 'conflict' ? a : b;
    if (loser.status !== 'conflict') throw new Error('no loser');
    expect(loser.conflicts[0]!.stored?.figures.freeCovidBeds).toBe(after!.freeCovidBeds);
    expect(await db.prisma.auditLog.count({ where: { targetType: 'WeeklyReport', targetId: String(after!.id) } })).toBe(
      1,
    );
  });

  it('refuses the whole save when a report changes between its checks and its write, with the new figures', async () => {
    const week = W('2026-W45');
    const target = await reportOf('111', week);
    race.afterRead = async () => {
      await db.prisma.weeklyReport.update({
        where: { id: target!.id },
        data: { freeCovidBeds: 77, version: { increment: 1 } },
      });
    };
    const audits = await auditCount();
    const out = await saveWeeklyReports(
      entry,
      '12',
      week,
      [
        { unitCode: '112', version: (await reportOf('112', week))!.version, ...figures({ newCases: 4321 }) },
        { unitCode: '111', version: target!.version, ...figures({ newCases: 150, freeCovidBeds: 8 }) },
      ],
      { confirmWarnings: true },
    );
    expect(out).toMatchObject({
      status: 'conflict',
      conflicts: [
        {
          unitCode: '111',
          yourVersion: target!.version,
          stored: { version: target!.version + 1, figures: { freeCovidBeds: 77 } },
        },
      ],
    });
    expect((await reportOf('112', week))?.newCases).toBe(99); // as seeded: the other row of the save is rolled back too
    expect(await auditCount()).toBe(audits);
  });

  it('of two creations of one report, exactly one wins', async () => {
    const week = W('2026-W48');
    const [a, b] = await Promise.all([
      saveWeeklyReports(entry, '12', week, [{ unitCode: '110', version: 0, ...figures({ oxygenAvg7d: 1 }) }], {
        confirmWarnings: true,
      }),
      saveWeeklyReports(entry, '12', week, [{ unitCode: '110', version: 0, ...figures({ oxygenAvg7d: 2 }) }], {
        confirmWarnings: true,
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual(['conflict', 'saved']);
    expect((await reportOf('110', week))?.version).toBe(1);
  });

  it.each([
    ['the API, at the version it read', 'api' as const],
    ['an import, which reads no version', 'import' as const],
  ])('refuses a save keeping severity figures read before a concurrent change: %s', async (_name, source) => {
    // kept figures are the stored ones as the save read them: written after a concurrent change, they would undo it
    const week = W(source === 'api' ? '2025-W20' : '2025-W21');
    await reports(db.prisma, { code: '12' }, week, { '108': { newCases: 40, severeCases: 2, deaths: 1 } });
    const target = (await reportOf('108', week))!;
    race.afterRead = async () => {
      await db.prisma.weeklyReport.update({
        where: { id: target.id },
        data: { deaths: 5, version: { increment: 1 } },
      });
    };
    const audits = await auditCount();
    const input: ReportInput = {
      unitCode: '108',
      week,
      version: source === 'api' ? target.version : null,
      figures: figures({ newCases: 41 }),
      keep: ['severeCases', 'newAdmissions', 'deaths'],
      ref: 0,
    };
    const out = await saveReports(entry, '12', [input], { confirmWarnings: true, source });
    expect(out).toMatchObject({
      status: 'conflict',
      conflicts: [{ unitCode: '108', stored: { version: target.version + 1, figures: { deaths: 5, newCases: 40 } } }],
    });
    expect(await reportOf('108', week)).toMatchObject({ newCases: 40, severeCases: 2, deaths: 5 });
    expect(await auditCount()).toBe(audits);
    // the caller's input is not rewritten with the kept figures
    expect(input.figures).toEqual(figures({ newCases: 41 }));
  });
});

describe('severity figures (issue 14): stored, summed, audited, checked; never a report on their own', () => {
  // before the demo's 52 weeks: no history, so no warning about a value far from it
  const week = W('2025-W40');
  const save = (rows: Parameters<typeof saveWeeklyReports>[3], w = week, confirmWarnings = true) =>
    saveWeeklyReports(entry, '12', w, rows, { confirmWarnings });

  it('round-trips through the grid’s save, 0 apart from not reported, the province’s own row included', async () => {
    const out = await save([
      { unitCode: '12', version: 0, ...figures({ oxygenAvg7d: 3, severeCases: 7, newAdmissions: 2, deaths: 0 }) },
      { unitCode: '105', version: 0, ...figures({ newCases: 80, severeCases: 3, newAdmissions: 9, deaths: 1 }) },
      { unitCode: '106', version: 0, ...figures({ newCases: 10 }) }, // severity left blank
      { unitCode: '107', version: 0, ...figures({ severeCases: 2 }) }, // a severity figure alone
    ]);
    expect(out).toMatchObject({ status: 'saved', changed: 4 });
    expect(await reportOf('12', week)).toMatchObject({ severeCases: 7, newAdmissions: 2, deaths: 0 });
    expect(await reportOf('105', week)).toMatchObject({ severeCases: 3, newAdmissions: 9, deaths: 1 });
    expect(await reportOf('106', week)).toMatchObject({ severeCases: null, newAdmissions: null, deaths: null });

    const id = String((await reportOf('12', week))!.id);
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { targetType: 'WeeklyReport', targetId: id } });
    expect(audit.after).toMatchObject({ severeCases: 7, newAdmissions: 2, deaths: 0, via: 'form' });

    // the province's sums: every unit that gave the figure; the severity-only row is no report
    const verdict = (await readProvinceVerdict(db.prisma, '12', week))!;
    expect(verdict.counts).toMatchObject({ newCases: 90, severeCases: 12, newAdmissions: 11, deaths: 1 });
    expect(verdict.reported).toBe(3);
    expect(verdict.byField.newCases).toBe(2);
  });

  it('audits a correction of a severity figure, before and after, and clearing it stores null', async () => {
    const stored = (await reportOf('105', week))!;
    const out = await save([
      {
        unitCode: '105',
        version: stored.version,
        ...figures({ newCases: 80, severeCases: 3, newAdmissions: 9, deaths: null }),
      },
    ]);
    expect(out).toMatchObject({ status: 'saved', changed: 1 });
    expect(await reportOf('105', week)).toMatchObject({ deaths: null, version: stored.version + 1 });
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { targetType: 'WeeklyReport', targetId: String(stored.id), action: 'report.updated' },
      orderBy: { id: 'desc' },
    });
    expect(audit.before).toMatchObject({ deaths: 1, severeCases: 3 });
    expect(audit.after).toMatchObject({ deaths: null, severeCases: 3 });
    // the province's own row still reports 0 deaths: a figure, so the sum is 0, not "not reported"
    expect((await readProvinceVerdict(db.prisma, '12', week))!.counts.deaths).toBe(0);
  });

  it('refuses a negative or fractional severity figure with 400 naming the field, and stores nothing', async () => {
    vi.mocked(getCurrentUser).mockResolvedValue(entry);
    try {
      const res = await putOneReport(
        new Request('http://surgewatch.test/api/v1/reports/108/2025-W40', {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ version: 0, newCases: 5, deaths: -1, newAdmissions: 2.5 }),
        }),
        { params: Promise.resolve({ unitCode: '108', isoWeek: '2025-W40' }) },
      );
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(Object.keys(body.fieldErrors).sort()).toEqual(['deaths', 'newAdmissions']);
    } finally {
      vi.mocked(getCurrentUser).mockResolvedValue(null);
    }
    expect(await reportOf('108', week)).toBeNull();
  });

  it('warns about a severity figure far from the unit’s recent median, like the judged figures', async () => {
    const weeks = ['2025-W41', '2025-W42', '2025-W43', '2025-W44'].map(W);
    for (const [i, w] of weeks.entries())
      await save([{ unitCode: '110', version: 0, ...figures({ newCases: 100, deaths: [2, 3, 2, 1][i]! }) }], w);
    const out = await save(
      [{ unitCode: '110', version: 0, ...figures({ newCases: 100, deaths: 40 }) }],
      W('2025-W45'),
      false,
    );
    expect(out.status).toBe('warnings');
    if (out.status !== 'warnings') return;
    expect(out.warnings).toEqual([
      expect.objectContaining({ code: 'farFromHistory', field: 'deaths', value: 40, median: 2, history: 4 }),
    ]);
  });
});

describe('clearing or replacing stored figures asks first (issue 14 review)', () => {
  const stored = (unitCode: string, week: IsoWeek) => reportOf(unitCode, week).then((r) => r!);

  it('names every stored figure a save would clear (judged, total, severity) beside the overwrite', async () => {
    const week = W('2025-W30');
    await reports(db.prisma, { code: '12' }, week, {
      '105': { newCases: 50, oxygenAvg7d: 2, totalCovidBeds: 40, severeCases: 3, deaths: 1 },
    });
    const before = await stored('105', week);
    const row = {
      unitCode: '105',
      version: before.version,
      ...figures({ newCases: 50, oxygenAvg7d: null, totalCovidBeds: null, severeCases: 3, deaths: null }),
    };
    const out = await saveWeeklyReports(entry, '12', week, [row], { confirmWarnings: false });
    expect(out).toEqual({
      status: 'warnings',
      levelChange: null,
      warnings: [
        expect.objectContaining({ code: 'alreadyReported', unitCode: '105' }),
        {
          ref: 0,
          unitCode: '105',
          week: '2025-W30',
          code: 'clearsFigures',
          fields: ['oxygenAvg7d', 'totalCovidBeds', 'deaths'],
        },
      ],
    });
    expect(await stored('105', week)).toEqual(before);
    expect(await saveWeeklyReports(entry, '12', week, [row], { confirmWarnings: true })).toMatchObject({
      status: 'saved',
      changed: 1,
    });
    expect(await stored('105', week)).toMatchObject({ newCases: 50, oxygenAvg7d: null, deaths: null, severeCases: 3 });
  });

  it('counts a report holding only severity figures as reported when it is replaced or cleared', async () => {
    // the provincial hospitals' row with its severity figures alone, as a district clerk's template would clear it
    const week = W('2025-W31');
    await reports(db.prisma, { code: '12' }, week, { '12': { severeCases: 8, deaths: 2 } });
    const { version } = await stored('12', week);
    const cleared = await saveWeeklyReports(entry, '12', week, [{ unitCode: '12', version, ...EMPTY_FIGURES }], {
      confirmWarnings: false,
    });
    expect(cleared).toMatchObject({
      status: 'warnings',
      warnings: [{ code: 'alreadyReported' }, { code: 'clearsFigures', fields: ['severeCases', 'deaths'] }],
    });
    const changed = await saveWeeklyReports(
      entry,
      '12',
      week,
      [{ unitCode: '12', version, ...figures({ severeCases: 9, deaths: 2 }) }],
      { confirmWarnings: false },
    );
    expect(changed).toMatchObject({ status: 'warnings', warnings: [{ code: 'alreadyReported' }] });
    if (changed.status === 'warnings') expect(changed.warnings).toHaveLength(1);
    expect(await stored('12', week)).toMatchObject({ severeCases: 8, deaths: 2, version });
  });

  it('keeps the stored severity figures through the grid’s own save when a row has no severity keys', async () => {
    const week = W('2025-W32');
    await reports(db.prisma, { code: '12' }, week, {
      '106': { newCases: 50, severeCases: 4, newAdmissions: 7, deaths: 0 },
    });
    const { version } = await stored('106', week);
    const input = { provinceCode: '12', isoWeek: '2025-W32', rows: [{ unitCode: '106', version, newCases: 60 }] };
    // the overwrite is asked about; nothing is cleared, so nothing else is
    expect(await runAction(saveWeek, entry, { ...input, confirmWarnings: false })).toMatchObject({
      ok: false,
      code: 'refused',
      warnings: [{ code: 'alreadyReported', unitCode: '106' }],
    });
    expect(await runAction(saveWeek, entry, { ...input, confirmWarnings: true })).toMatchObject({
      ok: true,
      data: { changed: 1 },
    });
    expect(await stored('106', week)).toMatchObject({
      newCases: 60,
      severeCases: 4,
      newAdmissions: 7,
      deaths: 0,
      version: version + 1,
    });
  });

  it('warns about 10 deaths or more after a median of 0, and not about fewer', async () => {
    for (const w of ['2025-W33', '2025-W34', '2025-W35'])
      await reports(db.prisma, { code: '12' }, W(w), { '107': { newCases: 100, deaths: 0, newAdmissions: 0 } });
    const week = W('2025-W36');
    const row = (deaths: number) => ({ unitCode: '107', version: 0, ...figures({ newCases: 100, deaths }) });
    const out = await saveWeeklyReports(entry, '12', week, [row(10)], { confirmWarnings: false });
    expect(out).toMatchObject({
      status: 'warnings',
      warnings: [{ code: 'farFromHistory', field: 'deaths', value: 10, median: 0, history: 3 }],
    });
    expect(await saveWeeklyReports(entry, '12', week, [row(9)], { confirmWarnings: false })).toMatchObject({
      status: 'saved',
      changed: 1,
    });
  });

  it('counts a unit with only severity figures (or bed totals) as missing in the unit list too', async () => {
    const week = W('2025-W37');
    await reports(db.prisma, { code: '12' }, week, {
      '105': { newCases: 10, oxygenAvg7d: 1 },
      '107': { severeCases: 2, deaths: 1 },
      '108': { totalCovidBeds: 30 },
    });
    const view = (await loadProvinceWeek('12', week))!;
    const row = (code: string) => view.units.find((u) => u.code === code)!;
    expect(row('105')).toMatchObject({ counts: { newCases: 10 }, reportedAt: expect.any(String) });
    expect(row('107')).toMatchObject({ counts: null, reportedAt: null, districtVerdict: null });
    expect(row('108')).toMatchObject({ counts: null, reportedAt: null });
    // the list of missing units and the count "1/9" agree
    const verdict = (await readProvinceVerdict(db.prisma, '12', week))!;
    expect(view.units.filter((u) => u.counts !== null)).toHaveLength(verdict.reported);
    expect(verdict.reported).toBe(1);
  });
});
