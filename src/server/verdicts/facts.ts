import type { PrismaClient } from '@/generated/prisma/client';
import { weekThursday, type IsoWeek } from '@/lib/epi-week';
import { selectPlan, type CountField, type Plan } from '@/lib/surge';
import { figuresReportedBy, reportingSystem, type ReportingSystem } from '@/lib/units';
import { PLAN_VERSION_SELECT, rowToPlan } from '@/server/plans/mapping';
import type { Tx } from './province-verdict';

// The slow-changing facts a province's verdict is judged by: its reporting units with their validity (who is expected
// to report what in which week: expectedIn, the one week rule of src/server/units/validity.ts), populations and plan
// versions. Week-independent, so they are loaded once and cached (meta.ts) whatever the weeks judged. Loaded through
// any client, the save's transaction included. No `server-only`: the seed opens the demo activation through the
// verdict reader, outside Next.

/** The app's client or a transaction's: the verdict reader works inside the save transaction and outside it. */
export type Client = PrismaClient | Tx;

export interface PopulationRow {
  year: number;
  population: number;
  approximate: boolean;
}

/**
 * Reporting units that share a kind and the same span of weeks, and how many they are: who is expected to report what
 * in a week follows from these (expectedIn), with no query per week (the dashboards judge 156 weeks at a time). Dates
 * are 'YYYY-MM-DD' (null = open), so the facts stay plain objects in the cache.
 */
export interface ReporterSpan {
  kind: string;
  validFrom: string | null;
  validTo: string | null;
  reportsFrom: string | null;
  count: number;
}

/** A unit's validity, 'YYYY-MM-DD' inclusive, null = open (the one week rule: valid on the week's Thursday). */
export interface ValiditySpan {
  validFrom: string | null;
  validTo: string | null;
}

export interface BranchMeta extends ValiditySpan {
  /** the unit's id (the scope of a local officer) */
  id: number;
  code: string;
  name: string;
  kind: string;
  path: string;
  populations: PopulationRow[];
  /** the reporting units in the branch (the district itself, the commune, the facility) */
  reporters: ReporterSpan[];
}

export interface ProvinceMeta extends ValiditySpan {
  code: string;
  name: string;
  populations: PopulationRow[];
  /** every reporting unit of the province in any week (its own row, districts, communes, facilities): see expectedIn */
  reporters: ReporterSpan[];
  /** the units directly under the province in any week (districts, communes, facilities), in GSO code order */
  branches: BranchMeta[];
  /** every plan version that can apply to the province (its own and the default plan's) */
  plans: Plan[];
}

const POPULATION_SELECT = {
  select: { year: true, population: true, approximate: true },
  orderBy: { year: 'asc' },
} as const;

const day = (d: Date | null): string | null => (d === null ? null : d.toISOString().slice(0, 10));

/** Whether a unit is valid in a week: on its Thursday, inclusive bounds. */
export function validInWeek(unit: ValiditySpan, week: IsoWeek): boolean {
  const thursday = weekThursday(week);
  return (unit.validFrom === null || unit.validFrom <= thursday) && (unit.validTo === null || unit.validTo >= thursday);
}

export interface Expected {
  /** units expected to report in the week */
  units: number;
  /** per judged figure, how many of them report it (figuresReportedBy) */
  byField: Record<CountField, number>;
  system: ReportingSystem;
}

/** Who is expected to report what in a week (reportingInWeekWhere's rule over the loaded spans). */
export function expectedIn(reporters: readonly ReporterSpan[], week: IsoWeek): Expected {
  const thursday = weekThursday(week);
  const now = reporters.filter(
    (r) =>
      (r.validFrom === null || r.validFrom <= thursday) &&
      (r.validTo === null || r.validTo >= thursday) &&
      (r.reportsFrom === null || r.reportsFrom <= thursday),
  );
  const system = reportingSystem(now.map((r) => r.kind));
  const byField: Record<CountField, number> = { newCases: 0, oxygenAvg7d: 0, freeCovidBeds: 0, staffedIcuBeds: 0 };
  let units = 0;
  for (const r of now) {
    units += r.count;
    for (const f of figuresReportedBy(r.kind, system)) byField[f] += r.count;
  }
  return { units, byField, system };
}

