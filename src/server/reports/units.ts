import 'server-only';
import type { Prisma, PrismaClient } from '@/generated/prisma/client';
import { weekThursday, type IsoWeek } from '@/lib/epi-week';
import { reportingSystem, type ReportingSystem } from '@/lib/units';
import { expectedOn, resolveUnit, type UnitInfo } from './checks';

// The units a save, a file or the API names, loaded once per province and resolved per row with the row's week
// (docs/adr/0014-units-in-time.md): what the checks in checks.ts judge.

type Client = PrismaClient | Prisma.TransactionClient;

export const UNIT_INFO_SELECT = {
  id: true,
  code: true,
  gsoCode: true,
  name: true,
  kind: true,
  provinceCode: true,
  reports: true,
  validFrom: true,
  validTo: true,
  reportsFrom: true,
} as const;

type UnitRow = Prisma.AdminUnitGetPayload<{ select: typeof UNIT_INFO_SELECT }>;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export const toUnitInfo = (u: UnitRow): UnitInfo => ({
  ...u,
  validFrom: day(u.validFrom),
  validTo: day(u.validTo),
  reportsFrom: day(u.reportsFrom),
});

/** Every unit of a province (its handle), reporting or not, whatever its validity: a few hundred at most. */
export async function loadProvinceUnits(client: Client, provinceCode: string): Promise<UnitInfo[]> {
  const rows = await client.adminUnit.findMany({
    where: { provinceCode },
    select: UNIT_INFO_SELECT,
    orderBy: [{ depth: 'asc' }, { code: 'asc' }],
  });
  return rows.map(toUnitInfo);
}

/** The system of a province-week (who reports what), from the units expected to report on its Thursday. */
export function systemIn(units: readonly UnitInfo[], week: IsoWeek): ReportingSystem {
  const thursday = weekThursday(week);
  return reportingSystem(units.filter((u) => expectedOn(u, thursday)).map((u) => u.kind));
}

/** systemIn, remembered per week (an import repeats a few weeks thousands of times). */
export function systemsOf(units: readonly UnitInfo[]): (week: IsoWeek) => ReportingSystem {
  const memo = new Map<string, ReportingSystem>();
  return (week) => {
    const key = `${week.isoYear}-${week.isoWeek}`;
    let s = memo.get(key);
    if (!s) memo.set(key, (s = systemIn(units, week)));
    return s;
  };
}

/**
 * The units some (code, week) pairs name, the province's first; codes it has none of are looked up elsewhere, only
 * to say "another province" rather than "unknown unit".
 */
export async function resolveCodes(
  client: Client,
  own: readonly UnitInfo[],
  wanted: readonly { code: string; week: IsoWeek }[],
): Promise<(UnitInfo | undefined)[]> {
  const known = new Set(own.flatMap((u) => [u.code, u.gsoCode]));
  const foreignCodes = [...new Set(wanted.map((w) => w.code).filter((c) => !known.has(c)))].slice(0, 500);
  const foreign =
    foreignCodes.length === 0
      ? []
      : (
          await client.adminUnit.findMany({
            where: { OR: [{ code: { in: foreignCodes } }, { gsoCode: { in: foreignCodes } }] },
            select: UNIT_INFO_SELECT,
          })
        ).map(toUnitInfo);
  return wanted.map(({ code, week }) => {
    const thursday = weekThursday(week);
    return resolveUnit(own, code, thursday) ?? resolveUnit(foreign, code, thursday);
  });
}

/** One unit by a code and the week it concerns, anywhere (the API's /reports/{unitCode}/{isoWeek}). */
export async function findUnitInWeek(client: Client, code: string, week: IsoWeek): Promise<UnitInfo | undefined> {
  const rows = await client.adminUnit.findMany({
    where: { OR: [{ code }, { gsoCode: code }] },
    select: UNIT_INFO_SELECT,
  });
  return resolveUnit(rows.map(toUnitInfo), code, weekThursday(week));
}
