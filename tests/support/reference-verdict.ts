import type { PrismaClient } from '@/generated/prisma/client';
import { weekMonday, type IsoWeek } from '@/lib/epi-week';
import {
  evaluateProvinceWeek,
  selectPlan,
  SEVERITY_FIELDS,
  type Counts,
  type ProvinceWeek,
  type SeverityField,
} from '@/lib/surge';
import { rowToPlan, PLAN_VERSION_SELECT } from '@/server/plans/mapping';
import { populationInForce } from '@/server/populations/in-force';

// The province's verdict computed the other way: every unit's row read one by one and judged in JavaScript by
// evaluateProvinceWeek (no SQL sums, no reader of ours). The tests compare every consumer of the one verdict reader
// (src/server/verdicts/read.ts) with it. null when no population applies to the week. With the verdict, per severity
// figure, how many units reported it (counted row by row: the reader's severityByField, from SQL, must agree).
export async function referenceVerdict(
  prisma: PrismaClient,
  provinceCode: string,
  week: IsoWeek,
): Promise<(ProvinceWeek & { severityByField: Record<SeverityField, number> }) | null> {
  const [province, units, versions] = await Promise.all([
    prisma.adminUnit.findFirstOrThrow({
      where: { code: provinceCode, kind: 'province' },
      select: { populations: { select: { year: true, population: true, approximate: true } } },
    }),
    prisma.adminUnit.findMany({
      where: { provinceCode, reports: true },
      select: {
        kind: true,
        weekly: {
          where: { isoYear: week.isoYear, isoWeek: week.isoWeek },
          select: {
            newCases: true,
            oxygenAvg7d: true,
            freeCovidBeds: true,
            staffedIcuBeds: true,
            severeCases: true,
            newAdmissions: true,
            deaths: true,
          },
        },
      },
    }),
    prisma.planVersion.findMany({
      where: { plan: { OR: [{ provinceCode }, { provinceCode: null }] } },
      select: PLAN_VERSION_SELECT,
    }),
  ]);
  const population = populationInForce(province.populations, week);
  if (!population) return null;
  const rowOf = (u: (typeof units)[number]): Counts | null => {
    const r = u.weekly[0];
    return r
      ? {
          newCases: r.newCases,
          oxygenAvg7d: r.oxygenAvg7d === null ? null : r.oxygenAvg7d.toNumber(),
          freeCovidBeds: r.freeCovidBeds,
          staffedIcuBeds: r.staffedIcuBeds,
          severeCases: r.severeCases,
          newAdmissions: r.newAdmissions,
          deaths: r.deaths,
        }
      : null;
  };
  const own = units.find((u) => u.kind === 'province');
  const others = units.filter((u) => u.kind !== 'province');
  const rows = units.map(rowOf).filter((r): r is Counts => r !== null);
  const severityByField = Object.fromEntries(
    SEVERITY_FIELDS.map((f) => [f, rows.filter((r) => r[f] !== null && r[f] !== undefined).length]),
  ) as Record<SeverityField, number>;
  const judged = evaluateProvinceWeek({
    ownRow: own ? rowOf(own) : null,
    districtRows: others.map(rowOf),
    expectedDistricts: others.length,
    population: population.population,
    plan: selectPlan(versions.map(rowToPlan), provinceCode, weekMonday(week)),
  });
  return { ...judged, severityByField };
}
