// Test data built per test: a province with its districts and plan, users in any role and scope, weekly reports.
// Each test creates what it needs in its own throw-away database instead of reading the shared demo world, so a test
// says what it depends on and tests can run side by side. The units and plans are written by the seed's own builders
// (src/server/seed/reference-data.ts), so a factory province is stored exactly as a seeded one.
import { SESSION_USER_SELECT } from '@/server/users/session-user';
import type { PrismaClient } from '@/generated/prisma/client';
import type { Role } from '@/generated/prisma/enums';
import type { IsoWeek } from '@/lib/epi-week';
import type { SessionUser } from '@/lib/roles';
import { PLANS, type BuiltInPlanKey, type Plan } from '@/lib/surge';
import { activateIfSurge } from '@/server/activation/open';
import { hashPassword } from '@/server/auth/password';
import { createPlan, createUnit, RESPONSE_PLANS } from '@/server/seed/reference-data';
import { buildSyntheticReports } from '@/server/seed/synthetic-reports';
import { DEMO_ACCOUNTS, DEMO_EMAILS, type DemoAccountKey } from '@/server/seed/demo-accounts';
import { DISTRICTS, PROVINCES } from '../../prisma/data/geography/units';

export type Db = Pick<
  PrismaClient,
  'adminUnit' | 'plan' | 'agency' | 'user' | 'weeklyReport' | 'dataVersion' | 'unitPopulation'
>;

/**
 * Province codes no real province had before or after 2025 (the GSO list skips them) and the demo does not use, so a
 * factory province never meets a seeded one, on a test database or on the end-to-end server beside the demo.
 */
export const FREE_PROVINCE_CODES = [
  '97', '98', '99', '90', '88', '85', '81', '78', '76', '73', '71', '69', '65', '63', '61', '59', '57', '55', '53',
  '50', '47', '43', '41', '39', '32', '29', '28', '23', '21', '18', '16', '13', '09', '07', '05', '03',
] as const; // prettier-ignore

let nextCode = 0;

export interface FactoryDistrict {
  id: number;
  code: string;
  name: string;
  population: number;
}

export interface FactoryProvince {
  id: number;
  code: string;
  name: string;
  population: number;
  /** the threshold plan the province answers to (a copy of a built-in one, keyed for this province) */
  plan: Plan;
  planId: number;
  districts: FactoryDistrict[];
  /** the response plan's bodies (agencies), when the province was given one */
  agencies: Array<{ id: number; code: string; kind: 'PROVINCE_BODY' | 'DISTRICT_COMMITTEE' }>;
}

export interface ProvinceOptions {
  /** a 2-digit code; by default the next of FREE_PROVINCE_CODES */
  code?: string;
  name?: string;
  population?: number;
  /** the districts, by population or with their name (their count is this array's length); default three districts */
  districts?: Array<number | { population: number; name: string }>;
  /** the built-in plan whose thresholds the province takes; default 'kien-giang' */
  plan?: BuiltInPlanKey;
  /** also create the plan's response bodies and tasks (needed to open a plan); default true */
  responsePlan?: boolean;
}

/** A province with its districts, populations and threshold plan (and response plan, unless told otherwise). */
export async function province(db: Db, options: ProvinceOptions = {}): Promise<FactoryProvince> {
  const code = options.code ?? FREE_PROVINCE_CODES[nextCode++ % FREE_PROVINCE_CODES.length]!;
  const districtInputs = (options.districts ?? [100_000, 150_000, 250_000]).map((d) =>
    typeof d === 'number' ? { population: d, name: undefined } : d,
  );
  const population = options.population ?? districtInputs.reduce((a, b) => a + b.population, 0);
  const name = options.name ?? `Tỉnh Thử nghiệm ${code}`;
  const base = PLANS[options.plan ?? 'kien-giang'];
  const plan: Plan = { ...base, key: `${base.key}-test-${code}`, provinceCode: code, name: `${base.name} (${name})` };
  const response =
    options.responsePlan === false
      ? undefined
      : RESPONSE_PLANS.find((r) => r.planKey === (options.plan ?? 'kien-giang'));
  const root = await createUnit(db as PrismaClient, { code, name, kind: 'province', population }, null);
  const districts: FactoryDistrict[] = [];
  for (const [i, input] of districtInputs.entries()) {
    const d = {
      code: `${code}${String(i + 1).padStart(2, '0')}`,
      name: input.name ?? `Huyện Thử nghiệm ${code}-${i + 1}`,
    };
    const p = input.population;
    const created = await createUnit(db as PrismaClient, { ...d, kind: 'district', population: p }, root);
    districts.push({ id: created.id, ...d, population: p });
  }
  const { id: planId } = await createPlan(db as PrismaClient, plan, response, 'test');
  const agencies = await db.agency.findMany({
    where: { planId },
    select: { id: true, code: true, kind: true },
    orderBy: { order: 'asc' },
  });
  return { id: root.id, code, name, population, plan, planId, districts, agencies };
}

