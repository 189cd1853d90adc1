import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWeeks, formatIsoWeek, lastCompleteWeek, weekMonday, weekRange } from '@/lib/epi-week';
import type { SessionUser } from '@/lib/roles';
import { clearFiguresCache, figuresCacheStats } from '@/server/verdicts/cache';
import { readProvinceFingerprint } from '@/server/verdicts/fingerprint';
import {
  getProvinceCards,
  getProvinceHeatmap,
  getProvinceTrends,
  getProvinceUnits,
  getSurgeStatus,
  openProvince,
  type ProvinceContext,
} from '@/server/dashboard/province';
import { getDistrictCards, getDistrictReports, openDistrict } from '@/server/dashboard/district';
import { getNationalOverview } from '@/server/dashboard/national';
import { recordAudit } from '@/server/audit/record';
import { seedIfEmpty } from '@/server/seed';
import { evaluateDistrict } from '@/lib/surge';
import { DEMO_EMAILS } from '@/server/seed/demo-accounts';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';
import { referenceVerdict } from '../support/reference-verdict';

// The dashboards' SQL aggregation against the surge engine's own JavaScript path, on the demo data.
const NOW = new Date('2026-11-23T03:00:00Z');
process.env.SURGEWATCH_NOW = NOW.toISOString();
const LAST = lastCompleteWeek(NOW); // 2026-W47

const base: SessionUser = {
  id: 1,
  email: 'n@x',
  name: 'N',
  role: 'NATIONAL_LEADER',
  provinceCode: null,
  unitId: null,
  agencyId: null,
};
const national = base;
const leaderKG: SessionUser = { ...base, role: 'PROVINCIAL_LEADER', provinceCode: '91' };
const agencyKG: SessionUser = { ...base, role: 'AGENCY_OFFICER', provinceCode: '91', agencyId: 1 };
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedIfEmpty(db.prisma, { demo: true, now: NOW });
  useAsAppDatabase(db);
});
afterAll(async () => db?.destroy());

async function open(code: string, user: SessionUser = national): Promise<ProvinceContext> {
  const r = await openProvince(user, code);
  if (r.status !== 'ok') throw new Error(r.status);
  return r.data;
}

async function bump(provinceCode: string) {
  await db.prisma.dataVersion.upsert({
    where: { provinceCode },
    create: { provinceCode, version: 1 },
    update: { version: { increment: 1 } },
  });
}

describe('the SQL aggregation agrees with evaluateProvinceWeek', () => {
  it.each(['91', '12', '75', '37'])('province %s, every week of the demo data', async (code) => {
    const ctx = await open(code);
    const series = await getProvinceTrends(ctx, LAST, 52);
    expect(series).toHaveLength(52);
    for (const w of series) {
      const [y, n] = w.week.split('-W').map(Number);
      const js = (await referenceVerdict(db.prisma, code, { isoYear: y!, isoWeek: n! }))!;
      expect(w.counts, w.week).toEqual(js.counts);
      expect({ reported: w.reported, expected: w.expected, byField: w.byField }).toEqual({
        reported: js.completeness.reported,
        expected: js.completeness.expected,
        byField: js.completeness.byField,
      });
      expect(w.expectedByField).toEqual(js.completeness.expectedByField);
      expect(w.severityByField, w.week).toEqual(js.severityByField);
      expect({ level: w.level, provisional: w.provisional, settled: w.settled, criteria: w.criteria }).toEqual(
        js.verdict,
      );
    }
  });

  it("makes a province's total its own report plus its centres' (beds) and its communes' (cases)", async () => {
    const ctx = await open('91');
    const { current } = await getProvinceCards(ctx, LAST);
    const rows = await db.prisma.weeklyReport.findMany({
      where: { isoYear: LAST.isoYear, isoWeek: LAST.isoWeek, unit: { provinceCode: '91' } },
      select: { newCases: true, freeCovidBeds: true, oxygenAvg7d: true, unit: { select: { kind: true } } },
    });
    const own = rows.find((r) => r.unit.kind === 'province')!;
    const facilities = rows.filter((r) => r.unit.kind === 'facility');
    const communes = rows.filter((r) => r.unit.kind === 'commune');
    expect([facilities.length, communes.length, rows.length]).toEqual([6, 102, 109]);
    expect(current.counts.freeCovidBeds).toBe(
      own.freeCovidBeds! + facilities.reduce((s, r) => s + r.freeCovidBeds!, 0),
    );
    expect(current.counts.newCases).toBe(communes.reduce((s, r) => s + r.newCases!, 0));
    const oxygenCents = communes.reduce((s, r) => s + Math.round(r.oxygenAvg7d!.toNumber() * 100), 0);
    expect(current.counts.oxygenAvg7d).toBe(oxygenCents / 100);
  });
});

