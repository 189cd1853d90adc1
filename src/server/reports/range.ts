import 'server-only';
import { compareWeeks, formatIsoWeek, weekMonday, weekThursday, type IsoWeek } from '@/lib/epi-week';
import type { ReportsReadScope } from '@/lib/permissions';
import { evaluateDistrict, selectPlan, severityRates, type Counts, type Plan } from '@/lib/surge';
import { readProvinceVerdicts } from '@/server/verdicts/read';
import { hasReported, judgedCounts, type Figures } from '@/lib/validations/figures';
import { db } from '../db';
import { PLAN_VERSION_SELECT, rowToPlan } from '../plans/mapping';
import { codeInWeek, expectedOn } from './checks';
import { getAllReportingUnits, type ReportingUnit } from './queries';
import { populationInForce } from '@/server/populations/in-force';
import { readReports, reportKey } from './store';
import { findUnitInWeek } from './units';
import type { UnitInfo } from './checks';

// Reports of a province over a range of weeks (the API's list and the export, with rates and verdicts), and one unit's
// report for one week (the API's GET of one report). The route wrapper checked reports.read in the scope these reads
// receive; they keep to it in their where clauses (a district officer's names their unit: docs/adr/0004).

/** Five years of weekly reports: more is a mistake in the range, not a need. */
export const MAX_RANGE_WEEKS = 260;

export type RangeResult<T> = { status: 'ok'; data: T } | { status: 'not-found' } | { status: 'bad-range' };

export interface RangeReport extends Figures {
  /** the GSO code while the unit held it that week, else its handle (code~yyyymmdd): resolvable with the week */
  unitCode: string;
  unitName: string;
  kind: string;
  /** stored under a former unit: outside the unit's validity that week (never counted in a verdict) */
  formerUnit: boolean;
  isoWeek: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

function rangeLength(from: IsoWeek, to: IsoWeek): number {
  const days = (Date.parse(weekMonday(to)) - Date.parse(weekMonday(from))) / 86_400_000;
  return Math.round(days / 7) + 1;
}

async function scoped(scope: ReportsReadScope, from: IsoWeek, to: IsoWeek) {
  if (compareWeeks(from, to) > 0 || rangeLength(from, to) > MAX_RANGE_WEEKS) return { status: 'bad-range' } as const;
  // every unit that ever reported: a range may cross a reform, and stored reports under former units are listed too
  const found = await getAllReportingUnits(scope.provinceCode);
  if (!found) return { status: 'not-found' } as const;
  // Only the units of the scope (a district officer's: their own); `whole` when all.
  const units = scope.unitId === undefined ? found.units : found.units.filter((u) => u.id === scope.unitId);
  const reports = await readReports(
    await db(),
    units.map((u) => u.id),
    from,
    to,
  );
  return { status: 'ok', found, units, whole: units.length === found.units.length, reports } as const;
}

export async function getReportsInRange(
  scope: ReportsReadScope,
  from: IsoWeek,
  to: IsoWeek,
): Promise<RangeResult<{ province: { code: string; name: string }; reports: RangeReport[] }>> {
  const s = await scoped(scope, from, to);
  if (s.status !== 'ok') return s;
  const unitById = new Map(s.found.units.map((u) => [u.id, u]));
  const reports = s.reports.map((r): RangeReport => {
    const u = unitById.get(r.unitId)!;
    const thursday = weekThursday(r.week);
    return {
      unitCode: codeInWeek(u, thursday),
      unitName: u.name,
      kind: u.kind,
      formerUnit: !expectedOn(u, thursday),
      isoWeek: formatIsoWeek(r.week),
      ...r.figures,
      version: r.version,
      updatedAt: r.updatedAt.toISOString(),
      updatedBy: r.updatedBy,
    };
  });
  return { status: 'ok', data: { province: { code: s.found.province.code, name: s.found.province.name }, reports } };
}

/**
 * A unit by a code and the week it concerns (a GSO code names the unit that held it that week; a handle its unit),
 * with what the one-report routes scope by; null when there is none.
 */
export async function getUnitByCode(code: string, week: IsoWeek): Promise<UnitInfo | null> {
  return (await findUnitInWeek(await db(), code, week)) ?? null;
}

/** One unit's report for one week; undefined when nothing is stored. */
export async function getUnitWeekReport(unitId: number, week: IsoWeek) {
  const [report] = await readReports(await db(), [unitId], week, week);
  return report;
}

export interface ExportRow extends Figures {
  isoWeek: string;
  unitCode: string;
  unitName: string;
  rowType: 'province-total' | 'province-facilities' | 'facility' | 'district' | 'commune';
  /** a report stored under a former unit (outside its validity that week): never counted in the total */
  formerUnit: boolean | null;
  population: number | null;
  casesPer100k: number | null;
  oxygenPer100k: number | null;
  freeBedsPer100k: number | null;
  icuBedsPer100k: number | null;
  severePer100k: number | null;
  admissionsPer100k: number | null;
  deathsPer100k: number | null;
  /** the plans' own unit for deaths */
  deathsPer1m: number | null;
  level: string | null;
  provisional: boolean | null;
  /** the province total's: whether the missing reports could still change its level (null on units' rows) */
  settled: boolean | null;
  reportedUnits: string | null;
  plan: string;
}

const round2 = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 100) / 100);