/** Groups units into spans (same kind and dates). */
function spansOf(
  units: ReadonlyArray<{ kind: string; validFrom: Date | null; validTo: Date | null; reportsFrom: Date | null }>,
): ReporterSpan[] {
  const spans = new Map<string, ReporterSpan>();
  for (const u of units) {
    const span = {
      kind: u.kind,
      validFrom: day(u.validFrom),
      validTo: day(u.validTo),
      reportsFrom: day(u.reportsFrom),
    };
    const key = `${span.kind}|${span.validFrom}|${span.validTo}|${span.reportsFrom}`;
    const seen = spans.get(key);
    if (seen) seen.count++;
    else spans.set(key, { ...span, count: 1 });
  }
  return [...spans.values()];
}

const VALIDITY = { validFrom: true, validTo: true } as const;

export async function loadProvinceMeta(prisma: Client, code: string): Promise<ProvinceMeta | null> {
  const province = await prisma.adminUnit.findUnique({
    where: { code },
    select: { code: true, name: true, kind: true, depth: true, ...VALIDITY, populations: POPULATION_SELECT },
  });
  if (!province || province.kind !== 'province' || province.depth !== 0) return null;
  const [units, versions] = await Promise.all([
    // the province's whole tree, both eras, but only the units that report plus the branches (a few hundred rows at
    // most; old communes, which never report, are left out unless they are a branch)
    prisma.adminUnit.findMany({
      where: { provinceCode: code, OR: [{ reports: true }, { depth: 1 }] },
      select: {
        id: true,
        code: true,
        name: true,
        kind: true,
        depth: true,
        path: true,
        reports: true,
        ...VALIDITY,
        reportsFrom: true,
        populations: POPULATION_SELECT,
      },
      orderBy: [{ depth: 'asc' }, { code: 'asc' }],
    }),
    prisma.planVersion.findMany({
      where: { plan: { OR: [{ provinceCode: code }, { provinceCode: null }] } },
      select: PLAN_VERSION_SELECT,
    }),
  ]);
  const reporting = units.filter((u) => u.reports);
  const branches: BranchMeta[] = units
    .filter((u) => u.depth === 1)
    .map((u) => ({
      id: u.id,
      code: u.code,
      name: u.name,
      kind: u.kind,
      path: u.path,
      validFrom: day(u.validFrom),
      validTo: day(u.validTo),
      populations: u.populations,
      reporters: spansOf(reporting.filter((x) => x.path === u.path || x.path.startsWith(`${u.path}/`))),
    }));
  return {
    code: province.code,
    name: province.name,
    validFrom: day(province.validFrom),
    validTo: day(province.validTo),
    populations: province.populations,
    reporters: spansOf(reporting),
    branches,
    plans: versions.map(rowToPlan),
  };
}

export interface NationalMeta {
  /** every province of every era (63 before 1 July 2025, 34 after; a continuing one once): rows keep those valid */
  provinces: Array<
    ValiditySpan & { code: string; name: string; populations: PopulationRow[]; reporters: ReporterSpan[] }
  >;
  plans: Plan[];
}

export async function loadNationalMeta(prisma: Client): Promise<NationalMeta> {
  const [provinces, spans, versions] = await Promise.all([
    prisma.adminUnit.findMany({
      where: { kind: 'province', depth: 0 },
      select: { code: true, name: true, ...VALIDITY, populations: POPULATION_SELECT },
      orderBy: { code: 'asc' },
    }),
    // ~4,000 reporting units of both eras come back as a few hundred spans: no unit list in memory, no query per week
    prisma.adminUnit.groupBy({
      by: ['provinceCode', 'kind', 'validFrom', 'validTo', 'reportsFrom'],
      where: { reports: true },
      _count: { _all: true },
    }),
    prisma.planVersion.findMany({ select: PLAN_VERSION_SELECT }),
  ]);
  const byProvince = new Map<string, ReporterSpan[]>();
  for (const g of spans) {
    const list = byProvince.get(g.provinceCode) ?? [];
    list.push({
      kind: g.kind,
      validFrom: day(g.validFrom),
      validTo: day(g.validTo),
      reportsFrom: day(g.reportsFrom),
      count: g._count._all,
    });
    byProvince.set(g.provinceCode, list);
  }
  return {
    provinces: provinces.map((p) => ({
      code: p.code,
      name: p.name,
      validFrom: day(p.validFrom),
      validTo: day(p.validTo),
      populations: p.populations,
      reporters: byProvince.get(p.code) ?? [],
    })),
    plans: versions.map(rowToPlan),
  };
}

/** The plan in force for a province in a week, among plans already loaded (getPlanForWeek reads them itself). */
export function planInForce(plans: Plan[], provinceCode: string, week: IsoWeek): Plan {
  return selectPlan(plans, provinceCode, weekThursday(week));
}
