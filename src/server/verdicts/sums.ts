import { Prisma } from '@/generated/prisma/client';
import type { IsoWeek } from '@/lib/epi-week';
import type { CountField, Counts, SeverityField } from '@/lib/surge';
import type { Client } from './facts';

// The verdict reader's aggregations, done by the database: GROUP BY over the indexed columns (AdminUnit.provinceCode,
// the unique (unitId, isoYear, isoWeek) of WeeklyReport), so a national-scale table is never loaded into JavaScript.
// The same SQL runs on PGlite and PostgreSQL. The sums follow aggregateCounts exactly: a field is null when no unit
// reported it, oxygen is summed as numeric (exact cents), and a unit counts as reported when it gave any of the four
// judged figures. The severity figures are summed the same way into `counts` (null when no unit gave one) but count
// for nothing in `reported` or `byField`: a severity figure alone is not a report. How many units gave each of them is
// kept apart (severityByField), for growth: a week's sum is compared only with weeks as fully reported.

export interface SummedWeek {
  isoYear: number;
  isoWeek: number;
  counts: Counts;
  /** units with at least one figure */
  reported: number;
  /** per figure, how many units reported it */
  byField: Record<CountField, number>;
  /**
   * per figure, how many of the units expected to report it did: byField, except that new cases on the province's own
   * row (never expected there: expectedReporters in src/lib/surge) do not stand in for a missing district's
   */
  reportedByField: Record<CountField, number>;
  /** per severity figure, how many units reported it (optional figures: no count is expected of them) */
  severityByField: Record<SeverityField, number>;
}

interface Row {
  y: number;
  w: number;
  g: string | null;
  new_cases: number | null;
  new_cases_n: number;
  new_cases_expected_n: number;
  oxygen_avg7d: string | null;
  oxygen_avg7d_n: number;
  free_covid_beds: number | null;
  free_covid_beds_n: number;
  staffed_icu_beds: number | null;
  staffed_icu_beds_n: number;
  severe_cases: number | null;
  severe_cases_n: number;
  new_admissions: number | null;
  new_admissions_n: number;
  deaths: number | null;
  deaths_n: number;
  reported: number;
}

const FIGURES = Prisma.sql`
  SUM(r."newCases")::float8 AS new_cases, COUNT(r."newCases")::int AS new_cases_n,
  (COUNT(r."newCases") FILTER (WHERE u.kind <> 'province'))::int AS new_cases_expected_n,
  SUM(r."oxygenAvg7d")::text AS oxygen_avg7d, COUNT(r."oxygenAvg7d")::int AS oxygen_avg7d_n,
  SUM(r."freeCovidBeds")::float8 AS free_covid_beds, COUNT(r."freeCovidBeds")::int AS free_covid_beds_n,
  SUM(r."staffedIcuBeds")::float8 AS staffed_icu_beds, COUNT(r."staffedIcuBeds")::int AS staffed_icu_beds_n,
  SUM(r."severeCases")::float8 AS severe_cases, COUNT(r."severeCases")::int AS severe_cases_n,
  SUM(r."newAdmissions")::float8 AS new_admissions, COUNT(r."newAdmissions")::int AS new_admissions_n,
  SUM(r.deaths)::float8 AS deaths, COUNT(r.deaths)::int AS deaths_n,
  COUNT(*) FILTER (WHERE r."newCases" IS NOT NULL OR r."oxygenAvg7d" IS NOT NULL
                      OR r."freeCovidBeds" IS NOT NULL OR r."staffedIcuBeds" IS NOT NULL)::int AS reported`;

function weekBetween(from: IsoWeek, to: IsoWeek): Prisma.Sql {
  // row comparisons: PostgreSQL uses them as index conditions on (unitId, isoYear, isoWeek) and (isoYear, isoWeek)
  return Prisma.sql`(r."isoYear", r."isoWeek") >= (${from.isoYear}::int, ${from.isoWeek}::int)
    AND (r."isoYear", r."isoWeek") <= (${to.isoYear}::int, ${to.isoWeek}::int)`;
}

