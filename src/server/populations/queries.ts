import 'server-only';
import { can } from '@/lib/permissions';
import type { SessionUser } from '@/lib/roles';
import { db } from '@/server/db';
import type { PopulationFigureView } from '@/lib/contracts/admin';
import { MAX_POPULATION_YEAR, MIN_POPULATION_YEAR } from '@/lib/validations/population-import';
import { dayOf, validDuringYear, validOn, vietnamDay } from './validity';

export type { PopulationFigureView };

// Reads for /admin/populations. The catalogue holds every province of both periods (before and after 1 July 2025)
// and some 14,000 units, so the page shows one province at a time, and of it the units valid in the chosen year: the
// 2024 figures of a province are its districts' and old communes', the 2026 ones its new communes' and facilities'.

export interface ProvinceChoice {
  code: string;
  gsoCode: string;
  name: string;
  /** against today in Vietnam */
  status: 'inForce' | 'future' | 'ended';
  validFrom: string | null;
  validTo: string | null;
}

export interface PopulationUnit {
  id: number;
  code: string;
  gsoCode: string;
  name: string;
  kind: string;
  validFrom: string | null;
  validTo: string | null;
  figures: Record<number, PopulationFigureView>;
}

export interface PopulationTable {
  province: ProvinceChoice;
  /** the provinces in force today first, by name; then those not yet begun, then those that ended */
  provinces: ProvinceChoice[];
  /** the years for which a unit of the province has a figure, newest first */
  years: number[];
  year: number;
  /** the years the page offers: those with figures, and the current and next one while the province is valid */
  yearChoices: number[];
  /** the units valid at some time in the year, in the tree's order (province, then its branches) */
  units: PopulationUnit[];
}

const ymd = (d: Date | null) => (d ? dayOf(d) : null);

const RANK = { inForce: 0, future: 1, ended: 2 } as const;
/** "Thành phố Hà Nội" among the provinces under H, not before every "Tỉnh" */
const sortName = (name: string) => name.replace(/^(Tỉnh|Thành phố)\s+/u, '');

function statusOn(p: { validFrom: Date | null; validTo: Date | null }, today: string): ProvinceChoice['status'] {
  if (validOn(p, today)) return 'inForce';
  return p.validFrom !== null && dayOf(p.validFrom) > today ? 'future' : 'ended';
}

export async function getPopulationTable(
  user: SessionUser,
  query: { province?: string; year?: string },
  now: Date,
): Promise<PopulationTable | null> {
  if (!can(user, 'populations.manage')) return null;
  const prisma = await db();
  const today = vietnamDay(now);
  const rows = await prisma.adminUnit.findMany({
    where: { kind: 'province' },
    select: { code: true, gsoCode: true, name: true, validFrom: true, validTo: true },
  });
  const provinces: ProvinceChoice[] = rows
    .map((p) => ({
      code: p.code,
      gsoCode: p.gsoCode,
      name: p.name,
      status: statusOn(p, today),
      validFrom: ymd(p.validFrom),
      validTo: ymd(p.validTo),
    }))
    .sort((a, b) => RANK[a.status] - RANK[b.status] || sortName(a.name).localeCompare(sortName(b.name), 'vi'));
  const province = provinces.find((p) => p.code === query.province) ?? provinces[0];
  if (!province || !can(user, 'populations.manage', { provinceCode: province.code })) return null;

  const units = await prisma.adminUnit.findMany({
    where: { provinceCode: province.code },
    select: {
      id: true,
      code: true,
      gsoCode: true,
      name: true,
      kind: true,
      validFrom: true,
      validTo: true,
      populations: {
        select: {
          year: true,
          population: true,
          approximate: true,
          source: true,
          updatedAt: true,
          updatedBy: { select: { email: true } },
        },
      },
    },
    orderBy: { path: 'asc' },
  });
  const years = [...new Set(units.flatMap((u) => u.populations.map((p) => p.year)))].sort((a, b) => b - a);
  const thisYear = Number(today.slice(0, 4));
  const provinceValidIn = (y: number) =>
    (province.validFrom === null || province.validFrom <= `${y}-12-31`) &&
    (province.validTo === null || province.validTo >= `${y}-01-01`);
  const offered = [thisYear + 1, thisYear].filter(provinceValidIn);
  // an ended province's last year, when it has no figure yet
  const fallback = province.validTo ? Math.min(Number(province.validTo.slice(0, 4)), thisYear) : thisYear;
  const requested = Number(query.year);
  const valid = (y: number) => Number.isInteger(y) && y >= MIN_POPULATION_YEAR && y <= MAX_POPULATION_YEAR;
  const year = valid(requested) && requested <= thisYear + 1 ? requested : (years[0] ?? fallback);
  const yearChoices = [...new Set([...offered, fallback, ...years, year])].sort((a, b) => b - a);
  return {
    province,
    provinces,
    years,
    year,
    yearChoices,
    units: units
      .filter((u) => validDuringYear(u, year))
      .map((u) => ({
        id: u.id,
        code: u.code,
        gsoCode: u.gsoCode,
        name: u.name,
        kind: u.kind,
        validFrom: ymd(u.validFrom),
        validTo: ymd(u.validTo),
        figures: Object.fromEntries(
          u.populations.map((p) => [
            p.year,
            {
              population: p.population,
              approximate: p.approximate,
              source: p.source,
              updatedAt: p.updatedAt.toISOString(),
              updatedBy: p.updatedBy?.email ?? null,
            },
          ]),
        ),
      })),
  };
}
