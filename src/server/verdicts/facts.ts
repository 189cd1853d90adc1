import type { PrismaClient } from '@/generated/prisma/client';
import { weekMonday, weekThursday, type IsoWeek } from '@/lib/epi-week';
import { selectPlan, type Plan } from '@/lib/surge';
import { PLAN_VERSION_SELECT, rowToPlan } from '@/server/plans/mapping';
import type { Tx } from './province-verdict';

// The slow-changing facts a province's verdict is judged by: its reporting units (who is expected to report what),
// populations and plan versions. Loaded through any client, the save's transaction included; the dashboards cache them
// (meta.ts). No `server-only`: the seed opens the demo activation through the verdict reader, outside Next.

/** The app's client or a transaction's: the verdict reader works inside the save transaction and outside it. */
export type Client = PrismaClient | Tx;

export interface PopulationRow {
  year: number;
  population: number;
  approximate: boolean;
}

export interface BranchMeta {
  /** the unit's id (the scope of a district officer) */
  id: number;
  code: string;
  name: string;
  kind: string;
  path: string;
  populations: PopulationRow[];
  /** reporting units in the branch (the district itself, or its communes) */
  reportingUnits: number;
}

export interface ProvinceMeta {
  code: string;
  name: string;
  populations: PopulationRow[];
  /** units expected to report each week: the province's own row and every reporting unit below it */
  reportingUnits: number;
  /** whether the province's own row (its provincial hospitals and facilities) is among them */
  hasProvinceRow: boolean;
  /** the units directly under the province (districts, or communes where there are no districts), in GSO code order */
  branches: BranchMeta[];
  /** every plan version that can apply to the province (its own and the default plan's) */
  plans: Plan[];
}

const POPULATION_SELECT = {
  select: { year: true, population: true, approximate: true },
  orderBy: { year: 'asc' },
} as const;

export async function loadProvinceMeta(prisma: Client, code: string): Promise<ProvinceMeta | null> {
  const province = await prisma.adminUnit.findFirst({
    where: { code, kind: 'province', provinceCode: code },
    select: { code: true, name: true, populations: POPULATION_SELECT },
  });
  if (!province) return null;
  const [units, versions] = await Promise.all([
    prisma.adminUnit.findMany({
      where: { provinceCode: code },
      select: {
        id: true,
        code: true,
        name: true,
        kind: true,
        depth: true,
        path: true,
        reports: true,
        populations: POPULATION_SELECT,
      },
      orderBy: [{ depth: 'asc' }, { code: 'asc' }],
    }),
    prisma.planVersion.findMany({
      where: { plan: { OR: [{ provinceCode: code }, { provinceCode: null }] } },
      select: PLAN_VERSION_SELECT,
    }),
  ]);
  const branches: BranchMeta[] = units
    .filter((u) => u.depth === 1)
    .map((u) => ({
      id: u.id,
      code: u.code,
      name: u.name,
      kind: u.kind,
      path: u.path,
      populations: u.populations,
      reportingUnits: units.filter((x) => x.reports && (x.path === u.path || x.path.startsWith(`${u.path}/`))).length,
    }));
  return {
    code: province.code,
    name: province.name,
    populations: province.populations,
    reportingUnits: units.filter((u) => u.reports).length,
    hasProvinceRow: units.some((u) => u.reports && u.kind === 'province'),
    branches,
    plans: versions.map(rowToPlan),
  };
}

export interface NationalMeta {
  provinces: Array<{
    code: string;
    name: string;
    populations: PopulationRow[];
    reportingUnits: number;
    hasProvinceRow: boolean;
  }>;
  plans: Plan[];
}

export async function loadNationalMeta(prisma: Client): Promise<NationalMeta> {
  const [provinces, counts, ownRows, versions] = await Promise.all([
    prisma.adminUnit.findMany({
      where: { kind: 'province', depth: 0 },
      select: { code: true, name: true, populations: POPULATION_SELECT },
      orderBy: { code: 'asc' },
    }),
    prisma.adminUnit.groupBy({ by: ['provinceCode'], where: { reports: true }, _count: { _all: true } }),
    prisma.adminUnit.findMany({ where: { reports: true, kind: 'province' }, select: { provinceCode: true } }),
    prisma.planVersion.findMany({ select: PLAN_VERSION_SELECT }),
  ]);
  const byCode = new Map(counts.map((c) => [c.provinceCode, c._count._all]));
  const withOwnRow = new Set(ownRows.map((u) => u.provinceCode));
  return {
    provinces: provinces.map((p) => ({
      ...p,
      reportingUnits: byCode.get(p.code) ?? 0,
      hasProvinceRow: withOwnRow.has(p.code),
    })),
    plans: versions.map(rowToPlan),
  };
}

/** The plan in force for a province in a week, among plans already loaded (getPlanForWeek reads them itself). */
export function planInForce(plans: Plan[], provinceCode: string, week: IsoWeek): Plan {
  return selectPlan(plans, provinceCode, weekThursday(week));
}
