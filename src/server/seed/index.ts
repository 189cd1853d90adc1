import { addWeeks, lastCompleteWeek, weekMonday, type IsoWeek } from '@/lib/epi-week';
import type { PrismaClient } from '@/generated/prisma/client';
import { runAutomaticRule } from '@/server/activation/rule';
import { hashPassword } from '@/server/auth/password';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { RESPONSE_PLANS, seedReferenceData } from './reference-data';
import { buildSyntheticReports } from './synthetic-reports';
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
 * always, and in demo mode also the demo accounts and 52 weeks of synthetic reports ending at the last complete ISO
 * week. A database that already has plans is left alone, so starting twice never duplicates anything.
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
    const planKey = RESPONSE_PLANS.find((p) => p.provinceCode === a.provinceCode)?.planKey;
    const agency =
      a.agencyCode && planKey
        ? await tx.agency.findFirstOrThrow({
            where: { code: a.agencyCode, plan: { key: planKey } },
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

async function seedDemoReports(tx: Tx, last: IsoWeek, now: Date): Promise<number> {
  const units = await tx.adminUnit.findMany({
    where: { reports: true },
    select: {
      id: true,
      code: true,
      kind: true,
      provinceCode: true,
      populations: { select: { population: true }, orderBy: { year: 'desc' }, take: 1 },
    },
  });
  const idByCode = new Map(units.map((u) => [u.code, u.id]));
  let count = 0;
  for (const provinceCode of [...new Set(units.map((u) => u.provinceCode))]) {
    const mine = units
      .filter((u) => u.provinceCode === provinceCode)
      .map((u) => ({
        code: u.code,
        kind: u.kind as 'province' | 'district',
        population: u.populations[0]?.population ?? 0,
      }));
    const rows = buildSyntheticReports(provinceCode, mine, last);
    await tx.weeklyReport.createMany({
      data: rows.map(({ unitCode, ...r }) => ({
        ...r,
        unitId: idByCode.get(unitCode)!,
        createdAt: enteredAt(r, now),
        updatedAt: enteredAt(r, now),
      })),
    });
    count += rows.length;
  }
  return count;
}

/**
 * The synthetic reports were just written, so the automatic activation rule runs on them exactly as after a save:
 * Kiên Giang, in a settled surge in the last complete week, opens its response plan under the system actor (an
 * unsettled surge would be proposed to the leaders instead).
 */
async function openDemoActivations(tx: Tx, last: IsoWeek, now: Date): Promise<void> {
  const provinces = await tx.adminUnit.findMany({
    where: { kind: 'province' },
    select: { code: true },
    orderBy: { code: 'asc' },
  });
  for (const p of provinces)
    await runAutomaticRule(tx, { provinceCode: p.code, weeks: [last], actor: { id: null, label: 'seed' }, now });
}
