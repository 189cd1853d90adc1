import { Prisma } from '@/generated/prisma/client';
import type { IsoWeek } from '@/lib/epi-week';
import type { CountField, Counts, SeverityField } from '@/lib/surge';
import { figuresReportedBy, type ReportingSystem } from '@/lib/units';
import { reportingInWeekSql, thursdaySql } from '@/server/units/validity';
import type { Client } from './facts';

// The verdict reader's aggregations, done by the database: GROUP BY over the indexed columns (AdminUnit.provinceCode,
// the unique (unitId, isoYear, isoWeek) of WeeklyReport), so a national-scale table is never loaded into JavaScript.
// The same SQL runs on PGlite and PostgreSQL. The sums follow aggregateCounts exactly: a field is null when no unit
// reported it, oxygen is summed as numeric (exact cents), and a unit counts as reported when it gave any of the four
// judged figures. The severity figures are summed the same way into `counts` (null when no unit gave one) but count
// for nothing in `reported` or `byField`: a severity figure alone is not a report. How many units gave each of them is
// kept apart (severityByField), for growth: a week's sum is compared only with weeks as fully reported.
//
// Units in time (issue 15): a report counts only when its unit is expected to report in the report's week (valid on
// its Thursday and started reporting: reportingInWeekSql). A report stored for a unit outside its validity ("báo cáo
// theo đơn vị cũ") is summed apart (`legacy`) and never counted; the rows are grouped by the unit's kind as well, so
// the reader counts only each kind's own figures among the expected reporters (reportedBy) once it knows the week's
// system.

/** What a set of reports adds up to. */
export interface FigureSums {
  counts: Counts;
  /** units with at least one figure */
  reported: number;
  /** per figure, how many units reported it */
  byField: Record<CountField, number>;
  /** per severity figure, how many units reported it (optional figures: no count of them is expected) */
  severityByField: Record<SeverityField, number>;
}

export interface SummedWeek extends FigureSums {
  isoYear: number;
  isoWeek: number;
  /** per kind of the counted units, per figure, how many reported it (for reportedBy) */
  byKind: Record<string, Record<CountField, number>>;
  /** per kind of the counted units, their sums (for ownSums: each kind's own figures only) */
  perKind: Record<string, FigureSums>;
  /** the reports stored this week under units outside their validity: never part of the sums above */
  legacy: FigureSums | null;
}

