import type { PrismaClient } from '@/generated/prisma/client';
import type { IsoWeek } from '@/lib/epi-week';
import type { SessionUser } from '@/lib/roles';
import {
  builtInPlans,
  everyUnit,
  openPlan,
  province,
  reports,
  user,
  warningFigures,
  type FactoryProvince,
} from '../factories';

// Helpers for the activation and task tests: writing a province's figures for a week the way a save does (rows, then
// the DataVersion bump, in one transaction), and the world they share, built with the factories.

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

export type WorldUser =
  'leaderKG' | 'districtKG' | 'agencyKG' | 'dataEntryKG' | 'leaderLC' | 'districtLC' | 'dataEntryLC' | 'national';

export interface ActivationWorld {
  /** like Kiên Giang: its plan (24 bodies, 67 tasks), 15 districts, the first named 'Thành phố Rạch Giá' */
  kg: FactoryProvince;
  /** like Lai Châu: its plan (16 bodies, 60 tasks), 8 districts */
  lc: FactoryProvince;
  users: Record<WorldUser, SessionUser>;
}

/**
 * The activation tests' world, built with the factories as the demo tells it at NOW: the Kiên Giang-like province in
 * surge in W47 with its plan opened by the automatic rule; the Lai Châu-like one in early warning in W47, one district
 * not reported (so its verdict is provisional), no activation.
 */
export async function activationWorld(prisma: PrismaClient): Promise<ActivationWorld> {
  await builtInPlans(prisma);
  const kg = await province(prisma, {
    plan: 'kien-giang',
    name: 'Kiên Giang (thử)',
    districts: [{ population: 250_000, name: 'Thành phố Rạch Giá' }, ...Array.from({ length: 14 }, () => 100_000)],
  });
  const lc = await province(prisma, { plan: 'lai-chau', name: 'Lai Châu (thử)', districts: Array(8).fill(60_000) });
  const agencyKG = kg.agencies.find((a) => a.code === 'so-y-te')!;
  const users: ActivationWorld['users'] = {
    leaderKG: await user(prisma, 'PROVINCIAL_LEADER', { province: kg, name: 'Lãnh đạo tỉnh Kiên Giang' }),
    districtKG: await user(prisma, 'LOCAL_OFFICER', {
      province: kg,
      unit: kg.districts[0],
      name: 'Cán bộ TP Rạch Giá',
    }),
    agencyKG: await user(prisma, 'AGENCY_OFFICER', { province: kg, agency: agencyKG }),
    dataEntryKG: await user(prisma, 'PROVINCIAL_DATA_ENTRY', { province: kg }),
    leaderLC: await user(prisma, 'PROVINCIAL_LEADER', { province: lc, name: 'Lãnh đạo tỉnh Lai Châu' }),
    districtLC: await user(prisma, 'LOCAL_OFFICER', { province: lc, unit: lc.districts.at(-1) }),
    dataEntryLC: await user(prisma, 'PROVINCIAL_DATA_ENTRY', { province: lc }),
    national: await user(prisma, 'NATIONAL_LEADER'),
  };
  await openPlan(prisma, kg, W47, NOW);
  const lcFigures = everyUnit(lc, warningFigures);
  delete lcFigures[lc.districts.at(-1)!.code];
  await reports(prisma, lc, W47, lcFigures);
  return { kg, lc, users };
}
