import { describeValue, SurgeInputError } from './errors';
import { CAPACITY_CRITERIA, MAX_THRESHOLD } from './plans';
import type { Comparator, Counts, CriterionKey, Plan, PlanCriterion, SurgeLevel, SurgeRule, SurgeVerdict } from './types';

// Exact judgement. A criterion compares rate = figure × 100,000 / population with a threshold of at most 2 decimals.
// Multiplying both sides by population × 100 gives an integer comparison:
//   whole figures (cases, beds, ICU):  figure × 10,000,000   ⋚  thresholdCents × population
//   oxygen (rounded to cents first):    oxygenCents × 100,000 ⋚  thresholdCents × population
// Every factor is an integer, so as long as both products stay ≤ Number.MAX_SAFE_INTEGER the doubles hold them
// exactly and the comparison is exact. Realistic bounds: figures ≤ 10 million → 1e7 × 1e7 = 1e14; population
// ≤ 150 million and threshold ≤ 1,000 → 1e5 × 1.5e8 = 1.5e13; both far below 9.007e15. A product that would exceed
// MAX_SAFE_INTEGER is detected (rounding is monotonic: an exact product > 2^53 - 1 rounds to ≥ 2^53) and that
// comparison is redone with BigInt, off the hot path, so every input is judged exactly.
//
// Performance (≥ 10 million evaluations per second, scripts/bench-surge.ts): the hot path is one flat function
// (judge) calling only tiny helpers, so V8 can inline all of it and fold the result allocations; validation is a
// chain of cheap comparisons, and error messages are built only on the slow path (throwBad*).

const SAFE = Number.MAX_SAFE_INTEGER;
/** 100,000 (per-capita base) × 100 (threshold cents) */
const WHOLE_SCALE = 10_000_000;
/** 100,000; oxygen is already in cents */
const OXYGEN_SCALE = 100_000;
const MAX_THRESHOLD_CENTS = Math.round(MAX_THRESHOLD * 100);
/** Oxygen above this cannot be held in hundredths exactly; no unit has 10 trillion patients on oxygen. */
export const MAX_OXYGEN = 10_000_000_000_000;

export type DistrictLevel = Exclude<SurgeLevel, 'surge'>;

export interface DistrictVerdict extends SurgeVerdict {
  level: DistrictLevel;
  /** Criteria reported with their rate but not judged at district level (met is null): the capacity criteria. */
  informationOnly: readonly CriterionKey[];
}

// ---------------------------------------------------------------------------------------------------------------
// Validation: cheap predicates for the hot path; the throwing functions find the field and build the message.

function invalid(field: string, message: string, value: unknown): SurgeInputError {
  return new SurgeInputError(field, `${message} (got ${describeValue(value)})`);
}

function validWhole(value: number | null): boolean {
  return value === null || (Number.isSafeInteger(value) && value >= 0);
}

function validOxygen(value: number | null): boolean {
  return value === null || (typeof value === 'number' && value >= 0 && value <= MAX_OXYGEN);
}

function validPopulation(population: number): boolean {
  return Number.isSafeInteger(population) && population > 0;
}

function validCounts(counts: Counts): boolean {
  return (
    typeof counts === 'object' &&
    counts !== null &&
    validWhole(counts.newCases) &&
    validOxygen(counts.oxygenAvg7d) &&
    validWhole(counts.freeCovidBeds) &&
    validWhole(counts.staffedIcuBeds)
  );
}

const WHOLE_MESSAGE = 'must be a whole number ≥ 0, or null when not reported';

/** Slow path: finds the first bad field and throws. Field names are built only here, never in the hot path. */
function throwBadCounts(counts: Counts, prefix: string): never {
  if (typeof counts !== 'object' || counts === null) throw invalid(prefix ? prefix.slice(0, -1) : 'counts', 'must be an object', counts);
  if (!validWhole(counts.newCases)) throw invalid(`${prefix}newCases`, WHOLE_MESSAGE, counts.newCases);
  if (!validOxygen(counts.oxygenAvg7d)) {
    throw invalid(`${prefix}oxygenAvg7d`, `must be a finite number ≥ 0 (at most ${MAX_OXYGEN}), or null when not reported`, counts.oxygenAvg7d);
  }
  if (!validWhole(counts.freeCovidBeds)) throw invalid(`${prefix}freeCovidBeds`, WHOLE_MESSAGE, counts.freeCovidBeds);
  throw invalid(`${prefix}staffedIcuBeds`, WHOLE_MESSAGE, counts.staffedIcuBeds);
}

/** Throws SurgeInputError unless population is a whole number > 0. */
export function checkPopulation(population: number, field = 'population'): void {
  if (!validPopulation(population)) throw invalid(field, 'must be a whole number > 0', population);
}