describe('completeness and provisional verdicts', () => {
  it('counts Lai Châu 43 of 44 units in the last week, Bình Lư missing, verdict provisional', async () => {
    const ctx = await open('12');
    const { current } = await getProvinceCards(ctx, LAST);
    expect({ reported: current.reported, expected: current.expected, provisional: current.provisional }).toEqual({
      reported: 43,
      expected: 44,
      provisional: true,
    });
    const units = await getProvinceUnits(ctx, LAST);
    expect(units.units.filter((u) => u.counts === null).map((u) => u.name)).toEqual(['Xã Bình Lư']);
  });

  it('shows weeks without any report as gaps (null), never zeros', async () => {
    const ctx = await open('37');
    const series = await getProvinceTrends(ctx, LAST, 60);
    const before = series.slice(0, 8); // the demo data covers the last 52 weeks only
    for (const w of before) {
      expect(w.counts).toEqual({
        newCases: null,
        oxygenAvg7d: null,
        freeCovidBeds: null,
        staffedIcuBeds: null,
        severeCases: null,
        newAdmissions: null,
        deaths: null,
      });
      expect(w.level).toBe('no-data');
      expect(w.criteria?.every((c) => c.rate === null)).toBe(true);
    }
    expect(series[8]!.counts.newCases).not.toBeNull();
  });
});

describe('the plan in force', () => {
  it("judges An Giang by its demo plan and the others' without a plan of their own by the default plan", async () => {
    expect((await getProvinceCards(await open('91'), LAST)).current.plan.key).toBe('an-giang-minh-hoa');
    expect((await getProvinceCards(await open('75'), LAST)).current.plan.key).toBe('default');
  });

  it('judges each week by the version in force then, and a new version invalidates the cached figures', async () => {
    const ctx = await open('91');
    const before = await getProvinceTrends(ctx, LAST, 6);
    expect(before.map((w) => w.plan.version)).toEqual([1, 1, 1, 1, 1, 1]);
    const plan = await db.prisma.plan.findUniqueOrThrow({
      where: { key: 'an-giang-minh-hoa' },
      include: { versions: true },
    });
    const v1 = plan.versions[0]!;
    const { id: _id, planId: _p, createdAt: _c, createdById: _b, ...row } = v1;
    const from = addWeeks(LAST, -2);
    // as the plan editor does: the new version and the province's data version bump in one transaction
    await db.prisma.$transaction(async (tx) => {
      await tx.planVersion.create({
        data: {
          ...row,
          planId: plan.id,
          version: 2,
          validFrom: new Date(`${weekMonday(from)}T00:00:00Z`),
          casesThreshold: 5000,
          note: 'test',
        },
      });
      await tx.dataVersion.upsert({
        where: { provinceCode: '91' },
        create: { provinceCode: '91', version: 1 },
        update: { version: { increment: 1 } },
      });
    });
    const after = await open('91');
    expect(after.fingerprint).not.toBe(ctx.fingerprint);
    const trend = await getProvinceTrends(after, LAST, 6);
    expect(trend.map((w) => w.plan.version)).toEqual([1, 1, 1, 2, 2, 2]);
    expect(trend[5]!.criteria!.find((c) => c.key === 'cases')).toMatchObject({ threshold: 5000, met: false });
    // the old version still judged the weeks before it
    expect(trend[2]!.criteria!.find((c) => c.key === 'cases')!.threshold).toBe(v1.casesThreshold.toNumber());
    await db.prisma.planVersion.deleteMany({ where: { planId: plan.id, version: 2 } });
    await bump('91');
  });
});