/** The plans every database holds (the built-in ones, those not there yet); a factory province brings its own. */
export async function builtInPlans(db: Db): Promise<void> {
  for (const plan of Object.values(PLANS))
    if (!(await db.plan.findUnique({ where: { key: plan.key }, select: { id: true } })))
      await createPlan(db as PrismaClient, plan, undefined);
}

/**
 * One province of the seed's reference data, as the seed stores it (real code, districts, names, populations; the
 * built-in plans with their response plans), without the demo's reports and accounts: for tests whose fixtures name
 * real units (the Lai Châu CSV files) or that read a built-in plan. Call it before builtInPlans.
 */
export async function referenceProvince(db: Db, code: string): Promise<FactoryProvince> {
  for (const plan of Object.values(PLANS))
    if (!(await db.plan.findUnique({ where: { key: plan.key }, select: { id: true } })))
      await createPlan(
        db as PrismaClient,
        plan,
        RESPONSE_PLANS.find((r) => r.planKey === plan.key),
      );
  const seed = PROVINCES.find((p) => p.code === code);
  if (!seed) throw new Error(`no reference province ${code}`);
  const root = await createUnit(db as PrismaClient, seed, null);
  const districts: FactoryDistrict[] = [];
  for (const d of DISTRICTS.filter((x) => x.parentCode === code)) {
    const created = await createUnit(db as PrismaClient, d, root);
    districts.push({ id: created.id, code: d.code, name: d.name, population: d.population });
  }
  const plan = Object.values(PLANS).find((p) => p.provinceCode === code) ?? PLANS.default;
  const { id: planId } = await db.plan.findUniqueOrThrow({ where: { key: plan.key }, select: { id: true } });
  const agencies = await db.agency.findMany({
    where: { planId },
    select: { id: true, code: true, kind: true },
    orderBy: { order: 'asc' },
  });
  return { id: root.id, code, name: seed.name, population: seed.population, plan, planId, districts, agencies };
}

export type Figures = {
  newCases?: number | null;
  oxygenAvg7d?: number | null;
  freeCovidBeds?: number | null;
  staffedIcuBeds?: number | null;
  totalCovidBeds?: number | null;
  totalIcuBeds?: number | null;
  severeCases?: number | null;
  newAdmissions?: number | null;
  deaths?: number | null;
};

/**
 * Weekly reports as a save stores them: one row per unit given (unit code -> figures), then the province's data
 * version bumped so cached figures are recomputed. Rows that exist are replaced (their version increases).
 */
export async function reports(
  db: Db,
  p: Pick<FactoryProvince, 'code'>,
  week: IsoWeek,
  figures: Record<string, Figures>,
  by?: { id: number },
): Promise<void> {
  for (const [unitCode, f] of Object.entries(figures)) {
    const unit = await db.adminUnit.findUniqueOrThrow({ where: { code: unitCode }, select: { id: true } });
    const key = { unitId_isoYear_isoWeek: { unitId: unit.id, isoYear: week.isoYear, isoWeek: week.isoWeek } };
    await db.weeklyReport.upsert({
      where: key,
      create: { unitId: unit.id, isoYear: week.isoYear, isoWeek: week.isoWeek, ...f, createdById: by?.id ?? null },
      update: { ...f, version: { increment: 1 }, updatedById: by?.id ?? null },
    });
  }
  await db.dataVersion.upsert({
    where: { provinceCode: p.code },
    create: { provinceCode: p.code, version: 1 },
    update: { version: { increment: 1 } },
  });
}

/**
 * The demo's synthetic weekly reports for a province (the seed's own builder, so a reference province gets the very
 * numbers the demo has), `weeks` weeks ending with `last`: for tests that need a history, not a demo world.
 */
export async function demoReports(db: Db, p: FactoryProvince, last: IsoWeek, weeks = 52): Promise<number> {
  const units = [
    { code: p.code, kind: 'province' as const, population: p.population, id: p.id },
    ...p.districts.map((d) => ({ code: d.code, kind: 'district' as const, population: d.population, id: d.id })),
  ];
  const idByCode = new Map(units.map((u) => [u.code, u.id]));
  const rows = buildSyntheticReports(p.code, units, last, weeks);
  await db.weeklyReport.createMany({
    data: rows.map(({ unitCode, ...r }) => ({ ...r, unitId: idByCode.get(unitCode)! })),
  });
  return rows.length;
}

/**
 * Figures per 100,000 that put a unit of this population in the given state of the Kiên Giang or Lai Châu plans, also
 * when the province's own row and its districts are summed over the province's population (everyUnit): twice the
 * rates, still clear of the thresholds (beds < 10, ICU < 4).
 */
export function surgeFigures(population: number): Figures {
  const per = population / 100_000;
  return {
    newCases: Math.ceil(500 * per),
    oxygenAvg7d: Math.ceil(40 * per),
    freeCovidBeds: Math.floor(2 * per),
    staffedIcuBeds: Math.floor(1 * per),
  };
}

