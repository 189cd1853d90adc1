// Builds the end-to-end worlds (tests/e2e/worlds.ts names them) with the test factories, on the end-to-end server's
// database after the demo seed and before the app starts (tests/e2e/server.ts).
import type { PrismaClient } from '@/generated/prisma/client';
import { addWeeks, weekMonday, type IsoWeek } from '@/lib/epi-week';
import { activateIfSurge } from '@/server/activation/open';
import { runAutomaticRule } from '@/server/activation/rule';
import { DEMO_ACCOUNTS, DEMO_EMAILS, type DemoAccountKey } from '@/server/seed/demo-accounts';
import { buildSyntheticReports } from '@/server/seed/synthetic-reports';
import { DISTRICTS, PROVINCES } from '../../prisma/data/geography/units';
import {
  calmFigures,
  everyUnit,
  openPlan,
  province,
  reports,
  surgeFigures,
  TEST_PASSWORD,
  user,
  type FactoryProvince,
  type Figures,
} from '../factories';
import {
  ACTIVATION_WORLD,
  FORMER_DISTRICT,
  FUZZ_WORLD,
  GROWTH_WORLD,
  demoUnits,
  LAI_CHAU_WORLDS,
  LEVEL_CHANGE_WORLD,
  LAST_WEEK,
  MATRIX_KG,
  MATRIX_LC,
  MATRIX_MIRRORED,
  mirrorAccount,
  shapedUnit,
  type ShapedWorld,
  MATRIX_WORLD,
  POPULATION_WORLD,
  PROPOSAL_WORLD,
  SIGN_OUT_WORLD,
  TASKS_WORLD,
  TIME_WORLD,
  UNITS_WORLD,
  VERDICT_WORLD,
  WORLD_PASSWORD,
} from './worlds';

const AN_EARLIER_WEEK: IsoWeek = { isoYear: 2026, isoWeek: 40 };

/**
 * Epidemic criteria met, capacity ones not (early warning). The province's own row reports no cases (as in Lai Châu);
 * the reported districts' cases make the province's rate just past the threshold of 450 per 100,000, so that in the
 * national overview Lai Châu's rate stays the higher of the two provinces in early warning.
 */
function warningWeek(p: FactoryProvince, unreported: string): Record<string, Figures> {
  const reported = p.districts.filter((d) => d.code !== unreported);
  const cases = Math.ceil((450.5 * p.population) / 100_000);
  const share = reported.reduce((a, d) => a + d.population, 0);
  const figures: Record<string, Figures> = {
    [p.code]: { ...calmFigures(p.population), newCases: null, oxygenAvg7d: surgeFigures(p.population).oxygenAvg7d },
  };
  let left = cases;
  for (const [i, d] of reported.entries()) {
    const n = i === reported.length - 1 ? left : Math.round((cases * d.population) / share);
    left -= n;
    figures[d.code] = {
      ...calmFigures(d.population),
      newCases: n,
      oxygenAvg7d: surgeFigures(d.population).oxygenAvg7d,
    };
  }
  return figures;
}

async function activationWorld(db: PrismaClient): Promise<void> {
  const w = ACTIVATION_WORLD;
  const names = [
    w.unreported.name,
    w.other.name,
    ...Array.from({ length: w.districts - 2 }, (_, i) => `Huyện Ứng phó ${i + 3}`),
  ];
  const p = await province(db, {
    code: w.code,
    name: w.name,
    plan: 'lai-chau',
    districts: names.map((name, i) => ({ name, population: 40_000 + 5_000 * i })),
  });
  await reports(db, p, LAST_WEEK, warningWeek(p, w.unreported.code));
  await user(db, 'PROVINCIAL_DATA_ENTRY', { ...w.dataEntry, province: p, canSignIn: true });
  await user(db, 'PROVINCIAL_LEADER', { ...w.leader, province: p, canSignIn: true });
  await user(db, 'LOCAL_OFFICER', {
    ...w.districtOfficer,
    province: p,
    unit: district(p, w.unreported.code),
    canSignIn: true,
  });
}

