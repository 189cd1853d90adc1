import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIsoWeek, parseIsoWeek, type IsoWeek } from '@/lib/epi-week';
import type { SessionUser } from '@/lib/roles';
import { activateIfSurge } from '@/server/activation/open';
import { proposeActivation } from '@/server/activation/proposals';
import { runAutomaticRule } from '@/server/activation/rule';
import { getNationalOverview } from '@/server/dashboard/national';
import { openProvince, provinceHeader } from '@/server/dashboard/province';
import { missingReports } from '@/server/verdicts/missing';
import { loadProvinceVerdict } from '@/server/verdicts/province-verdict';
import { loadProvinceWeek } from '@/server/verdicts/province-week';
import { readAllProvinceVerdicts, readProvinceVerdict, readProvinceVerdicts } from '@/server/verdicts/read';
import { getBranchSeries, getHeatmap } from '@/server/verdicts/series';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';
import { builtInPlans, calmFigures, province, reports, surgeFigures, type FactoryProvince } from '../factories';

// Issue 15, items 2-4 on the verdict side: every verdict, completeness count, missing-reports list and dashboard figure
// follows the units expected to report in THAT week (valid on its Thursday), each counted for its own figures only;
// reports stored for units outside their validity ("báo cáo theo đơn vị cũ") are never counted; an ended province is
// never judged, never opens or proposes a plan, after its end; the national list has the provinces valid in the week.
//
// The world, on free codes:
// - 43 continues through the reform (as Lai Châu 12): its own row (open validity), 3 districts ending 30/06/2025,
//   2 new communes (from 01/07/2025), 2 communes that continued (open validity, reporting from 01/07/2025) and a
//   facility (a regional health centre, from 01/07/2025);
// - 41 ended on 30/06/2025 (as old Kiên Giang), with 2 districts;
// - 39 began on 01/07/2025 (as new An Giang): its own row, 2 communes, and no population.

const w = (s: string): IsoWeek => parseIsoWeek(s)!;
const W26 = w('2025-W26'); // Thursday 26/06/2025: the last district week
const W27 = w('2025-W27'); // Thursday 03/07/2025: the first commune week
const W10 = w('2026-W10');
const NOW_W11 = new Date('2026-03-10T03:00:00Z'); // Tuesday of 2026-W11: the latest complete week is 2026-W10
const d = (day: string) => new Date(`${day}T00:00:00Z`);

const national: SessionUser = {
  id: 1,
  email: 'n@x',
  name: 'N',
  role: 'NATIONAL_LEADER',
  provinceCode: null,
  unitId: null,
  agencyId: null,
};

let db: TestDatabase;
let p43: FactoryProvince;
let p41: FactoryProvince;

interface UnitOptions {
  validFrom?: string;
  validTo?: string;
  reportsFrom?: string;
  population?: number;
}

async function unit(
  code: string,
  kind: string,
  parent: { id: number; path: string; depth: number; provinceCode: string } | null,
  o: UnitOptions = {},
) {
  return db.prisma.adminUnit.create({
    data: {
      code,
      gsoCode: code,
      name: `${kind} ${code}`,
      kind,
      depth: parent ? parent.depth + 1 : 0,
      path: parent ? `${parent.path}/${code}` : code,
      provinceCode: parent ? parent.provinceCode : code,
      parentId: parent?.id ?? null,
      validFrom: o.validFrom ? d(o.validFrom) : null,
      validTo: o.validTo ? d(o.validTo) : null,
      reportsFrom: o.reportsFrom ? d(o.reportsFrom) : null,
      populations: o.population
        ? { create: { year: 2024, population: o.population, source: 'test', approximate: true } }
        : undefined,
    },
    select: { id: true, path: true, depth: true, provinceCode: true, code: true },
  });
}

const COMMUNES_43 = ['43901', '43902', '43903', '43904'];
const FACILITY_43 = '43F01';

