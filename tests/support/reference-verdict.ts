import type { PrismaClient } from '@/generated/prisma/client';
import { weekThursday, type IsoWeek } from '@/lib/epi-week';
import {
  aggregateCounts,
  evaluateSums,
  hasAnyFigure,
  selectPlan,
  SEVERITY_FIELDS,
  type CountField,
  type Counts,
  type ProvinceWeek,
  type SeverityField,
} from '@/lib/surge';
import { expectedByKind, figuresReportedBy, reportingSystem } from '@/lib/units';
import { rowToPlan, PLAN_VERSION_SELECT } from '@/server/plans/mapping';
import { populationInForce } from '@/server/populations/in-force';
import { reportingInWeekWhere, validInWeekWhere } from '@/server/units/validity';

// The province's verdict computed the other way: every unit expected to report in the week read one by one (the units
// valid on its Thursday: reportingInWeekWhere) and judged in JavaScript by aggregateCounts and evaluateSums, each unit
// counted for its own figures (figuresReportedBy), with no SQL sums and no reader of ours. The tests compare every
// consumer of the one verdict reader (src/server/verdicts/read.ts) with it. null when the province is not valid in the
// week or no population applies to it. With the verdict, per severity figure, how many units reported it (counted row
// by row: the reader's severityByField, from SQL, must agree).
export async function referenceVerdict(
  prisma: PrismaClient,
  provinceCode: string,
  week: IsoWeek,
): Promise<(ProvinceWeek & { severityByField: Record<SeverityField, number> }) | null> {
  const [province, units, versions] = await Promise.all([
    prisma.adminUnit.findFirst({
      where: { code: provinceCode, kind: 'province', ...validInWeekWhere(week) },
      select: { populations: { select: { year: true, population: true, approximate: true } } },
    }),
    prisma.adminUnit.findMany({
      where: { provinceCode, ...reportingInWeekWhere(week) },
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
  if (!province) return null;
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
  const kinds = units.map((u) => u.kind);
  const system = reportingSystem(kinds);
  const rows = units.map(rowOf).filter((r): r is Counts => r !== null);
  const severityByField = Object.fromEntries(
    SEVERITY_FIELDS.map((f) => [f, rows.filter((r) => r[f] !== null && r[f] !== undefined).length]),
  ) as Record<SeverityField, number>;
  const fields: CountField[] = ['newCases', 'oxygenAvg7d', 'freeCovidBeds', 'staffedIcuBeds'];
  const byField = Object.fromEntries(fields.map((f) => [f, 0])) as Record<CountField, number>;
  const reportedByField = { ...byField };
  let reported = 0;
  for (const u of units) {
    const row = rowOf(u);
    if (!row || !hasAnyFigure(row)) continue;
    reported++;
    for (const f of fields) {
      if (row[f] === null) continue;
      byField[f]++;
      if (figuresReportedBy(u.kind, system).includes(f)) reportedByField[f]++;
    }
  }
  const counts = aggregateCounts(rows);
  const expectedByField = expectedByKind(kinds);
  const verdict = evaluateSums({
    counts,
    reportedByField,
    expectedByField,
    population: population.population,
    plan: selectPlan(versions.map(rowToPlan), provinceCode, weekThursday(week)),
  });
  if (reported < units.length) verdict.provisional = true;
  return {
    verdict,
    counts,
    completeness: { reported, expected: units.length, ratio: reported / units.length, byField, expectedByField },
    severityByField,
  };
}
