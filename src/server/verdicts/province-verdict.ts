import type { Prisma } from '@/generated/prisma/client';
import { formatIsoWeek, type IsoWeek } from '@/lib/epi-week';
import type { CountField, Counts, CriterionResult, Plan, SurgeLevel } from '@/lib/surge';
import { loadProvinceMeta, planInForce, validInWeek } from './facts';
import { readProvinceVerdict } from './read';

// The activation's view of the province's verdict for one week: the one reader (read.ts) through the caller's
// transaction, so the decision sees the rows the save has just written, with the plan version in force and a snapshot
// of what triggered it (kept with the activation, true after the figures are corrected).
// No `server-only` here: the seed (run by tsx outside Next) opens the demo activation through this code path.

export type Tx = Prisma.TransactionClient;

/** What triggered an activation, kept with it so the record stays true after the figures are corrected. */
export interface ActivationSnapshot {
  week: string;
  level: SurgeLevel;
  provisional: boolean;
  /** no value the missing reports could take would change the level (absent in snapshots taken before issue 13) */
  settled: boolean;
  population: number | null;
  counts: Counts | null;
  completeness: {
    reported: number;
    expected: number;
    byField?: Record<CountField, number>;
    expectedByField?: Record<CountField, number>;
  } | null;
  criteria: CriterionResult[];
  plan: { key: string; name: string; version: number; rule: Plan['rule']; sourceDocument: string };
}

export interface ProvinceVerdict {
  /** with its validity ('YYYY-MM-DD', null = open): the verdict's week is always inside it */
  province: { id: number; code: string; name: string; validFrom: string | null; validTo: string | null };
  planVersionId: number;
  /** the plan whose agencies and task templates the checklist is made of */
  planId: number;
  snapshot: ActivationSnapshot;
}

/**
 * null when the province does not exist, or is not valid in the week (an ended province is never judged, so it never
 * opens or proposes a plan, for a week after its end: docs/adr/0014-units-in-time.md). Throws when no plan version is
 * stored (the seed always stores the default).
 */
export async function loadProvinceVerdict(
  tx: Tx,
  provinceCode: string,
  week: IsoWeek,
): Promise<ProvinceVerdict | null> {
  const [province, meta] = await Promise.all([
    tx.adminUnit.findFirst({
      where: { code: provinceCode, kind: 'province' },
      select: { id: true, code: true, name: true },
    }),
    loadProvinceMeta(tx, provinceCode),
  ]);
  if (!province || !meta || !validInWeek(meta, week)) return null;
  const figures = await readProvinceVerdict(tx, provinceCode, week, meta);
  if (!figures) return null;

  const plan = planInForce(meta.plans, provinceCode, week);
  const version = await tx.planVersion.findFirst({
    where: { version: plan.version, plan: { key: plan.key } },
    select: { id: true, planId: true },
  });
  if (!version)
    throw new Error(
      `No stored plan version for ${plan.key} v${plan.version}: an activation must name the version in force`,
    );

  return {
    province: {
      id: province.id,
      code: province.code,
      name: province.name,
      validFrom: meta.validFrom,
      validTo: meta.validTo,
    },
    planVersionId: version.id,
    planId: version.planId,
    snapshot: {
      week: formatIsoWeek(week),
      level: figures.level,
      provisional: figures.provisional,
      settled: figures.settled,
      population: figures.population,
      counts: figures.population === null ? null : figures.counts,
      completeness: {
        reported: figures.reported,
        expected: figures.expected,
        byField: figures.byField,
        expectedByField: figures.expectedByField,
      },
      criteria: figures.criteria ?? [],
      plan: {
        key: plan.key,
        name: plan.name,
        version: plan.version,
        rule: plan.rule,
        sourceDocument: plan.sourceDocument,
      },
    },
  };
}