/**
 * Throws SurgeInputError (field 'newCases', 'oxygenAvg7d', ..., after `prefix`) unless every figure is a valid
 * number or null: whole numbers ≥ 0 for cases, beds and ICU, a finite number ≥ 0 for oxygen. undefined is not null:
 * a missing property is a mapping bug, not "not reported".
 */
export function checkCounts(counts: Counts, prefix = ''): void {
  if (!validCounts(counts)) throwBadCounts(counts, prefix);
}

function isComparator(c: unknown): c is Comparator {
  return c === '>' || c === '>=' || c === '<' || c === '<=';
}

function isRule(rule: unknown): rule is SurgeRule {
  return rule === 'epidemic-and-capacity' || rule === 'any' || rule === 'all';
}

/** threshold × 100 when the threshold is a number from 0 to MAX_THRESHOLD with at most 2 decimals, else -1. */
function thresholdCents(threshold: number): number {
  const cents = Math.round(threshold * 100);
  return cents >= 0 && cents <= MAX_THRESHOLD_CENTS && cents / 100 === threshold ? cents : -1;
}

const KEYS: readonly CriterionKey[] = ['cases', 'oxygen', 'freeBeds', 'icuBeds'];

function throwBadPlan(plan: Plan): never {
  if (typeof plan !== 'object' || plan === null) throw invalid('plan', 'must be a plan object', plan);
  if (typeof plan.criteria !== 'object' || plan.criteria === null) throw invalid('plan.criteria', 'must be an object', plan.criteria);
  for (const key of KEYS) {
    const c: PlanCriterion | undefined = plan.criteria[key];
    if (typeof c !== 'object' || c === null) throw invalid(`plan.criteria.${key}`, 'must be an object', c);
    if (thresholdCents(c.threshold) < 0) {
      throw invalid(`plan.criteria.${key}.threshold`, `must be a number from 0 to ${MAX_THRESHOLD} with at most 2 decimals`, c.threshold);
    }
    if (!isComparator(c.comparator)) throw invalid(`plan.criteria.${key}.comparator`, "must be one of '>', '>=', '<', '<='", c.comparator);
  }
  throw invalid('plan.rule', "must be 'epidemic-and-capacity', 'any' or 'all'", plan.rule);
}