function toSummed(row: Row): SummedWeek & { group: string | null } {
  return {
    group: row.g,
    isoYear: row.y,
    isoWeek: row.w,
    counts: {
      newCases: row.new_cases_n > 0 ? Number(row.new_cases) : null,
      oxygenAvg7d: row.oxygen_avg7d_n > 0 && row.oxygen_avg7d !== null ? Number(row.oxygen_avg7d) : null,
      freeCovidBeds: row.free_covid_beds_n > 0 ? Number(row.free_covid_beds) : null,
      staffedIcuBeds: row.staffed_icu_beds_n > 0 ? Number(row.staffed_icu_beds) : null,
      severeCases: row.severe_cases_n > 0 ? Number(row.severe_cases) : null,
      newAdmissions: row.new_admissions_n > 0 ? Number(row.new_admissions) : null,
      deaths: row.deaths_n > 0 ? Number(row.deaths) : null,
    },
    reported: row.reported,
    byField: {
      newCases: row.new_cases_n,
      oxygenAvg7d: row.oxygen_avg7d_n,
      freeCovidBeds: row.free_covid_beds_n,
      staffedIcuBeds: row.staffed_icu_beds_n,
    },
    reportedByField: {
      newCases: row.new_cases_expected_n,
      oxygenAvg7d: row.oxygen_avg7d_n,
      freeCovidBeds: row.free_covid_beds_n,
      staffedIcuBeds: row.staffed_icu_beds_n,
    },
    severityByField: {
      severeCases: row.severe_cases_n,
      newAdmissions: row.new_admissions_n,
      deaths: row.deaths_n,
    },
  };
}

/** The province's weekly totals (its own row plus every reporting unit below it), one entry per week with any row. */
export async function sumProvinceByWeek(
  prisma: Client,
  provinceCode: string,
  from: IsoWeek,
  to: IsoWeek,
): Promise<SummedWeek[]> {
  const rows = await prisma.$queryRaw<Row[]>(Prisma.sql`
    SELECT r."isoYear" AS y, r."isoWeek" AS w, NULL AS g, ${FIGURES}
    FROM "WeeklyReport" r JOIN "AdminUnit" u ON u.id = r."unitId"
    WHERE u."provinceCode" = ${provinceCode} AND u.reports AND ${weekBetween(from, to)}
    GROUP BY r."isoYear", r."isoWeek"`);
  return rows.map(toSummed);
}

/** Weekly totals of one branch of the province (a district and whatever reports below it). */
export async function sumBranchByWeek(
  prisma: Client,
  provinceCode: string,
  path: string,
  from: IsoWeek,
  to: IsoWeek,
): Promise<SummedWeek[]> {
  const rows = await prisma.$queryRaw<Row[]>(Prisma.sql`
    SELECT r."isoYear" AS y, r."isoWeek" AS w, NULL AS g, ${FIGURES}
    FROM "WeeklyReport" r JOIN "AdminUnit" u ON u.id = r."unitId"
    WHERE u."provinceCode" = ${provinceCode} AND u.reports AND (u.path = ${path} OR u.path LIKE ${`${path}/%`})
      AND ${weekBetween(from, to)}
    GROUP BY r."isoYear", r."isoWeek"`);
  return rows.map(toSummed);
}

/**
 * Weekly totals per branch of the province: grouped by the code of the unit directly under the province (the second
 * element of the materialised path), so districts, or communes where the tree has no districts, come out the same way.
 */
export async function sumChildrenByWeek(
  prisma: Client,
  provinceCode: string,
  from: IsoWeek,
  to: IsoWeek,
): Promise<Array<SummedWeek & { group: string }>> {
  const rows = await prisma.$queryRaw<Row[]>(Prisma.sql`
    SELECT r."isoYear" AS y, r."isoWeek" AS w, split_part(u.path, '/', 2) AS g, ${FIGURES}
    FROM "WeeklyReport" r JOIN "AdminUnit" u ON u.id = r."unitId"
    WHERE u."provinceCode" = ${provinceCode} AND u.reports AND u.depth >= 1 AND ${weekBetween(from, to)}
    GROUP BY split_part(u.path, '/', 2), r."isoYear", r."isoWeek"`);
  return rows.map((r) => ({ ...toSummed(r), group: r.g ?? '' }));
}

/** Weekly totals of every province, for the national overview. */
export async function sumAllProvincesByWeek(
  prisma: Client,
  from: IsoWeek,
  to: IsoWeek,
): Promise<Array<SummedWeek & { group: string }>> {
  const rows = await prisma.$queryRaw<Row[]>(Prisma.sql`
    SELECT r."isoYear" AS y, r."isoWeek" AS w, u."provinceCode" AS g, ${FIGURES}
    FROM "WeeklyReport" r JOIN "AdminUnit" u ON u.id = r."unitId"
    WHERE u.reports AND ${weekBetween(from, to)}
    GROUP BY u."provinceCode", r."isoYear", r."isoWeek"`);
  return rows.map((r) => ({ ...toSummed(r), group: r.g ?? '' }));
}