beforeAll(async () => {
  db = await createTestDatabase();
  useAsAppDatabase(db);
  await builtInPlans(db.prisma);
  p43 = await province(db.prisma, { code: '43', districts: [100_000, 150_000, 250_000] });
  p41 = await province(db.prisma, { code: '41', districts: [100_000, 100_000] });
  // the reform: 43's districts and all of 41 end on 30/06/2025
  await db.prisma.adminUnit.updateMany({
    where: { code: { in: [...p43.districts.map((x) => x.code), '41', ...p41.districts.map((x) => x.code)] } },
    data: { validTo: d('2025-06-30') },
  });
  const root43 = await db.prisma.adminUnit.findUniqueOrThrow({
    where: { code: '43' },
    select: { id: true, path: true, depth: true, provinceCode: true },
  });
  await unit(COMMUNES_43[0]!, 'commune', root43, { validFrom: '2025-07-01', population: 125_000 });
  await unit(COMMUNES_43[1]!, 'commune', root43, { validFrom: '2025-07-01', population: 125_000 });
  await unit(COMMUNES_43[2]!, 'commune', root43, { reportsFrom: '2025-07-01', population: 125_000 });
  await unit(COMMUNES_43[3]!, 'commune', root43, { reportsFrom: '2025-07-01', population: 125_000 });
  await unit(FACILITY_43, 'facility', root43, { validFrom: '2025-07-01' });
  const root39 = await unit('39', 'province', null, { validFrom: '2025-07-01' });
  await unit('39901', 'commune', root39, { validFrom: '2025-07-01' });
  await unit('39902', 'commune', root39, { validFrom: '2025-07-01' });
}, 120_000);
afterAll(async () => db?.destroy());

describe('the units expected in a week', () => {
  it('W26: the province row and its districts; W27: communes (cases, oxygen), row and facility (beds, ICU)', async () => {
    const [v26, v27] = (await readProvinceVerdicts(db.prisma, '43', W26, W27))!;
    expect(v26!.expected).toBe(4);
    expect(v26!.expectedByField).toEqual({ newCases: 3, oxygenAvg7d: 4, freeCovidBeds: 4, staffedIcuBeds: 4 });
    expect(v27!.expected).toBe(6);
    expect(v27!.expectedByField).toEqual({ newCases: 4, oxygenAvg7d: 4, freeCovidBeds: 2, staffedIcuBeds: 2 });

    // the units table and the missing reports follow the same units
    const units26 = (await loadProvinceWeek('43', W26))!.units.map((u) => u.code);
    expect(units26).toEqual(['43', ...p43.districts.map((x) => x.code)]);
    const units27 = (await loadProvinceWeek('43', W27))!.units.map((u) => u.code).sort();
    expect(units27).toEqual(['43', ...COMMUNES_43, FACILITY_43].sort());
    const missing27 = await missingReports(db.prisma, '43', W27);
    expect(Object.fromEntries(missing27.map((m) => [m.unitCode, m.fields]))).toEqual({
      '43': ['freeCovidBeds', 'staffedIcuBeds'],
      ...Object.fromEntries(COMMUNES_43.map((c) => [c, ['newCases', 'oxygenAvg7d']])),
      [FACILITY_43]: ['freeCovidBeds', 'staffedIcuBeds'],
    });
    const missing26 = await missingReports(db.prisma, '43', W26);
    expect(missing26.find((m) => m.unitCode === '43')!.fields).toEqual([
      'oxygenAvg7d',
      'freeCovidBeds',
      'staffedIcuBeds',
    ]);

    // the dashboard's header, heat map and national meta read the same facts (cached, week-independent)
    const ctx = await openProvince(national, '43');
    if (ctx.status !== 'ok') throw new Error(ctx.status);
    expect(provinceHeader(ctx.data, W26).reportingUnits).toBe(4);
    expect(provinceHeader(ctx.data, W27).reportingUnits).toBe(6);
    expect(provinceHeader(ctx.data, W26).branches.map((b) => b.code)).toEqual(p43.districts.map((x) => x.code));
    expect((await getHeatmap(ctx.data.meta, W26, ctx.data.fingerprint)).rows.map((r) => r.code).sort()).toEqual(
      p43.districts.map((x) => x.code).sort(),
    );
    // facilities report beds only: no row on the heat map of the epidemic criteria
    expect((await getHeatmap(ctx.data.meta, W27, ctx.data.fingerprint)).rows.map((r) => r.code).sort()).toEqual(
      COMMUNES_43,
    );
  });

  it('W26 settles on its districts; a continuing commune’s row before it reports is not counted', async () => {
    await reports(db.prisma, p43, W26, {
      '43': { ...calmFigures(500_000), newCases: null },
      ...Object.fromEntries(p43.districts.map((x) => [x.code, calmFigures(x.population)])),
      // valid (open start) but reporting only from 01/07/2025: neither counted nor legacy
      [COMMUNES_43[2]!]: { newCases: 99_999 },
    });
    const v = (await readProvinceVerdict(db.prisma, '43', W26))!;
    const districtsCases = p43.districts.reduce((n, x) => n + calmFigures(x.population).newCases!, 0);
    expect(v.counts.newCases).toBe(districtsCases);
    expect({ level: v.level, settled: v.settled, reported: v.reported, legacy: v.legacy }).toEqual({
      level: 'normal',
      settled: true,
      reported: 4,
      legacy: 0,
    });
  });
});

