import type { Prisma } from '@/generated/prisma/client';
import { formatIsoWeek, weekMonday, type IsoWeek } from '@/lib/epi-week';
import {
  evaluateProvinceWeek,
  selectPlan,
  selectPopulation,
  type Counts,
  type CriterionResult,
  type Plan,
  type SurgeLevel,
} from '@/lib/surge';
import { PLAN_VERSION_SELECT, rowToPlan } from '@/server/plans/mapping';

// The province's verdict for one week, read through the caller's transaction: the activation decision must see the
// rows the save has just written (and nothing the transaction cannot see). The same computation as the province page
// (src/server/verdicts/province-week.ts), which reads outside any transaction.
// No `server-only` here: the seed (run by tsx outside Next) opens the demo activation through this code path.

export type Tx = Prisma.TransactionClient;

/** What triggered an activation, kept with it so the record stays true after the figures are corrected. */
export interface ActivationSnapshot {
  week: string;
  level: SurgeLevel;
  provisional: boolean;
  population: number | null;
  counts: Counts | null;
  completeness: { reported: number; expected: number } | null;
  criteria: CriterionResult[];
  plan: { key: string; name: string; version: number; rule: Plan['rule']; sourceDocument: string };
}

export interface ProvinceVerdict {
  province: { id: number; code: string; name: string };
  planVersionId: number;
  /** the plan whose agencies and task templates the checklist is made of */
  planId: number;
  snapshot: ActivationSnapshot;
}

const toNumber = (v: { toNumber(): number } | null) => (v === null ? null : v.toNumber());

/** null when the province does not exist. Throws when no plan version is stored (the seed always stores the default). */
export async function loadProvinceVerdict(
  tx: Tx,
  provinceCode: string,
  week: IsoWeek,
): Promise<ProvinceVerdict | null> {
  const province = await tx.adminUnit.findFirst({
    where: { code: provinceCode, kind: 'province' },
    select: { id: true, code: true, name: true, populations: { select: { year: true, population: true } } },
  });
  if (!province) return null;

  const [units, versions] = await Promise.all([
    tx.adminUnit.findMany({
      where: { provinceCode, reports: true },
      select: {
        kind: true,
        weekly: {
          where: { isoYear: week.isoYear, isoWeek: week.isoWeek },
          select: { newCases: true, oxygenAvg7d: true, freeCovidBeds: true, staffedIcuBeds: true },
        },
      },
    }),
    tx.planVersion.findMany({
      where: { plan: { OR: [{ provinceCode }, { provinceCode: null }] } },
      select: { ...PLAN_VERSION_SELECT, planId: true },
    }),
  ]);

  const plan = selectPlan(versions.map(rowToPlan), provinceCode, weekMonday(week));
  const version = versions.find((v) => v.plan.key === plan.key && v.version === plan.version);
  if (!version)
    throw new Error(
      `No stored plan version for ${plan.key} v${plan.version}: an activation must name the version in force`,
    );

  const rowOf = (u: (typeof units)[number]): Counts | null => {
    const r = u.weekly[0];
    return r
      ? {
          newCases: r.newCases,
          oxygenAvg7d: toNumber(r.oxygenAvg7d),
          freeCovidBeds: r.freeCovidBeds,
          staffedIcuBeds: r.staffedIcuBeds,
        }
      : null;
  };
  const own = units.find((u) => u.kind === 'province');
  const districts = units.filter((u) => u.kind !== 'province');
  const population = selectPopulation(province.populations, week.isoYear);
  const result = population
    ? evaluateProvinceWeek({
        ownRow: own ? rowOf(own) : null,
        districtRows: districts.map(rowOf),
        expectedDistricts: districts.length,
        population: population.population,
        plan,
      })
    : null;

  return {
    province: { id: province.id, code: province.code, name: province.name },
    planVersionId: version.id,
    planId: version.planId,
    snapshot: {
      week: formatIsoWeek(week),
      level: result?.verdict.level ?? 'no-data',
      provisional: result?.verdict.provisional ?? true,
      population: population?.population ?? null,
      counts: result?.counts ?? null,
      completeness: result ? { reported: result.completeness.reported, expected: result.completeness.expected } : null,
      criteria: result?.verdict.criteria ?? [],
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
