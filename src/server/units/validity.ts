import { weekThursday, type IsoWeek } from '@/lib/epi-week';
import type { Prisma } from '@/generated/prisma/client';

// The one week rule (docs/adr/0014-units-in-time.md): a week belongs to the units valid on its Thursday, and a unit is
// expected to report in it when it reports at all, is valid then and has started reporting (reportsFrom). Every query
// that lists a province's units for a week goes through these. No `server-only`: the seed and the tests use them.

const day = (d: string) => new Date(`${d}T00:00:00Z`);

/** Units valid on a day (YYYY-MM-DD): inclusive bounds, null = open. */
export function validOnWhere(date: string): Prisma.AdminUnitWhereInput {
  return {
    AND: [
      { OR: [{ validFrom: null }, { validFrom: { lte: day(date) } }] },
      { OR: [{ validTo: null }, { validTo: { gte: day(date) } }] },
    ],
  };
}

/** Units valid in a week (on its Thursday). */
export function validInWeekWhere(week: IsoWeek): Prisma.AdminUnitWhereInput {
  return validOnWhere(weekThursday(week));
}

/** The units expected to report in a week: reporting units valid on its Thursday that have started reporting. */
export function reportingInWeekWhere(week: IsoWeek): Prisma.AdminUnitWhereInput {
  const thursday = weekThursday(week);
  return {
    reports: true,
    AND: [validOnWhere(thursday), { OR: [{ reportsFrom: null }, { reportsFrom: { lte: day(thursday) } }] }],
  };
}

/**
 * The same rule in SQL, for the database sums: `alias` is the AdminUnit alias, `thursdayExpr` an SQL expression for
 * the week's Thursday as a date (a parameter, or computed from the report row's week).
 */
export function reportingInWeekSql(alias: string, thursdayExpr: string): string {
  return (
    `${alias}.reports AND (${alias}."validFrom" IS NULL OR ${alias}."validFrom" <= ${thursdayExpr}) ` +
    `AND (${alias}."validTo" IS NULL OR ${alias}."validTo" >= ${thursdayExpr}) ` +
    `AND (${alias}."reportsFrom" IS NULL OR ${alias}."reportsFrom" <= ${thursdayExpr})`
  );
}

/** The SQL date of an ISO week's Thursday, from a row's isoYear/isoWeek columns (to_date's IYYY-IW: the ISO Monday). */
export function thursdaySql(isoYearExpr: string, isoWeekExpr: string): string {
  return `(to_date(${isoYearExpr}::text || '-' || lpad(${isoWeekExpr}::text, 2, '0') || '-4', 'IYYY-IW-ID'))`;
}
