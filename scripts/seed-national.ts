// `npm run seed:national [-- --communes] [-- --weeks 156]`: deterministic synthetic data at national scale, for the
// dashboards' benchmark (scripts/bench-dashboard.ts) and for trying the national overview. Writes into the database
// named by DATABASE_URL, else the embedded one in DATA_DIR (default ./data), which must be empty.
//   default     63 provinces (GSO codes and names before the 2025 merger), about 700 districts, 156 weeks: ~116,000 reports
//   --communes  the same provinces with about 3,300 communes directly under them and no districts (the shape of the
//               tree since the 2025 reform): ~520,000 reports
// The four provinces of the source plans keep their real districts, plans and response plans (seedReferenceData);
// the other provinces, every population figure of theirs and every report are SYNTHETIC, made by a seeded PRNG.
// Reports go in with multi-row INSERTs in one transaction (no ORM round trip per row).
import { lastCompleteWeek, type IsoWeek } from '../src/lib/epi-week';
import { hashPassword } from '../src/server/auth/password';
import { openDatabase, type Database } from '../src/server/db/connection';
import { applyMigrations } from '../src/server/db/migrate';
import type { Sql } from '../src/server/db/sql';
import { dbTargetFromEnv } from '../src/server/db/target';
import { describeTarget } from '../src/server/db/connection';
import { env } from '../src/server/env';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/server/seed/demo-accounts';
import { RESPONSE_PLANS, seedReferenceData } from '../src/server/seed/reference-data';
import {
  buildSyntheticReports,
  mulberry32,
  PROFILES,
  type Profile,
  type SyntheticReport,
} from '../src/server/seed/synthetic-reports';

export const NATIONAL_PROVINCES: ReadonlyArray<readonly [string, string]> = [
  ['01', 'Thành phố Hà Nội'],
  ['02', 'Tỉnh Hà Giang'],
  ['04', 'Tỉnh Cao Bằng'],
  ['06', 'Tỉnh Bắc Kạn'],
  ['08', 'Tỉnh Tuyên Quang'],
  ['10', 'Tỉnh Lào Cai'],
  ['11', 'Tỉnh Điện Biên'],
  ['12', 'Tỉnh Lai Châu'],
  ['14', 'Tỉnh Sơn La'],
  ['15', 'Tỉnh Yên Bái'],
  ['17', 'Tỉnh Hoà Bình'],
  ['19', 'Tỉnh Thái Nguyên'],
  ['20', 'Tỉnh Lạng Sơn'],
  ['22', 'Tỉnh Quảng Ninh'],
  ['24', 'Tỉnh Bắc Giang'],
  ['25', 'Tỉnh Phú Thọ'],
  ['26', 'Tỉnh Vĩnh Phúc'],
  ['27', 'Tỉnh Bắc Ninh'],
  ['30', 'Tỉnh Hải Dương'],
  ['31', 'Thành phố Hải Phòng'],
  ['33', 'Tỉnh Hưng Yên'],
  ['34', 'Tỉnh Thái Bình'],
  ['35', 'Tỉnh Hà Nam'],
  ['36', 'Tỉnh Nam Định'],
  ['37', 'Tỉnh Ninh Bình'],
  ['38', 'Tỉnh Thanh Hóa'],
  ['40', 'Tỉnh Nghệ An'],
  ['42', 'Tỉnh Hà Tĩnh'],
  ['44', 'Tỉnh Quảng Bình'],
  ['45', 'Tỉnh Quảng Trị'],
  ['46', 'Tỉnh Thừa Thiên Huế'],
  ['48', 'Thành phố Đà Nẵng'],
  ['49', 'Tỉnh Quảng Nam'],
  ['51', 'Tỉnh Quảng Ngãi'],
  ['52', 'Tỉnh Bình Định'],
  ['54', 'Tỉnh Phú Yên'],
  ['56', 'Tỉnh Khánh Hòa'],
  ['58', 'Tỉnh Ninh Thuận'],
  ['60', 'Tỉnh Bình Thuận'],
  ['62', 'Tỉnh Kon Tum'],
  ['64', 'Tỉnh Gia Lai'],
  ['66', 'Tỉnh Đắk Lắk'],
  ['67', 'Tỉnh Đắk Nông'],
  ['68', 'Tỉnh Lâm Đồng'],
  ['70', 'Tỉnh Bình Phước'],
  ['72', 'Tỉnh Tây Ninh'],
  ['74', 'Tỉnh Bình Dương'],
  ['75', 'Tỉnh Đồng Nai'],
  ['77', 'Tỉnh Bà Rịa - Vũng Tàu'],
  ['79', 'Thành phố Hồ Chí Minh'],
  ['80', 'Tỉnh Long An'],
  ['82', 'Tỉnh Tiền Giang'],
  ['83', 'Tỉnh Bến Tre'],
  ['84', 'Tỉnh Trà Vinh'],
  ['86', 'Tỉnh Vĩnh Long'],
  ['87', 'Tỉnh Đồng Tháp'],
  ['89', 'Tỉnh An Giang'],
  ['91', 'Tỉnh Kiên Giang'],
  ['92', 'Thành phố Cần Thơ'],
  ['93', 'Tỉnh Hậu Giang'],
  ['94', 'Tỉnh Sóc Trăng'],
  ['95', 'Tỉnh Bạc Liêu'],
  ['96', 'Tỉnh Cà Mau'],
];

