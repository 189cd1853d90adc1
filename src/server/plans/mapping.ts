import type { Comparator, CriterionKey, Plan, SurgeRule } from '@/lib/surge';
import type { Comparator as DbComparator, SurgeRule as DbRule } from '@/generated/prisma/enums';

// Plans live in the database as rows of PlanVersion and travel through the app in the surge module's Plan shape.

const TO_DB: Record<Comparator, DbComparator> = { '>': 'GT', '>=': 'GTE', '<': 'LT', '<=': 'LTE' };
const FROM_DB: Record<DbComparator, Comparator> = { GT: '>', GTE: '>=', LT: '<', LTE: '<=' };
/** A comparator as stored (GT, GTE, LT, LTE) in the surge module's notation. */
export const comparatorFromDb = (c: DbComparator): Comparator => FROM_DB[c];

const RULE_TO_DB: Record<SurgeRule, DbRule> = {
  'epidemic-and-capacity': 'EPIDEMIC_AND_CAPACITY',
  any: 'ANY',
  all: 'ALL',
};
const RULE_FROM_DB: Record<DbRule, SurgeRule> = {
  EPIDEMIC_AND_CAPACITY: 'epidemic-and-capacity',
  ANY: 'any',
  ALL: 'all',
};

const COLUMNS: Record<CriterionKey, 'cases' | 'oxygen' | 'beds' | 'icu'> = {
  cases: 'cases',
  oxygen: 'oxygen',
  freeBeds: 'beds',
  icuBeds: 'icu',
};

export function planToRow(plan: Plan) {
  const c = plan.criteria;
  return {
    validFrom: new Date(`${plan.validFrom}T00:00:00Z`),
    rule: RULE_TO_DB[plan.rule],
    casesComparator: TO_DB[c.cases.comparator],
    casesThreshold: c.cases.threshold,
    oxygenComparator: TO_DB[c.oxygen.comparator],
    oxygenThreshold: c.oxygen.threshold,
    bedsComparator: TO_DB[c.freeBeds.comparator],
    bedsThreshold: c.freeBeds.threshold,
    icuComparator: TO_DB[c.icuBeds.comparator],
    icuThreshold: c.icuBeds.threshold,
  };
}

/** A plan version's rule and four criteria (comparator and threshold each): part of every select of versions. */
export const PLAN_CRITERIA_COLUMNS = {
  rule: true,
  casesComparator: true,
  casesThreshold: true,
  oxygenComparator: true,
  oxygenThreshold: true,
  bedsComparator: true,
  bedsThreshold: true,
  icuComparator: true,
  icuThreshold: true,
} as const;

/** The columns rowToPlan needs: the one select every plan query uses. */
export const PLAN_VERSION_SELECT = {
  id: true,
  version: true,
  validFrom: true,
  ...PLAN_CRITERIA_COLUMNS,
  plan: { select: { key: true, name: true, provinceCode: true, sourceDocument: true } },
} as const;

type Num = number | { toNumber(): number } | string;
const num = (v: Num) => (typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : v.toNumber());

export interface PlanVersionRow {
  id: number;
  version: number;
  validFrom: Date;
  rule: DbRule;
  casesComparator: DbComparator;
  casesThreshold: Num;
  oxygenComparator: DbComparator;
  oxygenThreshold: Num;
  bedsComparator: DbComparator;
  bedsThreshold: Num;
  icuComparator: DbComparator;
  icuThreshold: Num;
  plan: { key: string; name: string; provinceCode: string | null; sourceDocument: string };
}

export function rowToPlan(row: PlanVersionRow): Plan {
  const criterion = (k: CriterionKey) => {
    const col = COLUMNS[k];
    return {
      comparator: FROM_DB[row[`${col}Comparator`]],
      threshold: num(row[`${col}Threshold`]),
    };
  };
  return {
    key: row.plan.key,
    name: row.plan.name,
    provinceCode: row.plan.provinceCode,
    version: row.version,
    validFrom: row.validFrom.toISOString().slice(0, 10),
    sourceDocument: row.plan.sourceDocument,
    rule: RULE_FROM_DB[row.rule],
    criteria: {
      cases: criterion('cases'),
      oxygen: criterion('oxygen'),
      freeBeds: criterion('freeBeds'),
      icuBeds: criterion('icuBeds'),
    },
  };
}