/** Throws SurgeInputError naming the field unless the plan's thresholds, comparators and rule can be judged. */
export function checkPlanCriteria(plan: Plan): void {
  if (typeof plan !== 'object' || plan === null || typeof plan.criteria !== 'object' || plan.criteria === null) throwBadPlan(plan);
  const k = plan.criteria;
  if (
    thresholdCents(k.cases.threshold) < 0 ||
    thresholdCents(k.oxygen.threshold) < 0 ||
    thresholdCents(k.freeBeds.threshold) < 0 ||
    thresholdCents(k.icuBeds.threshold) < 0 ||
    !isComparator(k.cases.comparator) ||
    !isComparator(k.oxygen.comparator) ||
    !isComparator(k.freeBeds.comparator) ||
    !isComparator(k.icuBeds.comparator) ||
    !isRule(plan.rule)
  ) {
    throwBadPlan(plan);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The exact comparison.

/** The comparison in BigInt, for products beyond Number.MAX_SAFE_INTEGER (never with realistic figures). */
function meetsBig(units: number, scale: number, cents: number, population: number, comparator: Comparator): boolean {
  const left = BigInt(units) * BigInt(scale);
  const right = BigInt(cents) * BigInt(population);
  return comparator === '>' ? left > right : comparator === '>=' ? left >= right : comparator === '<' ? left < right : left <= right;
}

/** units × scale ⋚ cents × population, exactly; all four are non-negative safe integers, the comparator is valid. */
function meets(units: number, scale: number, cents: number, population: number, comparator: Comparator): boolean {
  const left = units * scale;
  const right = cents * population;
  if (left > SAFE || right > SAFE) return meetsBig(units, scale, cents, population, comparator);
  return comparator === '>' ? left > right : comparator === '>=' ? left >= right : comparator === '<' ? left < right : left <= right;
}

// ---------------------------------------------------------------------------------------------------------------
// The scenario rule.

function levelOf(rule: SurgeRule, cases: boolean | null, oxygen: boolean | null, beds: boolean | null, icu: boolean | null): SurgeLevel {
  if (cases === null && oxygen === null && beds === null && icu === null) return 'no-data';
  const epidemic = cases === true || oxygen === true;
  const capacity = beds === true || icu === true;
  if (!epidemic && !capacity) return 'normal';
  const surge =
    rule === 'epidemic-and-capacity' ? epidemic && capacity : rule === 'any' || (cases === true && oxygen === true && beds === true && icu === true);
  return surge ? 'surge' : 'warning';
}

/**
 * The judgement proper, for validated counts and population. The plan is validated here (cheap comparisons), since
 * a bad plan must never yield a verdict either. district: the capacity criteria are information only (met null).
 */
function judge(counts: Counts, population: number, plan: Plan, district: boolean): SurgeVerdict {
  const k = plan.criteria;
  const cc = k.cases;
  const co = k.oxygen;
  const cb = k.freeBeds;
  const ci = k.icuBeds;
  const rule = plan.rule;
  const tc = thresholdCents(cc.threshold);
  const to = thresholdCents(co.threshold);
  const tb = thresholdCents(cb.threshold);
  const ti = thresholdCents(ci.threshold);
  const qc = cc.comparator;
  const qo = co.comparator;
  const qb = cb.comparator;
  const qi = ci.comparator;
  if (tc < 0 || to < 0 || tb < 0 || ti < 0 || !isComparator(qc) || !isComparator(qo) || !isComparator(qb) || !isComparator(qi) || !isRule(rule)) {
    throwBadPlan(plan);
  }

  const nc = counts.newCases;
  const ox = counts.oxygenAvg7d;
  const fb = counts.freeCovidBeds;
  const ib = counts.staffedIcuBeds;
  const oc = ox === null ? 0 : Math.round(ox * 100);
  const mc = nc === null ? null : meets(nc, WHOLE_SCALE, tc, population, qc);
  const mo = ox === null ? null : meets(oc, OXYGEN_SCALE, to, population, qo);
  const mb = fb === null || district ? null : meets(fb, WHOLE_SCALE, tb, population, qb);
  const mi = ib === null || district ? null : meets(ib, WHOLE_SCALE, ti, population, qi);
  return {
    level: levelOf(rule, mc, mo, mb, mi),
    provisional: mc === null || mo === null || mb === null || mi === null,
    criteria: [
      { key: 'cases', rate: nc === null ? null : (nc * 100_000) / population, threshold: cc.threshold, comparator: qc, met: mc },
      { key: 'oxygen', rate: ox === null ? null : (oc * 1_000) / population, threshold: co.threshold, comparator: qo, met: mo },
      { key: 'freeBeds', rate: fb === null ? null : (fb * 100_000) / population, threshold: cb.threshold, comparator: qb, met: mb },
      { key: 'icuBeds', rate: ib === null ? null : (ib * 100_000) / population, threshold: ci.threshold, comparator: qi, met: mi },
    ],
  };
}

/** evaluateSurge for counts and population the caller has already validated (aggregateCounts output, say). */
export function evaluateSurgeUnchecked(counts: Counts, population: number, plan: Plan): SurgeVerdict {
  return judge(counts, population, plan, false);
}

/**
 * Judges one unit-week against a plan's four criteria (rates per 100,000 population of the unit) and its scenario
 * rule. A null figure is unknown: its criterion has rate and met null, and the verdict is provisional.
 * Throws SurgeInputError (with `field`) on a negative, non-finite or (for cases, beds, ICU) fractional figure, on a
 * population that is not a whole number > 0, and on a plan comparator, threshold or rule it cannot judge.
 */
export function evaluateSurge(counts: Counts, population: number, plan: Plan): SurgeVerdict {
  if (!validCounts(counts)) throwBadCounts(counts, '');
  if (!validPopulation(population)) checkPopulation(population);
  return judge(counts, population, plan, false);
}

/**
 * A district's verdict. In the plans every criterion is a province-wide figure ("trên địa bàn tỉnh"), and capacity
 * explicitly so ("trên địa bàn cấp tỉnh"): beds and ICU are pooled across the province, so a district's own beds per
 * 100,000 say little about whether the system is overwhelmed. Hence at district level only the epidemic criteria
 * (cases, oxygen) are judged; the capacity rates are returned for information with met null (listed in
 * informationOnly). The level is 'warning' when an epidemic criterion is met, 'normal' when the known ones are not,
 * 'no-data' when neither cases nor oxygen is reported; never 'surge' (a surge is declared for the province).
 * provisional: cases or oxygen unknown. See docs/adr/0003-surge-rule.md.
 */
export function evaluateDistrict(counts: Counts, population: number, plan: Plan): DistrictVerdict {
  checkCounts(counts);
  checkPopulation(population);
  const verdict = judge(counts, population, plan, true);
  const [cases, oxygen] = verdict.criteria;
  const mc = cases?.met ?? null;
  const mo = oxygen?.met ?? null;
  const level: DistrictLevel = mc === null && mo === null ? 'no-data' : mc === true || mo === true ? 'warning' : 'normal';
  return { level, provisional: mc === null || mo === null, criteria: verdict.criteria, informationOnly: CAPACITY_CRITERIA };
}
