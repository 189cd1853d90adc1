import 'server-only';
import { selectPlan, type Plan } from '@/lib/surge';
import { weekMonday, type IsoWeek } from '@/lib/epi-week';
import { PLAN_VERSION_SELECT, rowToPlan } from '@/server/plans/mapping';
import { cachedFigures } from '@/server/verdicts/cache';
import { db } from '@/server/db';

// The slow-changing facts the dashboards judge by: units, populations, plan versions. Cached under the same
// fingerprint as the figures (populations, plans and the unit count are part of it).

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
  /** the units directly under the province (districts, or communes where there are no districts), in GSO code order */
  branches: BranchMeta[];
  /** every plan version that can apply to the province (its own and the default plan's) */
  plans: Plan[];
}

const POPULATION_SELECT = {
  select: { year: true, population: true, approximate: true },
  orderBy: { year: 'asc' },
} as const;

async function loadProvinceMeta(code: string): Promise<ProvinceMeta | null> {
  const prisma = await db();
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
    branches,
    plans: versions.map(rowToPlan),
  };
}

export function getProvinceMeta(code: string, fingerprint: string): Promise<ProvinceMeta | null> {
  return cachedFigures(`meta:${code}:${fingerprint}`, () => loadProvinceMeta(code));
}

export interface NationalMeta {
  provinces: Array<{ code: string; name: string; populations: PopulationRow[]; reportingUnits: number }>;
  plans: Plan[];
}

async function loadNationalMeta(): Promise<NationalMeta> {
  const prisma = await db();
  const [provinces, counts, versions] = await Promise.all([
    prisma.adminUnit.findMany({
      where: { kind: 'province', depth: 0 },
      select: { code: true, name: true, populations: POPULATION_SELECT },
      orderBy: { code: 'asc' },
    }),
    prisma.adminUnit.groupBy({ by: ['provinceCode'], where: { reports: true }, _count: { _all: true } }),
    prisma.planVersion.findMany({ select: PLAN_VERSION_SELECT }),
  ]);
  const byCode = new Map(counts.map((c) => [c.provinceCode, c._count._all]));
  return {
    provinces: provinces.map((p) => ({ ...p, reportingUnits: byCode.get(p.code) ?? 0 })),
    plans: versions.map(rowToPlan),
  };
}

export function getNationalMeta(fingerprint: string): Promise<NationalMeta> {
  return cachedFigures(`national-meta:${fingerprint}`, loadNationalMeta);
}

/** The plan in force for a province in a week, among plans already loaded (getPlanForWeek reads them itself). */
export function planInForce(plans: Plan[], provinceCode: string, week: IsoWeek): Plan {
  return selectPlan(plans, provinceCode, weekMonday(week));
}
