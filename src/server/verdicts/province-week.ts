import 'server-only';
import { evaluateDistrict, hasAnyFigure, selectPlan, type Counts, type DistrictVerdict, type Plan } from '@/lib/surge';
import { judgedCounts } from '@/lib/validations/figures';
import { weekThursday, type IsoWeek } from '@/lib/epi-week';
import { PLAN_VERSION_SELECT, rowToPlan } from '@/server/plans/mapping';
import { db } from '@/server/db';
import { populationInForce } from '@/server/populations/in-force';
import { reportingInWeekWhere } from '@/server/units/validity';
import { figuresReportedBy, reportingSystem } from '@/lib/units';

// The province's week unit by unit and the plan in force (not the province's verdict: read.ts), read without scope:
// callers check the user's permission first (openProvince in src/server/dashboard/province.ts). Only small plain
// objects leave.

/** The plan in force for a province in a week: its own latest valid version, else the default plan. */
export async function getPlanForWeek(provinceCode: string, week: IsoWeek): Promise<Plan> {
  const prisma = await db();
  const rows = await prisma.planVersion.findMany({
    where: { plan: { OR: [{ provinceCode }, { provinceCode: null }] } },
    select: PLAN_VERSION_SELECT,
  });
  return selectPlan(rows.map(rowToPlan), provinceCode, weekThursday(week));
}

export interface UnitWeekRow {
  id: number;
  code: string;
  name: string;
  kind: string;
  population: number | null;
  populationApproximate: boolean;
  /** the judged four; null when the unit has not reported (no row, or one with only bed totals or severity figures) */
  counts: Counts | null;
  reportedAt: string | null;
  /** districts and communes only: the epidemic criteria over the unit's population */
  districtVerdict: DistrictVerdict | null;
}

export interface ProvinceWeekView {
  code: string;
  name: string;
  population: { year: number; population: number; approximate: boolean } | null;
  week: IsoWeek;
  plan: Plan;
  units: UnitWeekRow[];
}

export type ScopedResult<T> = { status: 'ok'; data: T } | { status: 'not-found' } | { status: 'forbidden' };

const toNumber = (v: { toNumber(): number } | null) => (v === null ? null : v.toNumber());

/**
 * The province's week unit by unit (the units table, the list of units that have not reported), each district judged on
 * its epidemic criteria; the province's own verdict comes from the one reader (read.ts), not from here. Unscoped:
 * callers check the user's permission first (getProvinceUnits in src/server/dashboard/province.ts, after openProvince).
 * null when the province does not exist.
 */
export async function loadProvinceWeek(code: string, week: IsoWeek): Promise<ProvinceWeekView | null> {
  const prisma = await db();
  const province = await prisma.adminUnit.findFirst({
    where: { code, kind: 'province' },
    select: { code: true, name: true, populations: { select: { year: true, population: true, approximate: true } } },
  });
  if (!province) return null;

  const [units, plan] = await Promise.all([
    // the units expected to report in the week (valid on its Thursday): Lai Châu's 8 districts in 2025-W26, its
    // communes, own row and facilities in 2025-W27; reports stored for units outside their validity are not listed
    prisma.adminUnit.findMany({
      where: { provinceCode: code, ...reportingInWeekWhere(week) },
      select: {
        id: true,
        code: true,
        name: true,
        kind: true,
        depth: true,
        populations: { select: { year: true, population: true, approximate: true } },
        weekly: {
          where: { isoYear: week.isoYear, isoWeek: week.isoWeek },
          select: { newCases: true, oxygenAvg7d: true, freeCovidBeds: true, staffedIcuBeds: true, updatedAt: true },
        },
      },
      orderBy: [{ depth: 'asc' }, { code: 'asc' }], // GSO code order, as official reports list them
    }),
    getPlanForWeek(code, week),
  ]);

  const population = populationInForce(province.populations, week);
  const system = reportingSystem(units.map((u) => u.kind));
  const rows: UnitWeekRow[] = units.map((u) => {
    const stored = u.weekly[0];
    const judged = stored && judgedCounts({ ...stored, oxygenAvg7d: toNumber(stored.oxygenAvg7d) });
    // a row with only bed totals or severity figures is no report: the unit is missing, as the verdict counts it
    const counts: Counts | null = judged && hasAnyFigure(judged) ? judged : null;
    const pop = populationInForce(u.populations, week);
    return {
      id: u.id,
      code: u.code,
      name: u.name,
      kind: u.kind,
      population: pop?.population ?? null,
      populationApproximate: pop?.approximate ?? false,
      counts,
      reportedAt: counts && stored ? stored.updatedAt.toISOString() : null,
      districtVerdict:
        u.kind !== 'province' && figuresReportedBy(u.kind, system).includes('newCases') && counts && pop
          ? evaluateDistrict(counts, pop.population, plan)
          : null,
    };
  });

  return { code: province.code, name: province.name, population, week, plan, units: rows };
}