async function tasksWorld(db: PrismaClient, now: Date): Promise<void> {
  const w = TASKS_WORLD;
  const p = await province(db, {
    code: w.code,
    name: w.name,
    plan: 'kien-giang',
    districts: [{ name: w.district.name, population: 230_000 }, 120_000, 90_000],
  });
  // opened by the automatic rule in an earlier week: the plan stays open, the last complete week has no figures
  await openPlan(db, p, AN_EARLIER_WEEK, now);
  const soYTe = p.agencies.find((a) => a.code === 'so-y-te');
  if (!soYTe) throw new Error('the Kiên Giang response plan has no body "so-y-te"');
  await user(db, 'LOCAL_OFFICER', {
    ...w.districtOfficer,
    province: p,
    unit: district(p, w.district.code),
    canSignIn: true,
  });
  await user(db, 'AGENCY_OFFICER', { ...w.agencyOfficer, province: p, agency: soYTe, canSignIn: true });
  await user(db, 'PROVINCIAL_LEADER', { ...w.leader, province: p, canSignIn: true });
}

async function fuzzWorld(db: PrismaClient): Promise<void> {
  const w = FUZZ_WORLD;
  const p = await province(db, { code: w.code, name: w.name, plan: 'kien-giang' });
  for (let week = 1; week <= 40; week++)
    await reports(db, p, { isoYear: 2026, isoWeek: week }, everyUnit(p, calmFigures));
  await user(db, 'PROVINCIAL_DATA_ENTRY', { ...w.dataEntry, province: p, canSignIn: true });
  await user(db, 'PROVINCIAL_LEADER', { ...w.leader, province: p, canSignIn: true });
}

async function matrixWorld(db: PrismaClient): Promise<void> {
  const w = MATRIX_WORLD;
  const p = await province(db, { code: w.code, name: w.name, plan: 'kien-giang' });
  await user(db, 'PROVINCIAL_LEADER', { ...w.leader, province: p, canSignIn: true });
}

async function verdictWorld(
  db: PrismaClient,
  w: typeof VERDICT_WORLD | typeof PROPOSAL_WORLD,
  now: Date,
): Promise<void> {
  const p = await province(db, {
    code: w.code,
    name: w.name,
    plan: 'lai-chau',
    population: w.population,
    districts: Array.from({ length: w.districts }, () => 57_000),
  });
  // the issue's Lai Châu example without the provincial hospitals' row: 2,100 cases (456 per 100,000), 32 free beds
  // (6.95) and 8 ICU beds (1.74) from the districts alone
  const cases = 2_100 / w.districts;
  await reports(
    db,
    p,
    LAST_WEEK,
    Object.fromEntries(
      p.districts.map((d, i) => [
        d.code,
        {
          newCases: i < 2_100 % w.districts ? Math.ceil(cases) : Math.floor(cases),
          oxygenAvg7d: 1,
          freeCovidBeds: 4,
          staffedIcuBeds: 1,
        },
      ]),
    ),
  );
  // a week without an outbreak and without COVID-19 beds set up: 10 cases, no free beds, no ICU, every unit reported
  const quiet = { oxygenAvg7d: 0, freeCovidBeds: 0, staffedIcuBeds: 0 };
  await reports(db, p, addWeeks(LAST_WEEK, -1), {
    [p.code]: { ...quiet, newCases: null },
    ...Object.fromEntries(p.districts.map((d, i) => [d.code, { ...quiet, newCases: i < 2 ? 5 : 0 }])),
  });
  // the proposal world: the automatic rule after the districts' saves, as a save runs it
  if (w.code === PROPOSAL_WORLD.code)
    await db.$transaction((tx) =>
      runAutomaticRule(tx, { provinceCode: p.code, weeks: [LAST_WEEK], actor: { id: null, label: 'world' }, now }),
    );
  await user(db, 'PROVINCIAL_LEADER', { ...w.leader, province: p, canSignIn: true });
  await user(db, 'PROVINCIAL_DATA_ENTRY', { ...w.dataEntry, province: p, canSignIn: true });
}

