import { formatIsoWeek, weekCount, weekRange, type IsoWeek } from '@/lib/epi-week';
import {
  evaluateDistrict,
  evaluateSums,
  type CountField,
  type Counts,
  type CriterionResult,
  type Plan,
  type SeverityField,
  type SurgeLevel,
} from '@/lib/surge';
import { populationInForce } from '@/server/populations/in-force';
import {
  expectedIn,
  loadNationalMeta,
  loadProvinceMeta,
  planInForce,
  validInWeek,
  type Client,
  type NationalMeta,
  type PopulationRow,
  type ProvinceMeta,
  type ReporterSpan,
} from './facts';
import { ownSums, reportedBy, sumAllProvincesByWeek, sumProvinceByWeek, type SummedWeek } from './sums';

// THE province verdict (issue 13): one computation for every page, the API and export, the print brief, the national
// overview, the banner and the activation. The database sums the province's reports per week (sums.ts), the surge
// engine judges the sums with what the missing reports could still change (evaluateSums), week by week with the plan
// and population in force that week. It reads through any client: inside the save's transaction (the activation decides
// on the rows just written) or outside it (the dashboards cache the result: series.ts). No `server-only`: the seed
// opens the demo activation through it.
//
// Units in time (issue 15, docs/adr/0014-units-in-time.md): each week is judged with the units expected to report in
// it (valid on its Thursday), each reporting only its own figures (src/lib/units.ts); reports stored for units outside
// their validity ("báo cáo theo đơn vị cũ") are never counted. A week outside the judged unit's own validity (an ended
// province or district after its end, a new one before its start) gets no verdict at all: no level, no rate, no
// expected reporters; its counts are the sums of the reports stored under it after its end, labelled legacy. Judging
// them would put a level on a unit that no longer exists, whose plan and population describe an area that is now part
// of another, beside the verdict of the unit that replaced it.

export interface WeekFigures {
  week: string;
  /**
   * whether the judged unit (the province, the branch) is valid in the week. false: no verdict (level 'no-data', no
   * criteria, no population, nothing expected); `counts` are then its legacy sums (legacy > 0), if any
   */
  valid: boolean;
  /**
   * reports stored this week under units outside their validity ("báo cáo theo đơn vị cũ"): never counted in a
   * verdict; when the week is outside the judged unit's validity, they are what `counts` sum
   */
  legacy: number;
  /** the sums; the severity figures are always present here (null when no unit reported one) */
  counts: Counts;
  /** units with at least one figure */
  reported: number;
  /** units expected to report */
  expected: number;
  /** per figure, how many units reported it */
  byField: Record<CountField, number>;
  /** per figure, how many units are expected to report it (figuresReportedBy in src/lib/units.ts) */
  expectedByField: Record<CountField, number>;
  /**
   * per severity figure, how many units reported it. Kept apart from byField, the four judged figures' completeness
   * the verdict reads: the severity figures are optional, no count of them is expected.
   */
  severityByField: Record<SeverityField, number>;
  population: number | null;
  plan: { key: string; version: number; name: string; sourceDocument: string; rule: Plan['rule'] };
  level: SurgeLevel;
  /** a unit has not reported, or a figure is unknown: the sums are partial */
  provisional: boolean;
  /** no value the missing reports could take would change the level: only a settled surge opens the plan */
  settled: boolean;
  /** null when no population figure applies to the week (no rate can be computed) */
  criteria: CriterionResult[] | null;
}

const NO_COUNTS: Counts = {
  newCases: null,
  oxygenAvg7d: null,
  freeCovidBeds: null,
  staffedIcuBeds: null,
  severeCases: null,
  newAdmissions: null,
  deaths: null,
};
const NO_FIELDS: Record<CountField, number> = { newCases: 0, oxygenAvg7d: 0, freeCovidBeds: 0, staffedIcuBeds: 0 };
const NO_SEVERITY_FIELDS: Record<SeverityField, number> = { severeCases: 0, newAdmissions: 0, deaths: 0 };

const weekKey = (w: { isoYear: number; isoWeek: number }) => `${w.isoYear}-${w.isoWeek}`;

/** Who judges: a province (every criterion, settled or not) or a branch (a district: the epidemic criteria only). */
export interface Judged {
  populations: PopulationRow[];
  /** the judged unit's own validity: weeks outside it get no verdict */
  validFrom: string | null;
  validTo: string | null;
  /** its reporting units in every week (expectedIn picks those of each week) */
  reporters: ReporterSpan[];
  kind: 'province' | 'district';
}