describe('each unit counts for its own figures only', () => {
  it('a commune’s beds never stand in for the facility’s: the surge settles when the facility reports', async () => {
    const surgeCommune = { newCases: 600, oxygenAvg7d: 45 };
    await reports(db.prisma, p43, W27, {
      ...Object.fromEntries(COMMUNES_43.map((c) => [c, surgeCommune])),
      // not a commune's figures (the entry refuses them; stored here as an old import could have)
      [COMMUNES_43[0]!]: { ...surgeCommune, freeCovidBeds: 0, staffedIcuBeds: 0 },
      '43': { freeCovidBeds: 0, staffedIcuBeds: 0 },
    });
    const before = (await readProvinceVerdict(db.prisma, '43', W27))!;
    // only the province row's beds count: the commune's are in no count and no sum
    expect(before.byField.freeCovidBeds).toBe(1);
    expect(before.counts.freeCovidBeds).toBe(0);
    expect(before.level).toBe('surge');
    expect(before.settled).toBe(false);
    expect(before.criteria!.find((c) => c.key === 'freeBeds')!.settled).toBe(false);

    await reports(db.prisma, p43, W27, { [FACILITY_43]: { freeCovidBeds: 0, staffedIcuBeds: 0 } });
    const after = (await readProvinceVerdict(db.prisma, '43', W27))!;
    expect({ level: after.level, settled: after.settled, reported: after.reported }).toEqual({
      level: 'surge',
      settled: true,
      reported: 6,
    });
  });

  it('reports stored under ended districts after W26 are legacy: never counted in the verdict of W27', async () => {
    const base = (await readProvinceVerdict(db.prisma, '43', W27))!;
    await reports(db.prisma, p43, W27, {
      [p43.districts[0]!.code]: { newCases: 100_000, oxygenAvg7d: 900, freeCovidBeds: 500, staffedIcuBeds: 90 },
    });
    const v = (await readProvinceVerdict(db.prisma, '43', W27))!;
    expect(v.counts).toEqual(base.counts);
    expect({ level: v.level, settled: v.settled, reported: v.reported, expected: v.expected }).toEqual({
      level: base.level,
      settled: base.settled,
      reported: base.reported,
      expected: base.expected,
    });
    expect(v.legacy).toBe(1);
    // the district's own page shows the week as legacy, with its figures and no verdict
    const ctx = await openProvince(national, '43');
    if (ctx.status !== 'ok') throw new Error(ctx.status);
    const branch = ctx.data.meta.branches.find((b) => b.code === p43.districts[0]!.code)!;
    const series = await getBranchSeries(ctx.data.meta, branch, W27, ctx.data.fingerprint);
    const last = series[series.length - 1]!;
    expect({ week: last.week, valid: last.valid, level: last.level, criteria: last.criteria }).toEqual({
      week: '2025-W27',
      valid: false,
      level: 'no-data',
      criteria: null,
    });
    expect(last.counts.newCases).toBe(100_000);
    expect(last.legacy).toBe(1);
  });
});

