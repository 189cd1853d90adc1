import 'server-only';
import { formatIsoWeek, weekRange, type IsoWeek } from '@/lib/epi-week';
import { canSeeNational } from '@/lib/permissions';
import type { SessionUser } from '@/lib/roles';
import type { CriterionKey, PlanCriterion, SurgeLevel } from '@/lib/surge';
import { cachedFigures } from '@/server/verdicts/cache';
import { nationalFingerprint } from '@/server/verdicts/fingerprint';
import { db } from '@/server/db';
import { getNationalMeta } from '@/server/verdicts/meta';
import { readAllProvinceVerdicts } from '@/server/verdicts/read';
import type { ScopedResult } from '@/server/verdicts/province-week';

// The national overview: the level in a week of every province valid in it (34 from 2025-W27, 63 before), most severe
// first, with a sparkline of cases per 100,000. One GROUP BY over all provinces' reports for the sparkline's weeks,
// cached under the national fingerprint.

export const SPARK_WEEKS = 12;

export interface NationalRow {
  code: string;
  name: string;
  level: SurgeLevel;
  provisional: boolean;
  /** whether the missing reports could still change the level */
  settled: boolean;
  casesRate: number | null;
  met: CriterionKey[];
  reported: number;
  expected: number;
  /** the population in force for the week; null: "chưa có dân số", no rate and no level (never a guessed one) */
  population: number | null;
  /** cases per 100,000, one value per week of the overview's `weeks` (null: nothing reported) */
  spark: Array<number | null>;
  casesThreshold: PlanCriterion;
  planName: string;
}

export interface NationalOverview {
  /** what the overview was computed from (week and national fingerprint): a key for views derived from it */
  key: string;
  week: string;
  weeks: string[];
  rows: NationalRow[];
  counts: Record<SurgeLevel, number>;
}

const SEVERITY: Record<SurgeLevel, number> = { surge: 0, warning: 1, 'no-data': 2, normal: 3 };

async function compute(week: IsoWeek, fingerprint: string): Promise<NationalOverview> {
  const meta = await getNationalMeta(fingerprint);
  const weeks = weekRange(week, SPARK_WEEKS);
  const provinces = await readAllProvinceVerdicts(await db(), weeks[0]!, week, meta);
  const rows: NationalRow[] = provinces.map(({ code, name, series }) => {
    const last = series[series.length - 1]!;
    const cases = last.criteria?.find((c) => c.key === 'cases');
    const plan = meta.plans.length ? last.plan : null;
    return {
      code,
      name,
      level: last.level,
      provisional: last.provisional,
      settled: last.settled,
      casesRate: cases?.rate ?? null,
      met: (last.criteria ?? []).filter((c) => c.met).map((c) => c.key),
      reported: last.reported,
      expected: last.expected,
      population: last.population,
      spark: series.map((w) => w.criteria?.find((c) => c.key === 'cases')?.rate ?? null),
      casesThreshold: cases
        ? { comparator: cases.comparator, threshold: cases.threshold }
        : { comparator: '>', threshold: 0 },
      planName: plan?.name ?? '',
    };
  });
  rows.sort(
    (a, b) =>
      SEVERITY[a.level] - SEVERITY[b.level] ||
      (b.casesRate ?? -1) - (a.casesRate ?? -1) ||
      a.name.localeCompare(b.name, 'vi'),
  );
  const counts: Record<SurgeLevel, number> = { surge: 0, warning: 0, normal: 0, 'no-data': 0 };
  for (const r of rows) counts[r.level]++;
  return {
    key: `${formatIsoWeek(week)}:${fingerprint}`,
    week: formatIsoWeek(week),
    weeks: weeks.map(formatIsoWeek),
    rows,
    counts,
  };
}

export async function getNationalOverview(user: SessionUser, week: IsoWeek): Promise<ScopedResult<NationalOverview>> {
  if (!canSeeNational(user)) return { status: 'forbidden' };
  const fingerprint = await nationalFingerprint();
  return {
    status: 'ok',
    data: await cachedFigures(`national:${week.isoYear}-${week.isoWeek}:${fingerprint}`, () =>
      compute(week, fingerprint),
    ),
  };
}