/** worlds.ts GROWTH_WORLD: cases on the two districts, deaths and severe cases on the provincial hospitals' row. */
async function growthWorld(db: PrismaClient): Promise<void> {
  const w = GROWTH_WORLD;
  const p = await province(db, {
    code: w.code,
    name: w.name,
    plan: 'default',
    responsePlan: false,
    districts: [w.population * 0.6, w.population * 0.4],
  });
  for (const [i, label] of w.weeks.entries()) {
    const [isoYear, isoWeek] = label.split('-W').map(Number) as [number, number];
    const cases = w.cases[i]!;
    const east = Math.round(cases * 0.6);
    // the severity figures through a variable: the factories' Figures names the four judged ones and the totals
    const hospitals: Figures & { severeCases: number; deaths: number } = {
      ...calmFigures(w.population),
      newCases: null,
      oxygenAvg7d: 12 + i / 2,
      severeCases: w.severeCases[i]!,
      deaths: w.deaths[i]!,
    };
    const quiet = { oxygenAvg7d: 0, freeCovidBeds: 0, staffedIcuBeds: 0 };
    const units = {
      [p.code]: hospitals,
      [p.districts[0]!.code]: { ...quiet, newCases: east },
      [p.districts[1]!.code]: { ...quiet, newCases: cases - east },
    };
    await reports(db, p, { isoYear, isoWeek }, units);
  }
  await user(db, 'PROVINCIAL_LEADER', { ...w.leader, province: p, canSignIn: true });
}

async function populationWorld(db: PrismaClient): Promise<void> {
  const w = POPULATION_WORLD;
  const p = await province(db, {
    code: w.code,
    name: w.name,
    plan: 'default',
    responsePlan: false,
    districts: w.districts.map((name, i) => ({ name, population: 80_000 + 10_000 * i })),
  });
  // made here, not by the factory, which gives every unit a population; it files no reports (the spec reads no week)
  await db.adminUnit.create({
    data: {
      code: w.commune.code,
      gsoCode: w.commune.code,
      name: w.commune.name,
      kind: 'commune',
      unitType: 'Xã',
      depth: 1,
      path: `${p.code}/${w.commune.code}`,
      provinceCode: p.code,
      parentId: p.id,
      reports: false,
      validFrom: new Date(`${w.commune.validFrom}T00:00:00Z`),
    },
  });
}

async function unitsWorld(db: PrismaClient): Promise<void> {
  const w = UNITS_WORLD;
  const p = await province(db, {
    code: w.code,
    name: w.name,
    population: 500_000,
    plan: 'default',
    responsePlan: false,
    districts: [],
  });
  // a catalogue's units from 01/07/2025: a catalogue update (the spec's) reaches them, and no other world; before
  // that day code 63 names the former province
  const reform = new Date('2025-07-01T00:00:00Z');
  await db.adminUnit.update({
    where: { id: p.id },
    data: { fromCatalogue: true, unitType: 'Tỉnh', validFrom: reform },
  });
  await db.adminUnit.create({
    data: {
      code: w.commune.code,
      gsoCode: w.commune.code,
      name: w.commune.name,
      kind: 'commune',
      unitType: 'Xã',
      depth: 1,
      path: `${p.code}/${w.commune.code}`,
      provinceCode: p.code,
      parentId: p.id,
      fromCatalogue: true,
      validFrom: reform,
    },
  });
  const former = await db.adminUnit.create({
    data: {
      code: w.former.code,
      gsoCode: w.code,
      name: w.former.name,
      kind: 'province',
      depth: 0,
      path: w.former.code,
      provinceCode: w.former.code,
      validTo: new Date('2025-06-30T00:00:00Z'),
    },
  });
  await db.unitSuccession.create({
    data: { fromId: former.id, toId: p.id, share: 'full', effectiveDate: reform },
  });
  await user(db, 'PROVINCIAL_LEADER', { ...w.formerLeader, province: { code: w.former.code }, canSignIn: true });
}