const SOURCE = 'SYNTHETIC — scripts/seed-national.ts (benchmark data, not an official figure)';
const POPULATION_YEAR = 2019;

export interface NationalOptions {
  communes: boolean;
  weeks: number;
  /** the last week of the series; default: the last complete week by the app's clock (SURGEWATCH_NOW) */
  last: IsoWeek;
  /** only the first n provinces of the list (tests) */
  provinces?: number;
  /** create the demo accounts (the benchmark signs in with them) */
  accounts: boolean;
}

export interface UnitPlan {
  code: string;
  name: string;
  kind: 'province' | 'district' | 'commune';
  parentCode: string | null;
  population: number;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Splits a population into `parts` whole shares that add up exactly. */
function split(total: number, parts: number, rand: () => number): number[] {
  const weights = Array.from({ length: parts }, () => 0.4 + rand());
  const sum = weights.reduce((s, w) => s + w, 0);
  const shares = weights.map((w) => Math.floor((total * w) / sum));
  shares[0]! += total - shares.reduce((s, v) => s + v, 0);
  return shares;
}

/** The synthetic units below each province (and the synthetic provinces themselves), deterministic. */
export function planUnits(
  existing: ReadonlyMap<string, number>,
  options: Pick<NationalOptions, 'communes' | 'provinces'>,
): UnitPlan[] {
  const out: UnitPlan[] = [];
  for (const [code, name] of NATIONAL_PROVINCES.slice(0, options.provinces ?? NATIONAL_PROVINCES.length)) {
    const rand = mulberry32(hash(`province:${code}`));
    const known = existing.get(code);
    const population = known ?? Math.round((400_000 + rand() * 3_100_000) / 100) * 100;
    if (known === undefined) out.push({ code, name, kind: 'province', parentCode: null, population });
    // the four provinces of the source plans keep their real districts, unless the tree is commune-level
    if (known !== undefined && !options.communes) continue;
    const count = options.communes ? 30 + Math.floor(rand() * 47) : 7 + Math.floor(rand() * 9);
    const shares = split(population, count, rand);
    for (let i = 0; i < count; i++) {
      const n = String(i + 1).padStart(options.communes ? 3 : 2, '0');
      out.push({
        code: `${code}${n}`,
        name: options.communes
          ? `Xã số ${n} (${name.replace(/^(Tỉnh|Thành phố) /, '')})`
          : `Huyện số ${n} (${name.replace(/^(Tỉnh|Thành phố) /, '')})`,
        kind: options.communes ? 'commune' : 'district',
        parentCode: code,
        population: shares[i]!,
      });
    }
  }
  return out;
}

/** The four demo provinces keep their story; about 1 in 10 others reaches the surge scenario, 1 in 8 early warning. */
export function profileFor(code: string, branchCodes: string[]): Profile {
  const known = PROFILES[code];
  if (known) return known;
  const rand = mulberry32(hash(`profile:${code}`));
  const draw = rand();
  const j = () => 0.85 + rand() * 0.3;
  const baseline = { cases: 20 * j() + 10, oxygen: 2 * j(), freeBeds: 48 * j(), icuBeds: 7 * j() };
  const latest =
    draw < 0.1
      ? { cases: 520 * j(), oxygen: 38 * j(), freeBeds: 6 * j(), icuBeds: 3 * j() }
      : draw < 0.22
        ? { cases: 560 * j(), oxygen: 24 * j(), freeBeds: 25 * j(), icuBeds: 5.8 * j() }
        : { cases: 60 * j(), oxygen: 3.5 * j(), freeBeds: 44 * j(), icuBeds: 6.8 * j() };
  const missing = rand() < 0.3 && branchCodes.length ? [branchCodes[Math.floor(rand() * branchCodes.length)]!] : [];
  return { baseline, latest, waveWeeks: 5 + Math.floor(rand() * 6), missingLatest: missing };
}

async function insertUnits(
  sql: Sql,
  units: UnitPlan[],
  ids: Map<string, { id: number; path: string }>,
  now: string,
): Promise<void> {
  for (let i = 0; i < units.length; i += 500) {
    const chunk = units.slice(i, i + 500);
    const params: unknown[] = [];
    const rows = chunk.map((u) => {
      const parent = u.parentCode ? ids.get(u.parentCode) : undefined;
      if (u.parentCode && !parent) throw new Error(`unit ${u.code}: parent ${u.parentCode} missing`);
      const path = parent ? `${parent.path}/${u.code}` : u.code;
      params.push(u.code, u.code, u.name, u.kind, parent ? 1 : 0, path, u.parentCode ?? u.code, parent?.id ?? null);
      const b = params.length - 8;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}::int, $${b + 6}, $${b + 7}, $${b + 8}::int, true)`;
    });
    const created = await sql.query<{ id: number; code: string; path: string }>(
      `INSERT INTO "AdminUnit" (code, "gsoCode", name, kind, depth, path, "provinceCode", "parentId", reports) VALUES ${rows.join(', ')} RETURNING id, code, path`,
      params,
    );
    for (const c of created) ids.set(c.code, { id: c.id, path: c.path });
    const pops = chunk.map((u) => `(${ids.get(u.code)!.id}, ${POPULATION_YEAR}, ${u.population}, true, $1, '${now}')`);
    await sql.query(
      `INSERT INTO "UnitPopulation" ("unitId", year, population, approximate, source, "updatedAt") VALUES ${pops.join(', ')}`,
      [SOURCE],
    );
  }
}

const lit = (v: number | null) => (v === null ? 'NULL' : String(v));

async function insertReports(
  sql: Sql,
  reports: Array<SyntheticReport & { unitId: number }>,
  now: string,
): Promise<void> {
  for (let i = 0; i < reports.length; i += 4000) {
    // numbers only, so the literal VALUES list is safe and saves the parameter limit
    const values = reports
      .slice(i, i + 4000)
      .map(
        (r) =>
          `(${r.unitId},${r.isoYear},${r.isoWeek},${lit(r.newCases)},${lit(r.oxygenAvg7d)},${lit(r.freeCovidBeds)},${lit(r.staffedIcuBeds)},${lit(r.totalCovidBeds)},${lit(r.totalIcuBeds)},${lit(r.severeCases)},${lit(r.newAdmissions)},${lit(r.deaths)},'${now}','${now}')`,
      );
    await sql.exec(
      `INSERT INTO "WeeklyReport" ("unitId","isoYear","isoWeek","newCases","oxygenAvg7d","freeCovidBeds","staffedIcuBeds","totalCovidBeds","totalIcuBeds","severeCases","newAdmissions","deaths","createdAt","updatedAt") VALUES ${values.join(',')}`,
    );
  }
}

export interface NationalResult {
  provinces: number;
  branches: number;
  reports: number;
  users: number;
}

export async function seedNational(database: Database, options: NationalOptions): Promise<NationalResult> {
  const { prisma, sql } = database;
  if ((await prisma.adminUnit.count()) > 0)
    throw new Error('The database already has units: seed:national needs an empty database.');
  const now = new Date().toISOString();
  await prisma.$transaction((tx) => seedReferenceData(tx), { timeout: 300_000, maxWait: 60_000 });

  const demo = await prisma.adminUnit.findMany({
    where: { depth: 0 },
    select: { code: true, populations: { select: { population: true } } },
  });
  const keep = new Set(NATIONAL_PROVINCES.slice(0, options.provinces ?? NATIONAL_PROVINCES.length).map(([c]) => c));
  const existing = new Map(demo.filter((p) => keep.has(p.code)).map((p) => [p.code, p.populations[0]!.population]));
  await sql.transaction(async (tx) => {
    // the demo provinces outside a reduced run, and their districts in a commune-level tree, are not part of the data
    const drop = demo.filter((p) => !keep.has(p.code)).map((p) => `'${p.code}'`);
    const dropWhere = [
      drop.length ? `"provinceCode" IN (${drop.join(',')})` : null,
      options.communes ? 'depth > 0' : null,
    ]
      .filter(Boolean)
      .join(' OR ');
    if (dropWhere) {
      await tx.exec(`DELETE FROM "UnitPopulation" WHERE "unitId" IN (SELECT id FROM "AdminUnit" WHERE ${dropWhere});
        DELETE FROM "AdminUnit" WHERE (${dropWhere}) AND depth > 0; DELETE FROM "AdminUnit" WHERE (${dropWhere}) AND depth = 0;`);
    }
    const ids = new Map<string, { id: number; path: string }>();
    for (const r of await tx.query<{ id: number; code: string; path: string }>(
      'SELECT id, code, path FROM "AdminUnit"',
    ))
      ids.set(r.code, r);
    const planned = planUnits(existing, options);
    await insertUnits(
      tx,
      planned.filter((u) => u.kind === 'province'),
      ids,
      now,
    );
    await insertUnits(
      tx,
      planned.filter((u) => u.kind !== 'province'),
      ids,
      now,
    );
  });

  const units = await sql.query<{ id: number; code: string; kind: string; provinceCode: string; population: number }>(
    `SELECT u.id, u.code, u.kind, u."provinceCode", p.population FROM "AdminUnit" u JOIN "UnitPopulation" p ON p."unitId" = u.id WHERE u.reports ORDER BY u.depth, u.code`,
  );
  const byProvince = new Map<string, typeof units>();
  for (const u of units) byProvince.set(u.provinceCode, [...(byProvince.get(u.provinceCode) ?? []), u]);
  let reports = 0;
  await sql.transaction(async (tx) => {
    for (const [code, list] of byProvince) {
      const idOf = new Map(list.map((u) => [u.code, u.id]));
      const reporting = list.map((u) => ({
        code: u.code,
        kind: u.kind === 'province' ? ('province' as const) : ('district' as const),
        population: u.population,
      }));
      const profile = profileFor(
        code,
        reporting.filter((u) => u.kind !== 'province').map((u) => u.code),
      );
      const rows = buildSyntheticReports(code, reporting, options.last, options.weeks, profile).map((r) => ({
        ...r,
        unitId: idOf.get(r.unitCode)!,
      }));
      await insertReports(tx, rows, now);
      reports += rows.length;
    }
    const codes = [...byProvince.keys()].map((c) => `('${c}', 1, '${now}')`);
    await tx.exec(`INSERT INTO "DataVersion" ("provinceCode", version, "updatedAt") VALUES ${codes.join(',')}`);
  });

  let users = 0;
  if (options.accounts) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const a of DEMO_ACCOUNTS) {
      if (a.provinceCode && !byProvince.has(a.provinceCode)) continue;
      const unit = a.unitCode
        ? await prisma.adminUnit.findUnique({ where: { code: a.unitCode }, select: { id: true } })
        : null;
      if (a.unitCode && !unit) continue; // a district officer in a commune-level tree has no district
      const planKey = RESPONSE_PLANS.find((p) => p.provinceCode === a.provinceCode)?.planKey;
      const agency =
        a.agencyCode && planKey
          ? await prisma.agency.findFirst({
              where: { code: a.agencyCode, plan: { key: planKey } },
              select: { id: true },
            })
          : null;
      await prisma.user.create({
        data: {
          email: a.email,
          name: a.name,
          role: a.role,
          provinceCode: a.provinceCode ?? null,
          unitId: unit?.id ?? null,
          agencyId: agency?.id ?? null,
          passwordHash,
          isDemo: true,
        },
      });
      users++;
    }
  }
  return { provinces: byProvince.size, branches: units.length - byProvince.size, reports, users };
}

function parseArgs(argv: string[]): NationalOptions {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const weeks = Number(value('--weeks') ?? 156);
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 520)
    throw new Error('--weeks must be a whole number from 1 to 520');
  return {
    communes: argv.includes('--communes'),
    weeks,
    last: lastCompleteWeek(env().now ?? new Date()),
    accounts: !argv.includes('--no-accounts'),
  };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const target = dbTargetFromEnv();
  const database = await openDatabase(target);
  try {
    await applyMigrations(database.sql);
    const started = Date.now();
    const result = await seedNational(database, options);
    console.log(
      `seed:national into ${describeTarget(target)}: ${result.provinces} provinces, ${result.branches} ${options.communes ? 'communes' : 'districts'}, ` +
        `${result.reports} reports over ${options.weeks} weeks, ${result.users} demo accounts, in ${((Date.now() - started) / 1000).toFixed(1)} s (synthetic data).`,
    );
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
