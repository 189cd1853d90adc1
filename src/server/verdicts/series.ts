import 'server-only';
import { formatIsoWeek, weekRange, type IsoWeek } from '@/lib/epi-week';
import type { CriterionResult, PlanCriterion, SurgeLevel } from '@/lib/surge';
import { cachedFigures } from '@/server/verdicts/cache';
import { db } from '@/server/db';
import { expectedIn, validInWeek } from './facts';
import { planInForce, type BranchMeta, type ProvinceMeta } from './meta';
import { judgeWeeks, readProvinceVerdicts, type WeekFigures } from './read';
import { sumBranchByWeek, sumChildrenByWeek, type SummedWeek } from './sums';

export type { WeekFigures } from './read';

const weekKey = (w: IsoWeek) => `${w.isoYear}-${w.isoWeek}`;

// The dashboards' series: the province's verdicts from the one reader (read.ts), cached under the province's
// fingerprint, and its branches' (districts') figures judged on their epidemic criteria. Unscoped: the dashboard's
// reads in src/server/dashboard/ (province.ts, district.ts, national.ts) check the user's permission before calling
// these. Plain objects only, so they can be cached and passed to client charts.

/** The longest trend a view can ask for (three years); every series is computed over this window and sliced. */
export const SERIES_WEEKS = 156;
export const HEATMAP_WEEKS = 12;

/** The province's figures for the SERIES_WEEKS weeks ending with `end`, oldest first; missing weeks have null counts. */
export function getProvinceSeries(meta: ProvinceMeta, end: IsoWeek, fingerprint: string): Promise<WeekFigures[]> {
  return cachedFigures(`series:${meta.code}:${weekKey(end)}:${fingerprint}`, async () => {
    const weeks = weekRange(end, SERIES_WEEKS);
    const series = await readProvinceVerdicts(await db(), meta.code, weeks[0]!, end, meta);
    if (!series) throw new Error(`Province ${meta.code} disappeared while reading it`);
    return series;
  });
}

const branchJudged = (b: BranchMeta) =>
  ({
    populations: b.populations,
    validFrom: b.validFrom,
    validTo: b.validTo,
    reporters: b.reporters,
    kind: 'district',
  }) as const;

/**
 * The branches of the province a week's heat map and units list show: those expected to report new cases in it
 * (districts before 1 July 2025, communes after; not the facility units, which report beds only).
 */
export function branchesReportingCases(meta: ProvinceMeta, week: IsoWeek): BranchMeta[] {
  return meta.branches.filter((b) => {
    if (!validInWeek(b, week)) return false;
    const expected = expectedIn(b.reporters, week);
    return expected.byField.newCases > 0;
  });
}

/** One branch's (district's) figures over SERIES_WEEKS weeks, judged as a district: epidemic criteria only. */
export function getBranchSeries(
  meta: ProvinceMeta,
  branch: BranchMeta,
  end: IsoWeek,
  fingerprint: string,
): Promise<WeekFigures[]> {
  return cachedFigures(`branch:${meta.code}:${branch.code}:${weekKey(end)}:${fingerprint}`, async () => {
    const weeks = weekRange(end, SERIES_WEEKS);
    const sums = await sumBranchByWeek(await db(), meta.code, branch.path, weeks[0]!, end);
    return judgeWeeks(weeks, sums, branchJudged(branch), meta.plans, meta.code);
  });
}

export interface HeatCell {
  week: string;
  level: SurgeLevel;
  provisional: boolean;
  casesRate: number | null;
  oxygenRate: number | null;
  casesMet: boolean | null;
  oxygenMet: boolean | null;
  /** the larger of rate / threshold over the two epidemic criteria: how close the cell is to the threshold */
  intensity: number | null;
}

export interface Heatmap {
  weeks: string[];
  rows: Array<{ code: string; name: string; kind: string; hasPopulation: boolean; cells: HeatCell[] }>;
  /** thresholds of the plan in force in the last week, for the legend */
  thresholds: { cases: PlanCriterion; oxygen: PlanCriterion };
}

function ratio(c: CriterionResult | undefined): number | null {
  if (!c || c.rate === null) return null;
  if (c.threshold === 0) return c.met ? 1 : 0;
  // for "less than" thresholds (never used by the epidemic criteria today) closeness runs the other way
  return c.comparator === '>' || c.comparator === '>=' ? c.rate / c.threshold : c.threshold / Math.max(c.rate, 1e-9);
}

/** Every branch × the HEATMAP_WEEKS weeks ending with `end`: the epidemic criteria per 100,000 of the branch. */
export function getHeatmap(meta: ProvinceMeta, end: IsoWeek, fingerprint: string): Promise<Heatmap> {
  return cachedFigures(`heat:${meta.code}:${weekKey(end)}:${fingerprint}`, async () => {
    const weeks = weekRange(end, HEATMAP_WEEKS);
    const sums = await sumChildrenByWeek(await db(), meta.code, weeks[0]!, end);
    const byBranch = new Map<string, SummedWeek[]>();
    for (const s of sums) byBranch.set(s.group, [...(byBranch.get(s.group) ?? []), s]);
    // the units of the chosen week: a district that ended inside the window is not a row of a commune week's map
    const rows = branchesReportingCases(meta, end).map((b) => {
      const series = judgeWeeks(weeks, byBranch.get(b.code) ?? [], branchJudged(b), meta.plans, meta.code);
      return {
        code: b.code,
        name: b.name,
        kind: b.kind,
        hasPopulation: series.some((w) => w.population !== null),
        cells: series.map((w): HeatCell => {
          const cases = w.criteria?.find((c) => c.key === 'cases');
          const oxygen = w.criteria?.find((c) => c.key === 'oxygen');
          const ratios = [ratio(cases), ratio(oxygen)].filter((r): r is number => r !== null);
          return {
            week: w.week,
            level: w.level,
            provisional: w.provisional,
            casesRate: cases?.rate ?? null,
            oxygenRate: oxygen?.rate ?? null,
            casesMet: cases?.met ?? null,
            oxygenMet: oxygen?.met ?? null,
            intensity: ratios.length ? Math.max(...ratios) : null,
          };
        }),
      };
    });
    const lastPlan = planInForce(meta.plans, meta.code, end);
    // hotspots first: by the last week (a criterion met, then closeness to the threshold), units without figures last
    const last = (r: (typeof rows)[number]) => r.cells[r.cells.length - 1]!;
    const score = (c: HeatCell) => (c.intensity === null ? -1 : (c.casesMet || c.oxygenMet ? 1_000 : 0) + c.intensity);
    rows.sort((a, b) => score(last(b)) - score(last(a)) || a.code.localeCompare(b.code));
    return {
      weeks: weeks.map(formatIsoWeek),
      rows,
      thresholds: { cases: lastPlan.criteria.cases, oxygen: lastPlan.criteria.oxygen },
    };
  });
}

/** The weeks in a series up to and including `end`, the last `count` of them. */
export function sliceSeries(series: WeekFigures[], count: number): WeekFigures[] {
  return series.slice(Math.max(0, series.length - count));
}

/** How many weeks in a row, ending with the last one, the series stayed at `level`, and the first of them. */
export function streak(
  series: WeekFigures[],
  level: SurgeLevel,
): { weeks: number; since: string | null; complete: boolean } {
  let weeks = 0;
  for (let i = series.length - 1; i >= 0 && series[i]!.level === level; i--) weeks++;
  const since = weeks > 0 ? series[series.length - weeks]!.week : null;
  // complete = the streak started inside the window (not cut off by its start)
  return { weeks, since, complete: weeks < series.length };
}