/** A unit made here, not by the factory (which gives every unit a population and no validity). */
async function timeUnit(
  db: PrismaClient,
  parent: { id: number; code: string },
  u: { code: string; name: string; kind: string; validFrom?: string; validTo?: string; population?: number },
): Promise<{ id: number }> {
  return db.adminUnit.create({
    data: {
      code: u.code,
      gsoCode: u.code,
      name: u.name,
      kind: u.kind,
      depth: 1,
      path: `${parent.code}/${u.code}`,
      provinceCode: parent.code,
      parentId: parent.id,
      validFrom: u.validFrom ? new Date(`${u.validFrom}T00:00:00Z`) : null,
      validTo: u.validTo ? new Date(`${u.validTo}T00:00:00Z`) : null,
      populations: u.population
        ? { create: { year: 2025, population: u.population, approximate: true, source: 'test' } }
        : undefined,
    },
    select: { id: true },
  });
}

export async function timeWorld(db: PrismaClient): Promise<void> {
  const w = TIME_WORLD;
  const reform = '2025-07-01';
  const ended = new Date('2025-06-30T00:00:00Z');
  const p = await province(db, {
    code: w.code,
    name: w.name,
    population: w.population,
    plan: 'default',
    responsePlan: false,
    districts: [{ name: w.endedDistrict.name, population: 100_000 }],
  });
  await db.adminUnit.update({ where: { code: w.endedDistrict.code }, data: { validTo: ended } });
  await timeUnit(db, p, { ...w.commune, kind: 'commune', validFrom: reform });
  await reports(db, p, LAST_WEEK, {
    [p.code]: { freeCovidBeds: 30, staffedIcuBeds: 6 },
    [w.commune.code]: { newCases: w.commune.cases, oxygenAvg7d: 1 },
    [w.endedDistrict.code]: { newCases: w.endedDistrict.legacyCases, oxygenAvg7d: 0.5 },
  });

  const old = await province(db, {
    code: w.ended.code,
    name: w.ended.name,
    population: 400_000,
    plan: 'default',
    responsePlan: false,
    districts: [400_000],
  });
  await db.adminUnit.updateMany({ where: { provinceCode: old.code }, data: { validTo: ended } });
  // beds and ICU at 0 with thousands of cases: a surge, were the ended province judged after its end
  await reports(db, old, LAST_WEEK, {
    [w.ended.district]: { newCases: w.ended.legacyCases, oxygenAvg7d: 500, freeCovidBeds: 0, staffedIcuBeds: 0 },
  });

  const next = await province(db, {
    code: w.noPopulation.code,
    name: w.noPopulation.name,
    plan: 'default',
    responsePlan: false,
    districts: [],
  });
  await db.unitPopulation.deleteMany({ where: { unitId: next.id } });
  await db.adminUnit.update({ where: { id: next.id }, data: { validFrom: new Date(`${reform}T00:00:00Z`) } });
  await timeUnit(db, next, {
    code: w.noPopulation.commune,
    name: 'Xã Chưa có Dân số',
    kind: 'commune',
    validFrom: reform,
  });
  await reports(db, next, LAST_WEEK, { [w.noPopulation.commune]: { newCases: w.noPopulation.cases, oxygenAvg7d: 2 } });
  await db.unitSuccession.create({
    data: { fromId: old.id, toId: next.id, share: 'full', effectiveDate: new Date(`${reform}T00:00:00Z`) },
  });
  await user(db, 'NATIONAL_LEADER', { ...w.national, canSignIn: true });
}

async function signOutWorld(db: PrismaClient): Promise<void> {
  await user(db, 'PROVINCIAL_LEADER', { ...SIGN_OUT_WORLD.leaderKG, province: { code: '91' }, canSignIn: true });
}