/** Judges each week's sums; a week without any row has null counts (no-data). Pure: the readers below feed it. */
export function judgeWeeks(
  weeks: IsoWeek[],
  sums: SummedWeek[],
  judged: Judged,
  plans: Plan[],
  provinceCode: string,
): WeekFigures[] {
  const byWeek = new Map(sums.map((s) => [weekKey(s), s]));
  return weeks.map((week) => {
    const sum = byWeek.get(weekKey(week));
    const plan = planInForce(plans, provinceCode, week);
    const planSummary = {
      key: plan.key,
      version: plan.version,
      name: plan.name,
      sourceDocument: plan.sourceDocument,
      rule: plan.rule,
    };
    if (!validInWeek(judged, week)) {
      const legacy = sum?.legacy;
      return {
        week: formatIsoWeek(week),
        valid: false,
        legacy: legacy?.reported ?? 0,
        counts: legacy?.counts ?? NO_COUNTS,
        reported: legacy?.reported ?? 0,
        expected: 0,
        byField: legacy?.byField ?? NO_FIELDS,
        expectedByField: NO_FIELDS,
        severityByField: legacy?.severityByField ?? NO_SEVERITY_FIELDS,
        population: null,
        plan: planSummary,
        level: 'no-data',
        provisional: true,
        settled: false,
        criteria: null,
      };
    }
    const expected = expectedIn(judged.reporters, week);
    const own = sum ? ownSums(sum, expected.system) : null;
    const counts = own?.counts ?? NO_COUNTS;
    const reported = sum?.reported ?? 0;
    const population = populationInForce(judged.populations, week)?.population ?? null;
    const verdict =
      population === null
        ? null
        : judged.kind === 'district'
          ? evaluateDistrict(counts, population, plan)
          : evaluateSums({
              counts,
              reportedByField: sum ? reportedBy(sum.byKind, expected.system) : NO_FIELDS,
              expectedByField: expected.byField,
              population,
              plan,
            });
    return {
      week: formatIsoWeek(week),
      valid: true,
      legacy: sum?.legacy?.reported ?? 0,
      counts,
      reported,
      expected: expected.units,
      byField: own?.byField ?? NO_FIELDS,
      expectedByField: expected.byField,
      severityByField: sum?.severityByField ?? NO_SEVERITY_FIELDS,
      population,
      plan: planSummary,
      level: verdict?.level ?? 'no-data',
      // a unit that has not reported makes the week's verdict provisional (its sums are partial)
      provisional: verdict === null || verdict.provisional || reported < expected.units,
      settled: verdict?.settled ?? false,
      criteria: verdict?.criteria ?? null,
    };
  });
}

const asJudged = (meta: Pick<ProvinceMeta, 'populations' | 'validFrom' | 'validTo' | 'reporters'>): Judged => ({
  populations: meta.populations,
  validFrom: meta.validFrom,
  validTo: meta.validTo,
  reporters: meta.reporters,
  kind: 'province',
});

/**
 * The province's verdicts for the weeks from `from` to `to` (oldest first), through `client` (the app's or a
 * transaction's). `meta`: the province's facts when the caller has them (the dashboards' cached ones); read otherwise.
 * null when the province does not exist.
 */
export async function readProvinceVerdicts(
  client: Client,
  provinceCode: string,
  from: IsoWeek,
  to: IsoWeek,
  meta?: ProvinceMeta,
): Promise<WeekFigures[] | null> {
  const facts = meta ?? (await loadProvinceMeta(client, provinceCode));
  if (!facts) return null;
  const weeks = weekRange(to, weekCount(from, to));
  const sums = await sumProvinceByWeek(client, provinceCode, from, to);
  return judgeWeeks(weeks, sums, asJudged(facts), facts.plans, provinceCode);
}

/** The province's verdict for one week (readProvinceVerdicts over one week). */
export async function readProvinceVerdict(
  client: Client,
  provinceCode: string,
  week: IsoWeek,
  meta?: ProvinceMeta,
): Promise<WeekFigures | null> {
  const series = await readProvinceVerdicts(client, provinceCode, week, week, meta);
  return series ? series[0]! : null;
}

/**
 * The verdicts of every province valid in the week `to` (34 provinces from 2025-W27, 63 before), over the weeks from
 * `from`, for the national overview: one GROUP BY over all provinces' reports.
 */
export async function readAllProvinceVerdicts(
  client: Client,
  from: IsoWeek,
  to: IsoWeek,
  meta?: NationalMeta,
): Promise<Array<{ code: string; name: string; series: WeekFigures[] }>> {
  const facts = meta ?? (await loadNationalMeta(client));
  const weeks = weekRange(to, weekCount(from, to));
  const sums = await sumAllProvincesByWeek(client, from, to);
  const byProvince = new Map<string, SummedWeek[]>();
  for (const s of sums) {
    const list = byProvince.get(s.group);
    if (list) list.push(s);
    else byProvince.set(s.group, [s]);
  }
  return facts.provinces
    .filter((p) => validInWeek(p, to))
    .map((p) => ({
      code: p.code,
      name: p.name,
      series: judgeWeeks(weeks, byProvince.get(p.code) ?? [], asJudged(p), facts.plans, p.code),
    }));
}