function rates(criteria: { rate: number | null }[]) {
  const [c, o, b, i] = criteria;
  return {
    casesPer100k: round2(c?.rate),
    oxygenPer100k: round2(o?.rate),
    freeBedsPer100k: round2(b?.rate),
    icuBedsPer100k: round2(i?.rate),
  };
}

const NO_RATES = { casesPer100k: null, oxygenPer100k: null, freeBedsPer100k: null, icuBedsPer100k: null };

const NO_SEVERITY_RATES = { severePer100k: null, admissionsPer100k: null, deathsPer100k: null, deathsPer1m: null };

/** The severity figures per 100,000 (deaths also per 1,000,000), rounded like the other rates of the export. */
function severityColumns(counts: Counts, population: number | null) {
  if (population === null) return NO_SEVERITY_RATES;
  const r = severityRates(counts, population);
  return {
    severePer100k: round2(r.severeCases),
    admissionsPer100k: round2(r.newAdmissions),
    deathsPer100k: round2(r.deaths),
    deathsPer1m: round2(r.deathsPerMillion),
  };
}

/** Per week: the province total (its verdict) and every reporting unit (districts with their epidemic verdict). */
export async function getExportRows(
  scope: ReportsReadScope,
  from: IsoWeek,
  to: IsoWeek,
): Promise<RangeResult<{ province: { code: string; name: string }; rows: ExportRow[] }>> {
  const s = await scoped(scope, from, to);
  if (s.status !== 'ok') return s;
  const { provinceCode } = scope;
  const prisma = await db();
  const plans = (
    await prisma.planVersion.findMany({
      where: { plan: { OR: [{ provinceCode }, { provinceCode: null }] } },
      select: PLAN_VERSION_SELECT,
    })
  ).map(rowToPlan);
  const byKey = new Map(s.reports.map((r) => [reportKey(r.unitId, r.week), r]));
  const weeks = [...new Map(s.reports.map((r) => [formatIsoWeek(r.week), r.week])).values()].sort(compareWeeks);
  // the province total's verdict: the one reader's, as every page shows it (only for users who may read every unit)
  const totals =
    s.whole && weeks.length > 0
      ? new Map(
          ((await readProvinceVerdicts(prisma, provinceCode, weeks[0]!, weeks[weeks.length - 1]!)) ?? []).map((w) => [
            w.week,
            w,
          ]),
        )
      : new Map();
  const rows: ExportRow[] = [];
  for (const week of weeks) {
    const thursday = weekThursday(week);
    const plan: Plan = selectPlan(plans, provinceCode, thursday);
    const figuresOf = (u: ReportingUnit) => byKey.get(reportKey(u.id, week))?.figures ?? null;
    const population = populationInForce(s.found.province.populations, week)?.population ?? null;
    const weekText = formatIsoWeek(week);
    const base = { isoWeek: weekText, plan: `${plan.name} (v${plan.version})` };
    // the province total sums every unit's figures: only for users who may read them all
    const total = totals.get(weekText);
    if (population !== null && total) {
      const sum = (k: 'totalCovidBeds' | 'totalIcuBeds') =>
        s.found.units
          .filter((u) => expectedOn(u, thursday))
          .reduce<number | null>((acc, u) => (figuresOf(u)?.[k] == null ? acc : (acc ?? 0) + figuresOf(u)![k]!), null);
      rows.push({
        ...base,
        unitCode: s.found.province.code,
        unitName: s.found.province.name,
        rowType: 'province-total',
        formerUnit: null,
        population,
        ...total.counts,
        totalCovidBeds: sum('totalCovidBeds'),
        totalIcuBeds: sum('totalIcuBeds'),
        ...rates(total.criteria ?? []),
        ...severityColumns(total.counts, population),
        level: total.level,
        provisional: total.provisional,
        settled: total.settled,
        reportedUnits: `${total.reported}/${total.expected}`,
      });
    }
    for (const u of s.units) {
      const f = figuresOf(u);
      if (!f) continue;
      const pop = populationInForce(u.populations, week)?.population ?? null;
      // districts and communes have a population of their own; the province row and facilities add to a total
      const local = u.kind === 'district' || u.kind === 'commune';
      const verdict = local && pop !== null && hasReported(f) ? evaluateDistrict(judgedCounts(f), pop, plan) : null;
      rows.push({
        ...base,
        unitCode: codeInWeek(u, thursday),
        unitName: u.name,
        rowType: u.kind === 'province' ? 'province-facilities' : (u.kind as ExportRow['rowType']),
        formerUnit: !expectedOn(u, thursday),
        population: pop,
        ...f,
        ...(verdict ? rates(verdict.criteria) : NO_RATES),
        // the province's own row is part of a total, not a population: no rates, as for the judged figures
        ...(local ? severityColumns(f, pop) : NO_SEVERITY_RATES),
        level: verdict?.level ?? null,
        provisional: verdict?.provisional ?? null,
        settled: null,
        reportedUnits: null,
      });
    }
  }
  return { status: 'ok', data: { province: { code: s.found.province.code, name: s.found.province.name }, rows } };
}