describe('the cache of computed figures', () => {
  it('is keyed by the data version: a save that bumps it is seen at once, nothing is recomputed otherwise', async () => {
    clearFiguresCache();
    const first = await getProvinceCards(await open('37'), LAST);
    const computed = figuresCacheStats().computations;
    const again = await getProvinceCards(await open('37'), LAST);
    expect(figuresCacheStats().computations).toBe(computed);
    expect(again.current).toBe(first.current); // the very same cached object

    // Phường Phủ Lý, Ninh Bình
    const unit = await db.prisma.adminUnit.findUniqueOrThrow({ where: { code: '13285' }, select: { id: true } });
    const report = await db.prisma.weeklyReport.findUniqueOrThrow({
      where: { unitId_isoYear_isoWeek: { unitId: unit.id, ...LAST } },
    });
    const versionBefore = await readProvinceFingerprint('37');
    await db.prisma.$transaction(async (tx) => {
      await tx.weeklyReport.update({
        where: { id: report.id },
        data: { newCases: report.newCases! + 1000, version: { increment: 1 } },
      });
      await tx.dataVersion.upsert({
        where: { provinceCode: '37' },
        create: { provinceCode: '37', version: 1 },
        update: { version: { increment: 1 } },
      });
    });
    expect(await readProvinceFingerprint('37')).not.toBe(versionBefore);
    const fresh = await getProvinceCards(await open('37'), LAST);
    expect(fresh.current.counts.newCases).toBe(first.current.counts.newCases! + 1000);
    // other provinces keep their entries
    expect(await readProvinceFingerprint('91')).toBe((await open('91')).fingerprint);
    await db.prisma.weeklyReport.update({ where: { id: report.id }, data: { newCases: report.newCases } });
    await bump('37');
  });

  it('treats a province without a DataVersion row as version 0', async () => {
    await db.prisma.dataVersion.deleteMany({ where: { provinceCode: '75' } });
    expect(await readProvinceFingerprint('75')).toBe('0');
    await bump('75');
    expect(await readProvinceFingerprint('75')).toBe('1');
  });
});

describe('heatmap and districts', () => {
  it('gives every commune of An Giang 12 weeks of the epidemic criteria over its own population', async () => {
    const ctx = await open('91');
    const heat = await getProvinceHeatmap(ctx, LAST);
    expect(heat.weeks).toEqual(weekRange(LAST, 12).map(formatIsoWeek));
    expect(heat.rows).toHaveLength(102);
    // hotspots first: a unit past a threshold in the last week never comes after one below it
    const lastMet = heat.rows.map((r) => Boolean(r.cells[11]!.casesMet || r.cells[11]!.oxygenMet));
    expect(lastMet.indexOf(false)).toBeGreaterThan(lastMet.lastIndexOf(true));
    const row = heat.rows.find((r) => r.code === '30742')!; // Phường Rạch Giá
    const unit = await db.prisma.adminUnit.findUniqueOrThrow({
      where: { code: '30742' },
      select: { id: true, populations: true },
    });
    const report = await db.prisma.weeklyReport.findUniqueOrThrow({
      where: { unitId_isoYear_isoWeek: { unitId: unit.id, ...LAST } },
    });
    const population = unit.populations[0]!.population;
    const verdict = evaluateDistrict(
      {
        newCases: report.newCases,
        oxygenAvg7d: report.oxygenAvg7d?.toNumber() ?? null,
        freeCovidBeds: report.freeCovidBeds,
        staffedIcuBeds: report.staffedIcuBeds,
      },
      population,
      ctx.meta.plans.find((p) => p.key === 'an-giang-minh-hoa')!,
    );
    const cell = row.cells[11]!;
    expect(cell.week).toBe('2026-W47');
    expect(cell.casesRate).toBeCloseTo((report.newCases! * 100_000) / population, 9);
    expect(cell.level).toBe(verdict.level);
    expect(cell.casesMet).toBe(verdict.criteria[0]!.met);
  });

  it('judges a commune on cases and oxygen only, and lists its reports with their audit history', async () => {
    const r = await openDistrict(leaderKG, '91', '30742');
    if (r.status !== 'ok') throw new Error(r.status);
    const { current } = await getDistrictCards(r.data, LAST);
    expect(
      current
        .criteria!.filter((c) => c.met !== null)
        .map((c) => c.key)
        .sort(),
    ).toEqual(['cases', 'oxygen']);
    const reports = await getDistrictReports(r.data, LAST, 4);
    expect(reports.map((x) => x.week)).toEqual(['2026-W47', '2026-W46', '2026-W45', '2026-W44']);
    const target = reports[0]!;
    await recordAudit(db.prisma, {
      actor: { id: null, label: DEMO_EMAILS.dataEntryKG },
      action: 'report.updated',
      targetType: 'WeeklyReport',
      targetId: String(target.id),
      provinceCode: '91',
      before: { unitCode: '30742', week: '2026-W47', version: 1, newCases: 10, oxygenAvg7d: 2.5 },
      after: { unitCode: '30742', week: '2026-W47', version: 2, newCases: 12, oxygenAvg7d: 2.5 },
    });
    const withHistory = await getDistrictReports(r.data, LAST, 1);
    expect(withHistory[0]!.history).toEqual([
      expect.objectContaining({
        action: 'report.updated',
        actor: DEMO_EMAILS.dataEntryKG,
        changes: [
          { field: 'version', before: 1, after: 2 },
          { field: 'newCases', before: 10, after: 12 },
        ],
      }),
    ]);
    expect((await openDistrict(leaderKG, '91', '03390')).status).toBe('not-found'); // a Lai Châu commune
  });
});

