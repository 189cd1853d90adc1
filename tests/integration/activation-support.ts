import type { PrismaClient } from '@/generated/prisma/client';
import type { IsoWeek } from '@/lib/epi-week';
import type { RoleName, SessionUser } from '@/lib/roles';

// Helpers for the activation and task tests: writing a province's figures for a week the way a save does (rows, then
// the DataVersion bump, in one transaction), and signing in as a demo account.

export const NOW = new Date('2026-11-23T03:00:00Z');
export const W47: IsoWeek = { isoYear: 2026, isoWeek: 47 };
export const W46: IsoWeek = { isoYear: 2026, isoWeek: 46 };

export type Figures = {
  newCases?: number | null;
  oxygenAvg7d?: number | null;
  freeCovidBeds?: number | null;
  staffedIcuBeds?: number | null;
};
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Overwrites the given figures on every existing row of the province for the week (missing rows stay missing). */
export async function writeFigures(
  tx: Tx,
  provinceCode: string,
  week: IsoWeek,
  figures: Figures,
  unitCodes?: string[],
): Promise<number> {
  const changed = await tx.weeklyReport.updateMany({
    where: {
      isoYear: week.isoYear,
      isoWeek: week.isoWeek,
      unit: { provinceCode, ...(unitCodes ? { code: { in: unitCodes } } : {}) },
    },
    data: { ...figures, version: { increment: 1 } },
  });
  await tx.dataVersion.upsert({
    where: { provinceCode },
    create: { provinceCode, version: 1 },
    update: { version: { increment: 1 } },
  });
  return changed.count;
}

export async function demoUser(prisma: PrismaClient, email: string): Promise<SessionUser> {
  const u = await prisma.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, email: true, name: true, role: true, provinceCode: true, unitId: true, agencyId: true },
  });
  return { ...u, role: u.role as RoleName };
}

export const EMAILS = {
  leaderKG: 'lanhdao.kg@demo.surgewatch.vn',
  districtKG: 'huyen.rachgia@demo.surgewatch.vn',
  agencyKG: 'soyte.kg@demo.surgewatch.vn',
  dataEntryKG: 'nhaplieu.kg@demo.surgewatch.vn',
  leaderLC: 'lanhdao.lc@demo.surgewatch.vn',
  districtLC: 'huyen.tamduong@demo.surgewatch.vn',
  dataEntryLC: 'nhaplieu.lc@demo.surgewatch.vn',
  national: 'lanhdao.quocgia@demo.surgewatch.vn',
} as const;