/**
 * A province shaped like a demo one, with the demo's reports of it under its own codes (worlds.ts ShapedWorld): the
 * seed's builder given the demo's codes gives the very figures of the demo, each entered on the Monday after its week
 * as the seed enters them (so the completeness page shows them on time); then the automatic rule runs on the last
 * complete week, as after the seed. Its accounts mirror the demo's (mirrorAccount).
 */
async function shapedWorld(db: PrismaClient, w: ShapedWorld, accounts: DemoAccountKey[], now: Date): Promise<void> {
  const [own, ...districtCodes] = demoUnits(w.shapeOf);
  const demo = PROVINCES.find((x) => x.code === own)!;
  const districts = districtCodes.map((code) => DISTRICTS.find((d) => d.code === code)!);
  const p = await province(db, {
    code: w.code,
    name: w.name,
    plan: w.shapeOf === '91' ? 'kien-giang' : 'lai-chau',
    population: demo.population,
    districts: districts.map((d) => ({ name: d.name, population: d.population })),
  });
  const units = [
    { code: demo.code, kind: 'province' as const, population: demo.population },
    ...districts.map((d) => ({ code: d.code, kind: 'district' as const, population: d.population })),
  ];
  const idByCode = new Map([[p.code, p.id], ...p.districts.map((d) => [d.code, d.id] as const)]);
  const enteredAt = (week: IsoWeek) => {
    const at = new Date(`${weekMonday(addWeeks(week, 1))}T02:00:00Z`);
    return at > now ? now : at;
  };
  await db.weeklyReport.createMany({
    data: buildSyntheticReports(demo.code, units, LAST_WEEK).map(({ unitCode, ...r }) => ({
      ...r,
      unitId: idByCode.get(shapedUnit(w, unitCode))!,
      createdAt: enteredAt(r),
      updatedAt: enteredAt(r),
    })),
  });
  await db.$transaction((tx) => activateIfSurge(tx, { provinceCode: p.code, week: LAST_WEEK, now }));
  for (const key of accounts) {
    const a = DEMO_ACCOUNTS.find((x) => x.email === DEMO_EMAILS[key])!;
    const agency = a.agencyCode ? p.agencies.find((x) => x.code === a.agencyCode) : undefined;
    if (a.agencyCode && !agency) throw new Error(`world ${w.code} has no body ${a.agencyCode}`);
    await user(db, a.role, {
      ...mirrorAccount(w, key),
      province: p,
      unit: a.unitCode ? district(p, shapedUnit(w, FORMER_DISTRICT[a.unitCode] ?? a.unitCode)) : undefined,
      agency,
      canSignIn: true,
    });
  }
}

function district(p: FactoryProvince, code: string): { id: number } {
  const d = p.districts.find((x) => x.code === code);
  if (!d) throw new Error(`world ${p.code} has no district ${code}`);
  return d;
}

/** Every world, on a database the demo was just seeded into. */
export async function buildWorlds(db: PrismaClient, now: Date): Promise<void> {
  if (WORLD_PASSWORD !== TEST_PASSWORD)
    throw new Error("tests/e2e/worlds.ts WORLD_PASSWORD is not the factories' TEST_PASSWORD");
  await activationWorld(db);
  await tasksWorld(db, now);
  await fuzzWorld(db);
  await matrixWorld(db);
  await populationWorld(db);
  await signOutWorld(db);
  await unitsWorld(db);
  await timeWorld(db);
  await growthWorld(db);
  await verdictWorld(db, VERDICT_WORLD, now);
  await verdictWorld(db, PROPOSAL_WORLD, now);
  for (const w of LAI_CHAU_WORLDS)
    await shapedWorld(db, w, w === LEVEL_CHANGE_WORLD ? ['dataEntryLC', 'districtLC'] : ['dataEntryLC'], now);
  for (const w of [MATRIX_KG, MATRIX_LC]) await shapedWorld(db, w, MATRIX_MIRRORED[w.shapeOf], now);
}