interface Row {
  y: number;
  w: number;
  g: string | null;
  kind: string;
  cls: 'counted' | 'legacy';
  new_cases: number | null;
  new_cases_n: number;
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
  SUM(r."oxygenAvg7d")::text AS oxygen_avg7d, COUNT(r."oxygenAvg7d")::int AS oxygen_avg7d_n,
  SUM(r."freeCovidBeds")::float8 AS free_covid_beds, COUNT(r."freeCovidBeds")::int AS free_covid_beds_n,
  SUM(r."staffedIcuBeds")::float8 AS staffed_icu_beds, COUNT(r."staffedIcuBeds")::int AS staffed_icu_beds_n,
  SUM(r."severeCases")::float8 AS severe_cases, COUNT(r."severeCases")::int AS severe_cases_n,
  SUM(r."newAdmissions")::float8 AS new_admissions, COUNT(r."newAdmissions")::int AS new_admissions_n,
  SUM(r.deaths)::float8 AS deaths, COUNT(r.deaths)::int AS deaths_n,
  COUNT(*) FILTER (WHERE r."newCases" IS NOT NULL OR r."oxygenAvg7d" IS NOT NULL
                      OR r."freeCovidBeds" IS NOT NULL OR r."staffedIcuBeds" IS NOT NULL)::int AS reported`;

const THURSDAY = thursdaySql('r."isoYear"', 'r."isoWeek"');
/**
 * counted: the unit is expected to report in the row's week; legacy: the row's week is outside the unit's validity;
 * anything else (a unit valid but not yet reporting, or one that never reports) is neither, and left out.
 */
const CLASS = Prisma.raw(
  `CASE WHEN ${reportingInWeekSql('u', THURSDAY)} THEN 'counted' ` +
    `WHEN (u."validFrom" IS NOT NULL AND u."validFrom" > ${THURSDAY}) ` +
    `OR (u."validTo" IS NOT NULL AND u."validTo" < ${THURSDAY}) THEN 'legacy' END`,
);

function weekBetween(from: IsoWeek, to: IsoWeek): Prisma.Sql {
  // row comparisons: PostgreSQL uses them as index conditions on (unitId, isoYear, isoWeek) and (isoYear, isoWeek)
  return Prisma.sql`(r."isoYear", r."isoWeek") >= (${from.isoYear}::int, ${from.isoWeek}::int)
    AND (r."isoYear", r."isoWeek") <= (${to.isoYear}::int, ${to.isoWeek}::int)`;
}

/** The grouped query: `group` is the SQL of the group column (NULL for one group), `where` the units' filter. */
function query(prisma: Client, group: Prisma.Sql, where: Prisma.Sql, from: IsoWeek, to: IsoWeek): Promise<Row[]> {
  return prisma.$queryRaw<Row[]>(Prisma.sql`
    SELECT r."isoYear" AS y, r."isoWeek" AS w, ${group} AS g, u.kind AS kind, ${CLASS} AS cls, ${FIGURES}
    FROM "WeeklyReport" r JOIN "AdminUnit" u ON u.id = r."unitId"
    WHERE ${where} AND ${weekBetween(from, to)}
    GROUP BY 1, 2, 3, 4, 5`);
}

const NO_FIELDS = (): Record<CountField, number> => ({
  newCases: 0,
  oxygenAvg7d: 0,
  freeCovidBeds: 0,
  staffedIcuBeds: 0,
});

interface Acc {
  sums: Record<CountField | SeverityField, number>;
  oxygenCents: number;
  n: Record<CountField | SeverityField, number>;
  reported: number;
}

const newAcc = (): Acc => ({
  sums: {
    newCases: 0,
    oxygenAvg7d: 0,
    freeCovidBeds: 0,
    staffedIcuBeds: 0,
    severeCases: 0,
    newAdmissions: 0,
    deaths: 0,
  },
  oxygenCents: 0,
  n: { newCases: 0, oxygenAvg7d: 0, freeCovidBeds: 0, staffedIcuBeds: 0, severeCases: 0, newAdmissions: 0, deaths: 0 },
  reported: 0,
});

function addRow(acc: Acc, row: Row): Record<CountField, number> {
  const pairs: Array<[CountField | SeverityField, number | null, number]> = [
    ['newCases', row.new_cases, row.new_cases_n],
    ['freeCovidBeds', row.free_covid_beds, row.free_covid_beds_n],
    ['staffedIcuBeds', row.staffed_icu_beds, row.staffed_icu_beds_n],
    ['severeCases', row.severe_cases, row.severe_cases_n],
    ['newAdmissions', row.new_admissions, row.new_admissions_n],
    ['deaths', row.deaths, row.deaths_n],
  ];
  for (const [f, sum, n] of pairs) {
    acc.n[f] += n;
    if (n > 0) acc.sums[f] += Number(sum);
  }
  acc.n.oxygenAvg7d += row.oxygen_avg7d_n;
  // numeric(10,2) sums, added in hundredths across kinds: exact, as aggregateCounts
  if (row.oxygen_avg7d_n > 0 && row.oxygen_avg7d !== null)
    acc.oxygenCents += Math.round(Number(row.oxygen_avg7d) * 100);
  acc.reported += row.reported;
  return {
    newCases: row.new_cases_n,
    oxygenAvg7d: row.oxygen_avg7d_n,
    freeCovidBeds: row.free_covid_beds_n,
    staffedIcuBeds: row.staffed_icu_beds_n,
  };
}

function finish(acc: Acc): FigureSums {
  const v = (f: CountField | SeverityField) => (acc.n[f] > 0 ? acc.sums[f] : null);
  return {
    counts: {
      newCases: v('newCases'),
      oxygenAvg7d: acc.n.oxygenAvg7d > 0 ? acc.oxygenCents / 100 : null,
      freeCovidBeds: v('freeCovidBeds'),
      staffedIcuBeds: v('staffedIcuBeds'),
      severeCases: v('severeCases'),
      newAdmissions: v('newAdmissions'),
      deaths: v('deaths'),
    },
    reported: acc.reported,
    byField: {
      newCases: acc.n.newCases,
      oxygenAvg7d: acc.n.oxygenAvg7d,
      freeCovidBeds: acc.n.freeCovidBeds,
      staffedIcuBeds: acc.n.staffedIcuBeds,
    },
    severityByField: { severeCases: acc.n.severeCases, newAdmissions: acc.n.newAdmissions, deaths: acc.n.deaths },
  };
}

/** One entry per group and week with any counted or legacy row. */
function combine(rows: Row[]): Array<SummedWeek & { group: string }> {
  const weeks = new Map<
    string,
    { group: string; y: number; w: number; counted: Acc | null; legacy: Acc | null; kinds: Record<string, Acc> }
  >();
  const byKind = new Map<string, Record<string, Record<CountField, number>>>();
  for (const row of rows) {
    if (row.cls !== 'counted' && row.cls !== 'legacy') continue;
    const key = `${row.g ?? ''}|${row.y}|${row.w}`;
    let entry = weeks.get(key);
    if (!entry) {
      entry = { group: row.g ?? '', y: row.y, w: row.w, counted: null, legacy: null, kinds: {} };
      weeks.set(key, entry);
      byKind.set(key, {});
    }
    const acc = (entry[row.cls] ??= newAcc());
    const n = addRow(acc, row);
    if (row.cls === 'counted') {
      addRow((entry.kinds[row.kind] ??= newAcc()), row);
      const kinds = byKind.get(key)!;
      const seen = (kinds[row.kind] ??= NO_FIELDS());
      for (const f of Object.keys(n) as CountField[]) seen[f] += n[f];
    }
  }
  return [...weeks.entries()].map(([key, e]) => ({
    group: e.group,
    isoYear: e.y,
    isoWeek: e.w,
    ...finish(e.counted ?? newAcc()),
    byKind: byKind.get(key)!,
    perKind: Object.fromEntries(Object.entries(e.kinds).map(([k, acc]) => [k, finish(acc)])),
    legacy: e.legacy ? finish(e.legacy) : null,
  }));
}

/**
 * Per figure, how many of the expected reporters reported it: each unit's own figures only (figuresReportedBy under
 * the week's system), so new cases on the province's own row, or beds on a commune's, never stand in for a missing
 * reporter's.
 */
export function reportedBy(
  byKind: Record<string, Record<CountField, number>>,
  system: ReportingSystem,
): Record<CountField, number> {
  const out = NO_FIELDS();
  for (const [kind, n] of Object.entries(byKind)) for (const f of figuresReportedBy(kind, system)) out[f] += n[f];
  return out;
}

/**
 * The week's sums of each kind's own figures under the week's system: a figure stored on a row whose role does not
 * report it (Lai Châu's own row kept the oxygen figure it reported for 2026 weeks before the reform reached the
 * installation) is in no sum, as it is in no reportedBy count. Severity figures and `reported` are as summed.
 */
export function ownSums(sum: SummedWeek, system: ReportingSystem): FigureSums {
  const counts: Counts = {
    ...sum.counts,
    newCases: null,
    oxygenAvg7d: null,
    freeCovidBeds: null,
    staffedIcuBeds: null,
  };
  const byField = NO_FIELDS();
  let oxygenCents = 0;
  for (const [kind, part] of Object.entries(sum.perKind))
    for (const f of figuresReportedBy(kind, system)) {
      const value = part.counts[f];
      if (part.byField[f] === 0 || value === null || value === undefined) continue;
      byField[f] += part.byField[f];
      if (f === 'oxygenAvg7d') oxygenCents += Math.round(value * 100);
      else counts[f] = (counts[f] ?? 0) + value;
    }
  if (byField.oxygenAvg7d > 0) counts.oxygenAvg7d = oxygenCents / 100;
  return { ...sum, counts, byField };
}

/** The province's weekly totals (its own row plus every reporting unit below it), one entry per week with any row. */
export async function sumProvinceByWeek(
  prisma: Client,
  provinceCode: string,
  from: IsoWeek,
  to: IsoWeek,
): Promise<SummedWeek[]> {
  return combine(await query(prisma, Prisma.sql`NULL`, Prisma.sql`u."provinceCode" = ${provinceCode}`, from, to));
}

/** Weekly totals of one branch of the province (a district and whatever reports below it, a commune, a facility). */
export async function sumBranchByWeek(
  prisma: Client,
  provinceCode: string,
  path: string,
  from: IsoWeek,
  to: IsoWeek,
): Promise<SummedWeek[]> {
  const where = Prisma.sql`u."provinceCode" = ${provinceCode} AND (u.path = ${path} OR u.path LIKE ${`${path}/%`})`;
  return combine(await query(prisma, Prisma.sql`NULL`, where, from, to));
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
  const where = Prisma.sql`u."provinceCode" = ${provinceCode} AND u.depth >= 1`;
  return combine(await query(prisma, Prisma.sql`split_part(u.path, '/', 2)`, where, from, to));
}

/** Weekly totals of every province, for the national overview. */
export async function sumAllProvincesByWeek(
  prisma: Client,
  from: IsoWeek,
  to: IsoWeek,
): Promise<Array<SummedWeek & { group: string }>> {
  return combine(await query(prisma, Prisma.sql`u."provinceCode"`, Prisma.sql`u.reports`, from, to));
}