describe('scope and the banner status', () => {
  it('lets only readers of the province in; agency officers get the status without figures', async () => {
    expect((await openProvince(leaderKG, '12')).status).toBe('forbidden');
    expect((await openProvince(national, '99')).status).toBe('not-found');
    expect((await openProvince(agencyKG, '91')).status).toBe('forbidden');
    const status = await openProvince(agencyKG, '91', 'status');
    if (status.status !== 'ok') throw new Error(status.status);
    const s = await getSurgeStatus(status.data);
    expect(s).toMatchObject({ level: 'surge', criteria: [] });
  });

  it.each([
    ['91', 'surge'],
    ['12', 'warning'],
    ['75', 'normal'],
  ])('province %s is at %s in the last complete week, with the streak that led there', async (code, level) => {
    const s = await getSurgeStatus(await open(code));
    expect(s.week).toBe('2026-W47');
    expect(s.level).toBe(level);
    expect(s.streak.weeks).toBeGreaterThanOrEqual(1);
    expect(s.streak.since).toBe(formatIsoWeek(addWeeks(LAST, 1 - s.streak.weeks)));
    if (level !== 'normal') expect(s.criteria.some((c) => c.met)).toBe(true);
  });
});

describe('national overview', () => {
  it('lists every province, most severe first, with the counts and a 12-week sparkline', async () => {
    const r = await getNationalOverview(national, LAST);
    if (r.status !== 'ok') throw new Error(r.status);
    // the 34 provinces since the reform; the demo has data for four of them
    const rows = r.data.rows.map((x) => [x.code, x.level]);
    expect(rows).toHaveLength(34);
    // no data ranks before normal (src/server/dashboard/national.ts): a province not reporting is a concern
    expect(rows.slice(0, 2)).toEqual([
      ['91', 'surge'],
      ['12', 'warning'],
    ]);
    expect(rows.slice(2, 32).every(([, level]) => level === 'no-data')).toBe(true);
    expect(rows.slice(32).sort()).toEqual([
      ['37', 'normal'],
      ['75', 'normal'],
    ]);
    expect(r.data.counts).toEqual({ surge: 1, warning: 1, normal: 2, 'no-data': 30 });
    const kg = r.data.rows[0]!;
    expect(kg.spark).toHaveLength(12);
    const cards = await getProvinceCards(await open('91'), LAST);
    expect(kg.spark[11]).toBe(cards.current.criteria!.find((c) => c.key === 'cases')!.rate);
    expect((await getNationalOverview(leaderKG, LAST)).status).toBe('forbidden');
  });
});