describe('an ended province', () => {
  it('is judged in its weeks, shows only legacy sums after its end, and never opens or proposes a plan', async () => {
    await reports(db.prisma, p41, W26, {
      ...Object.fromEntries(p41.districts.map((x) => [x.code, calmFigures(x.population)])),
    });
    // the demo's situation: district weeks entered after the districts and their province ended
    const legacy = Object.fromEntries([
      ['41', { ...surgeFigures(200_000), newCases: null }],
      ...p41.districts.map((x) => [x.code, surgeFigures(x.population)]),
    ]);
    await reports(db.prisma, p41, W10, legacy);

    const v26 = (await readProvinceVerdict(db.prisma, '41', W26))!;
    expect({ valid: v26.valid, level: v26.level, expected: v26.expected }).toEqual({
      valid: true,
      level: 'normal',
      expected: 3,
    });
    const v10 = (await readProvinceVerdict(db.prisma, '41', W10))!;
    expect({
      valid: v10.valid,
      level: v10.level,
      criteria: v10.criteria,
      population: v10.population,
      expected: v10.expected,
      legacy: v10.legacy,
      settled: v10.settled,
    }).toEqual({
      valid: false,
      level: 'no-data',
      criteria: null,
      population: null,
      expected: 0,
      legacy: 3,
      settled: false,
    });
    expect(v10.counts.newCases).toBe(p41.districts.reduce((n, x) => n + surgeFigures(x.population).newCases!, 0));

    // never judged for the activation, so the automatic rule neither opens nor proposes the plan
    await db.prisma.$transaction(async (tx) => {
      expect(await loadProvinceVerdict(tx, '41', W10)).toBeNull();
      expect(await activateIfSurge(tx, { provinceCode: '41', week: W10, now: NOW_W11 })).toEqual({
        status: 'no-province',
      });
      const outcome = await runAutomaticRule(tx, {
        provinceCode: '41',
        weeks: [W10],
        actor: { id: null, label: 'test' },
        now: NOW_W11,
      });
      expect(outcome?.activation ?? null).toBeNull();
      expect(outcome?.proposal ?? null).toBeNull();
      // a verdict of a week it was valid in cannot be proposed for a week it was not
      const w26 = await loadProvinceVerdict(tx, '41', W26);
      await expect(proposeActivation(tx, { verdict: w26!, week: W10, now: NOW_W11 })).rejects.toThrow(/not valid/);
    });
    const province41 = await db.prisma.adminUnit.findUniqueOrThrow({ where: { code: '41' }, select: { id: true } });
    expect(await db.prisma.activation.count({ where: { provinceId: province41.id } })).toBe(0);
    expect(await db.prisma.activationProposal.count({ where: { provinceId: province41.id } })).toBe(0);
  });

  it('the same figures under a province valid in the week do open its plan (the guard is what stops 41)', async () => {
    await reports(db.prisma, p43, W10, {
      '43': { freeCovidBeds: 0, staffedIcuBeds: 0 },
      [FACILITY_43]: { freeCovidBeds: 0, staffedIcuBeds: 0 },
      ...Object.fromEntries(COMMUNES_43.map((c) => [c, { newCases: 600, oxygenAvg7d: 45 }])),
    });
    const outcome = await db.prisma.$transaction((tx) =>
      runAutomaticRule(tx, { provinceCode: '43', weeks: [W10], actor: { id: null, label: 'test' }, now: NOW_W11 }),
    );
    expect(outcome?.activation?.status).toBe('opened');
  });
});

describe('the national list', () => {
  it('has the provinces valid in the week, and no rate for a province without a population', async () => {
    const codes = async (week: IsoWeek) =>
      (await readAllProvinceVerdicts(db.prisma, week, week)).map((p) => p.code).sort();
    expect(await codes(W26)).toEqual(['41', '43']);
    expect(await codes(W27)).toEqual(['39', '43']);
    expect(await codes(w('2024-W10'))).toEqual(['41', '43']);
    expect(await codes(W10)).toEqual(['39', '43']);

    const overview = await getNationalOverview(national, W10);
    if (overview.status !== 'ok') throw new Error(overview.status);
    expect(overview.data.rows.map((r) => r.code).sort()).toEqual(['39', '43']);
    const p39 = overview.data.rows.find((r) => r.code === '39')!;
    expect({ population: p39.population, casesRate: p39.casesRate, level: p39.level, expected: p39.expected }).toEqual({
      population: null,
      casesRate: null,
      level: 'no-data',
      expected: 3,
    });
    const row43 = overview.data.rows.find((r) => r.code === '43')!;
    expect({ level: row43.level, expected: row43.expected, reported: row43.reported }).toEqual({
      level: 'surge',
      expected: 6,
      reported: 6,
    });
    // the sparkline's weeks before 39 began: no value, not a zero
    const spark = await getNationalOverview(national, W27);
    if (spark.status !== 'ok') throw new Error(spark.status);
    expect(spark.data.rows.find((r) => r.code === '39')!.spark.every((x) => x === null)).toBe(true);
    expect(formatIsoWeek(W27)).toBe(spark.data.week);
  });
});