export function calmFigures(population: number): Figures {
  const per = population / 100_000;
  return {
    newCases: Math.floor(20 * per),
    oxygenAvg7d: Math.floor(1 * per),
    freeCovidBeds: Math.ceil(60 * per),
    staffedIcuBeds: Math.ceil(20 * per),
  };
}

/** Epidemic criteria met, capacity ones not: early warning, one capacity figure away from surge. */
export function warningFigures(population: number): Figures {
  return {
    ...surgeFigures(population),
    freeCovidBeds: calmFigures(population).freeCovidBeds,
    staffedIcuBeds: calmFigures(population).staffedIcuBeds,
  };
}

/** The same figures for the province's own row and every district. */
export function everyUnit(p: FactoryProvince, figures: (population: number) => Figures): Record<string, Figures> {
  return Object.fromEntries([
    [p.code, figures(p.population)],
    ...p.districts.map((d) => [d.code, figures(d.population)] as const),
  ]);
}

/**
 * The province in surge for the week on every unit, and its response plan opened by the automatic rule, as a save (or
 * the demo seed) opens it.
 */
export async function openPlan(
  db: PrismaClient,
  p: FactoryProvince,
  week: IsoWeek,
  now: Date,
): Promise<{ id: number; tasks: number }> {
  await reports(db, p, week, everyUnit(p, surgeFigures));
  const r = await db.$transaction((tx) => activateIfSurge(tx, { provinceCode: p.code, week, now }));
  if (r.status !== 'opened') throw new Error(`the plan of ${p.code} did not open: ${r.status}`);
  return { id: r.activationId, tasks: r.tasks };
}

export const TEST_PASSWORD = 'factory-password-1';
let testPasswordHash: Promise<string> | null = null;
let nextUser = 0;

export interface UserOptions {
  province?: Pick<FactoryProvince, 'code'>;
  /** a district officer's district */
  unit?: { id: number };
  /** an agency officer's body */
  agency?: { id: number };
  email?: string;
  name?: string;
  /** hash TEST_PASSWORD so the user can sign in (Argon2 is slow on purpose: only when a test signs in) */
  canSignIn?: boolean;
}

/**
 * A user in a role and scope, as an administrator would create them, returned as the app sees them after sign-in (the
 * password, when asked for, is TEST_PASSWORD).
 */
export async function user(db: Db, role: Role, options: UserOptions = {}): Promise<SessionUser> {
  const n = ++nextUser;
  const email = options.email ?? `${role.toLowerCase().replace(/_/g, '.')}.${n}.${process.pid}@test.surgewatch.vn`;
  const passwordHash = options.canSignIn ? await (testPasswordHash ??= hashPassword(TEST_PASSWORD)) : '!';
  const created = await db.user.create({
    data: {
      email,
      name: options.name ?? `Người dùng thử ${n}`,
      role,
      provinceCode: options.province?.code ?? null,
      unitId: options.unit?.id ?? null,
      agencyId: options.agency?.id ?? null,
      passwordHash,
    },
    select: SESSION_USER_SELECT,
  });
  return { ...created, role: created.role as SessionUser['role'] };
}

/**
 * The reference provinces are the 2023 ones, with districts (referenceProvince): the demo's local officers, scoped to a
 * commune since the 2025 reform, are scoped here to the district their commune was formed in.
 */
const FORMER_DISTRICT: Record<string, string> = {
  '30742': '899', // Phường Rạch Giá ← Thành phố Rạch Giá
  '03390': '106', // Xã Bình Lư ← Huyện Tam Đường
};

/**
 * The demo's accounts (DEMO_ACCOUNTS: addresses, names, roles, scopes) on the reference provinces of Kiên Giang and
 * Lai Châu, which the caller creates first with referenceProvince; they sign in with TEST_PASSWORD. For tests about
 * roles and scopes that name the demo's people, without the demo's reports.
 */
export async function demoAccounts(db: Db): Promise<Record<DemoAccountKey, SessionUser>> {
  const out = {} as Record<DemoAccountKey, SessionUser>;
  for (const [key, email] of Object.entries(DEMO_EMAILS) as Array<[DemoAccountKey, string]>) {
    const a = DEMO_ACCOUNTS.find((x) => x.email === email)!;
    const planKey = RESPONSE_PLANS.find((r) => r.provinceCode === a.provinceCode)?.planKey;
    const unitCode = a.unitCode ? (FORMER_DISTRICT[a.unitCode] ?? a.unitCode) : undefined;
    const unit = unitCode
      ? await db.adminUnit.findUniqueOrThrow({ where: { code: unitCode }, select: { id: true } })
      : undefined;
    const agency =
      a.agencyCode && planKey
        ? await db.agency.findFirstOrThrow({
            where: { code: a.agencyCode, plan: { key: planKey } },
            select: { id: true },
          })
        : undefined;
    out[key] = await user(db, a.role, {
      email: a.email,
      name: a.name,
      province: a.provinceCode ? { code: a.provinceCode } : undefined,
      unit,
      agency,
      canSignIn: true,
    });
  }
  return out;
}
