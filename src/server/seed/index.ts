import { addWeeks, formatIsoWeek, lastCompleteWeek, weekMonday, weekRange, type IsoWeek } from '@/lib/epi-week';
import type { PrismaClient } from '@/generated/prisma/client';
import { runAutomaticRule } from '@/server/activation/rule';
import { hashPassword } from '@/server/auth/password';
import { populationInForce } from '@/server/populations/in-force';
import { reportingInWeekWhere } from '@/server/units/validity';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { DEMO_PROVINCE_CODES, seedDemoUnits } from './demo-units';
import { seedReferenceData } from './reference-data';
import { buildWeeklyReports, DEMO_PROFILES, type ReportingUnit } from './synthetic-reports';
import { ensureReferenceUnits, type ReferenceLoad } from '@/server/units/reference';

export interface SeedResult {
  seeded: boolean;
  units: number;
  reports: number;
  users: number;
  /** the reference unit tree: loaded now (first start, or an installation from before it) or already there */
  reference: ReferenceLoad;
}

/**
 * Loads the reference unit tree when the database does not have it yet (src/server/units/reference.ts), then fills a
 * database that has no plan: the plans, agencies and tasks from the source documents and the reference populations
 * always, and in demo mode also the demo world as it is since the 2025 reform (demo-units.ts: the demo provinces'
 * regional health centres, synthetic commune populations, An Giang's demo plan), the demo accounts and 52 weeks of
 * synthetic reports ending at the last complete ISO week, by the units expected in each week. A database that already
 * has plans is left alone, so starting twice never duplicates anything.
 */
export async function seedIfEmpty(prisma: PrismaClient, options: { demo: boolean; now: Date }): Promise<SeedResult> {
  const reference = await ensureReferenceUnits(prisma);
  if ((await prisma.plan.count()) > 0) return { seeded: false, units: 0, reports: 0, users: 0, reference };
  const last = lastCompleteWeek(options.now);
  // Argon2 is slow on purpose: hash before the transaction so it stays short.
  const passwordHash = options.demo ? await hashPassword(DEMO_PASSWORD) : '';
  const result = await prisma.$transaction(
    async (tx) => {
      await seedReferenceData(tx);
      if (!options.demo) return { seeded: true, units: await tx.adminUnit.count(), reports: 0, users: 0 };
      await seedDemoUnits(tx);
      const users = await seedDemoAccounts(tx, passwordHash);
      const reports = await seedDemoReports(tx, last, options.now);
      await openDemoActivations(tx, last, options.now);
      return { seeded: true, units: await tx.adminUnit.count(), reports, users };
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
  return { ...result, reference };
}

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

async function seedDemoAccounts(tx: Tx, passwordHash: string): Promise<number> {
  for (const a of DEMO_ACCOUNTS) {
    const unit = a.unitCode
      ? await tx.adminUnit.findUniqueOrThrow({ where: { code: a.unitCode }, select: { id: true } })
      : null;
    // the plan written for the province the account serves: Lai Châu's own, An Giang's demo plan (demo-units.ts)
    const agency = a.agencyCode
      ? await tx.agency.findFirstOrThrow({
          where: { code: a.agencyCode, plan: { provinceCode: a.provinceCode } },
          select: { id: true },
        })
      : null;
    await tx.user.create({
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
  }
  return DEMO_ACCOUNTS.length;
}

/** Monday 09:00 Asia/Ho_Chi_Minh after the week (never after now): when a department would have entered it, so the
 * completeness page shows the demo history as on time rather than all entered at seeding time. */
function enteredAt(w: IsoWeek, now: Date): Date {
  const at = new Date(`${weekMonday(addWeeks(w, 1))}T02:00:00Z`);
  return at > now ? now : at;
}

/** The report columns the seed fills, with their SQL types (json_to_recordset needs them). */
const REPORT_COLUMNS = {
  unitId: 'int',
  isoYear: 'int',
  isoWeek: 'int',
  newCases: 'int',
  oxygenAvg7d: 'numeric(10,2)',
  freeCovidBeds: 'int',
  staffedIcuBeds: 'int',
  totalCovidBeds: 'int',
  totalIcuBeds: 'int',
  severeCases: 'int',
  newAdmissions: 'int',
  deaths: 'int',
  createdAt: 'timestamp(3)',
  updatedAt: 'timestamp(3)',
} as const;

async function seedDemoReports(tx: Tx, last: IsoWeek, now: Date): Promise<number> {
  const populations = new Map(
    (
      await tx.adminUnit.findMany({
        where: { provinceCode: { in: DEMO_PROVINCE_CODES }, reports: true, populations: { some: {} } },
        select: { id: true, populations: { select: { year: true, population: true } } },
      })
    ).map((u) => [u.id, u.populations]),
  );
  // the units expected in each week, by the one week rule (validity.ts), with the population in force then
  const byWeek = new Map<string, (ReportingUnit & { id: number; provinceCode: string })[]>();
  for (const week of weekRange(last, 52)) {
    const units = await tx.adminUnit.findMany({
      where: { provinceCode: { in: DEMO_PROVINCE_CODES }, ...reportingInWeekWhere(week) },
      select: { id: true, code: true, kind: true, provinceCode: true },
    });
    byWeek.set(
      formatIsoWeek(week),
      units.map((u) => ({
        ...u,
        kind: u.kind as ReportingUnit['kind'],
        population: populationInForce(populations.get(u.id) ?? [], week)?.population ?? 0,
      })),
    );
  }
  const idByCode = new Map([...byWeek.values()].flat().map((u) => [u.code, u.id]));
  const rows = DEMO_PROVINCE_CODES.flatMap((code) =>
    buildWeeklyReports(
      code,
      (week) => (byWeek.get(formatIsoWeek(week)) ?? []).filter((u) => u.provinceCode === code),
      last,
      52,
      DEMO_PROFILES[code],
    ),
  );
  // ~20,000 rows: one INSERT from a JSON parameter (createMany's batches took half a minute on PGlite)
  const enteredByWeek = new Map<string, string>();
  const entered = (w: IsoWeek) => {
    const key = formatIsoWeek(w);
    if (!enteredByWeek.has(key)) enteredByWeek.set(key, enteredAt(w, now).toISOString());
    return enteredByWeek.get(key)!;
  };
  const data = rows.map(({ unitCode, ...r }) => ({
    ...r,
    unitId: idByCode.get(unitCode)!,
    createdAt: entered(r),
    updatedAt: entered(r),
  }));
  const columns = Object.keys(REPORT_COLUMNS).map((c) => `"${c}"`);
  const types = Object.entries(REPORT_COLUMNS).map(([c, t]) => `"${c}" ${t}`);
  await tx.$executeRawUnsafe(
    `INSERT INTO "WeeklyReport" (${columns.join(', ')}) SELECT ${columns.join(', ')} ` +
      `FROM json_to_recordset($1::json) AS r(${types.join(', ')})`,
    JSON.stringify(data),
  );
  return rows.length;
}

/**
 * The synthetic reports were just written, so the automatic activation rule runs on them exactly as after a save:
 * An Giang, in a settled surge in the last complete week, opens its (demo) response plan under the system actor (an
 * unsettled surge would be proposed to the leaders instead).
 */
async function openDemoActivations(tx: Tx, last: IsoWeek, now: Date): Promise<void> {
  for (const provinceCode of DEMO_PROVINCE_CODES)
    await runAutomaticRule(tx, { provinceCode, weeks: [last], actor: { id: null, label: 'seed' }, now });
}
