import { describeValue, SurgeInputError } from './errors';
import { CAPACITY_CRITERIA, MAX_THRESHOLD } from './plans';
import type { Comparator, Counts, CriterionKey, CriterionResult, Plan, PlanCriterion, SurgeLevel, SurgeVerdict } from './types';

// Exact judgement. A criterion compares rate = figure × 100,000 / population with a threshold of at most 2 decimals.
// Multiplying both sides by population × 100 gives an integer comparison:
//   whole figures (cases, beds, ICU):  figure × 10,000,000   ⋚  thresholdCents × population
//   oxygen (rounded to cents first):    oxygenCents × 100,000 ⋚  thresholdCents × population
// Every factor is an integer, so as long as both products stay ≤ Number.MAX_SAFE_INTEGER the doubles hold them
// exactly and the comparison is exact. Realistic bounds: figures ≤ 10 million → 1e7 × 1e7 = 1e14; population
// ≤ 150 million and threshold ≤ 1,000 → 1e5 × 1.5e8 = 1.5e13; both far below 9.007e15. A product that would exceed
// MAX_SAFE_INTEGER is detected (rounding is monotonic: an exact product > 2^53 - 1 rounds to ≥ 2^53) and that
// comparison is redone with BigInt, off the hot path, so every input is judged exactly.

const SAFE = Number.MAX_SAFE_INTEGER;
/** 100,000 (per-capita base) × 100 (threshold cents) */
const WHOLE_SCALE = 10_000_000;
/** 100,000; oxygen is already in cents */
const OXYGEN_SCALE = 100_000;
const MAX_THRESHOLD_CENTS = Math.round(MAX_THRESHOLD * 100);
/** Oxygen above this cannot be held in cents exactly; no unit has 10 trillion patients on oxygen. */
export const MAX_OXYGEN = 10_000_000_000_000;

export type DistrictLevel = Exclude<SurgeLevel, 'surge'>;

export interface DistrictVerdict extends SurgeVerdict {
  level: DistrictLevel;
  /** Criteria reported with their rate but not judged at district level (met is null): the capacity criteria. */
  informationOnly: readonly CriterionKey[];
}

// ---------------------------------------------------------------------------------------------------------------
// Validation: cheap comparisons; the message names the field and the value received.

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

/** Slow path: finds the first bad field and throws. Field names are built only here, never in the hot path. */
function throwBadCounts(counts: Counts, prefix: string): never {
  if (typeof counts !== 'object' || counts === null) throw invalid(prefix ? prefix.slice(0, -1) : 'counts', 'must be an object', counts);
  const whole = 'must be a whole number ≥ 0, or null when not reported';
  if (!validWhole(counts.newCases)) throw invalid(`${prefix}newCases`, whole, counts.newCases);
  if (!validOxygen(counts.oxygenAvg7d)) {
    throw invalid(`${prefix}oxygenAvg7d`, `must be a finite number ≥ 0 (at most ${MAX_OXYGEN}), or null when not reported`, counts.oxygenAvg7d);
  }
  if (!validWhole(counts.freeCovidBeds)) throw invalid(`${prefix}freeCovidBeds`, whole, counts.freeCovidBeds);
  throw invalid(`${prefix}staffedIcuBeds`, whole, counts.staffedIcuBeds);
}

/** Throws SurgeInputError unless population is a whole number > 0. */
export function checkPopulation(population: number, field = 'population'): void {
  if (!validPopulation(population)) throw invalid(field, 'must be a whole number > 0', population);
}

/**
 * Throws SurgeInputError (field 'newCases', 'oxygenAvg7d', ..., after `prefix`) unless every figure is a valid
 * number or null. Whole numbers ≥ 0 for cases, beds and ICU; a finite number ≥ 0 for oxygen. undefined is not null:
 * a missing property is a mapping bug, not "not reported".
 */
export function checkCounts(counts: Counts, prefix = ''): void {
  if (!validCounts(counts)) throwBadCounts(counts, prefix);
}

/** Oxygen average in hundredths, rounded as the brief defines it: Math.round(x × 100). */
export function oxygenCents(oxygen: number): number {
  return Math.round(oxygen * 100);
}

// ---------------------------------------------------------------------------------------------------------------
// The exact comparison. Kept small and branch-light: this is the hot path (≥ 10 million evaluations per second).
// The plan's thresholds, comparators and rule are validated first, in one small function (validPlan); a plan that
// fails is reported field by field by the slow path (throwBadPlan). The judging code can then assume a valid plan.
// Errors are built in separate functions so the hot code stays small enough for V8 to inline.

function isComparator(c: unknown): c is Comparator {
  return c === '>' || c === '>=' || c === '<' || c === '<=';
}

function isRule(rule: unknown): rule is Plan['rule'] {
  return rule === 'epidemic-and-capacity' || rule === 'any' || rule === 'all';
}

/** NaN, ±Infinity, negatives, more than 2 decimals, or beyond Decimal(12, 2) all fail. */
function validThreshold(threshold: number): boolean {
  const cents = Math.round(threshold * 100);
  return cents >= 0 && cents <= MAX_THRESHOLD_CENTS && cents / 100 === threshold;
}

function validCriterion(c: PlanCriterion): boolean {
  return validThreshold(c.threshold) && isComparator(c.comparator);
}

function validPlan(plan: Plan): boolean {
  const k = plan.criteria;
  return validCriterion(k.cases) && validCriterion(k.oxygen) && validCriterion(k.freeBeds) && validCriterion(k.icuBeds) && isRule(plan.rule);
}

const KEYS: readonly CriterionKey[] = ['cases', 'oxygen', 'freeBeds', 'icuBeds'];

function throwBadPlan(plan: Plan): never {
  if (typeof plan !== 'object' || plan === null) throw invalid('plan', 'must be a plan object', plan);
  if (typeof plan.criteria !== 'object' || plan.criteria === null) throw invalid('plan.criteria', 'must be an object', plan.criteria);
  for (const key of KEYS) {
    const c = plan.criteria[key];
    if (typeof c !== 'object' || c === null) throw invalid(`plan.criteria.${key}`, 'must be an object', c);
    if (!validThreshold(c.threshold)) {
      throw invalid(`plan.criteria.${key}.threshold`, `must be a number from 0 to ${MAX_THRESHOLD} with at most 2 decimals`, c.threshold);
    }
    if (!isComparator(c.comparator)) throw invalid(`plan.criteria.${key}.comparator`, "must be one of '>', '>=', '<', '<='", c.comparator);
  }
  throw invalid('plan.rule', "must be 'epidemic-and-capacity', 'any' or 'all'", plan.rule);
}

/** Throws SurgeInputError naming the field unless the plan's thresholds, comparators and rule can be judged. */
export function checkPlanCriteria(plan: Plan): void {
  if (!(typeof plan === 'object' && plan !== null && typeof plan.criteria === 'object' && plan.criteria !== null && validPlan(plan))) {
    throwBadPlan(plan);
  }
}

/** The same comparison in BigInt, for products beyond Number.MAX_SAFE_INTEGER (never with realistic figures). */
function judgeBig(units: number, scale: number, cents: number, population: number, comparator: Comparator): boolean {
  const left = BigInt(units) * BigInt(scale);
  const right = BigInt(cents) * BigInt(population);
  return comparator === '>' ? left > right : comparator === '>=' ? left >= right : comparator === '<' ? left < right : left <= right;
}

/**
 * One criterion, for a validated plan. units: the figure as a whole number (oxygen in hundredths) or null; scale:
 * WHOLE_SCALE or OXYGEN_SCALE; rateScale: the factor giving the per-100,000 rate (100,000, or 1,000 for oxygen
 * hundredths); judged: false for information-only criteria (met null).
 */
function criterion(
  key: CriterionKey,
  units: number | null,
  scale: number,
  rateScale: number,
  population: number,
  c: PlanCriterion,
  judged: boolean,
): CriterionResult {
  const threshold = c.threshold;
  const comparator = c.comparator;
  if (units === null) return { key, rate: null, threshold, comparator, met: null };
  const cents = Math.round(threshold * 100);
  const left = units * scale;
  const right = cents * population;
  const met =
    left <= SAFE && right <= SAFE
      ? comparator === '>'
        ? left > right
        : comparator === '>='
          ? left >= right
          : comparator === '<'
            ? left < right
            : left <= right
      : judgeBig(units, scale, cents, population, comparator);
  return { key, rate: (units * rateScale) / population, threshold, comparator, met: judged ? met : null };
}

// ---------------------------------------------------------------------------------------------------------------
// The scenario rule, on bit masks: cases 1, oxygen 2, free beds 4, ICU 8. EPIDEMIC = 1|2, CAPACITY = 4|8.

const EPIDEMIC_BITS = 3;
const CAPACITY_BITS = 12;
const ALL_BITS = 15;

function levelOf(rule: Plan['rule'], met: number, unknown: number): SurgeLevel {
  if (unknown === ALL_BITS) return 'no-data';
  if (met === 0) return 'normal';
  const surge =
    rule === 'epidemic-and-capacity' ? (met & EPIDEMIC_BITS) !== 0 && (met & CAPACITY_BITS) !== 0 : rule === 'any' || met === ALL_BITS;
  return surge ? 'surge' : 'warning';
}

function bit(met: boolean | null, value: number): number {
  return met === true ? value : 0;
}

function unknownBit(met: boolean | null, value: number): number {
  return met === null ? value : 0;
}

/**
 * The verdict without validating counts and population (the caller has). The plan is still validated, cheaply,
 * since a bad plan must never yield a verdict either.
 */
export function evaluateSurgeUnchecked(counts: Counts, population: number, plan: Plan): SurgeVerdict {
  if (!validPlan(plan)) throwBadPlan(plan);
  const k = plan.criteria;
  const o = counts.oxygenAvg7d;
  const cases = criterion('cases', counts.newCases, WHOLE_SCALE, 100_000, population, k.cases, true);
  const oxygen = criterion('oxygen', o === null ? null : Math.round(o * 100), OXYGEN_SCALE, 1_000, population, k.oxygen, true);
  const beds = criterion('freeBeds', counts.freeCovidBeds, WHOLE_SCALE, 100_000, population, k.freeBeds, true);
  const icu = criterion('icuBeds', counts.staffedIcuBeds, WHOLE_SCALE, 100_000, population, k.icuBeds, true);
  const met = bit(cases.met, 1) | bit(oxygen.met, 2) | bit(beds.met, 4) | bit(icu.met, 8);
  const unknown = unknownBit(cases.met, 1) | unknownBit(oxygen.met, 2) | unknownBit(beds.met, 4) | unknownBit(icu.met, 8);
  return { level: levelOf(plan.rule, met, unknown), provisional: unknown !== 0, criteria: [cases, oxygen, beds, icu] };
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
  return evaluateSurgeUnchecked(counts, population, plan);
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
  checkPlanCriteria(plan);
  const k = plan.criteria;
  const o = counts.oxygenAvg7d;
  const cases = criterion('cases', counts.newCases, WHOLE_SCALE, 100_000, population, k.cases, true);
  const oxygen = criterion('oxygen', o === null ? null : Math.round(o * 100), OXYGEN_SCALE, 1_000, population, k.oxygen, true);
  const beds = criterion('freeBeds', counts.freeCovidBeds, WHOLE_SCALE, 100_000, population, k.freeBeds, false);
  const icu = criterion('icuBeds', counts.staffedIcuBeds, WHOLE_SCALE, 100_000, population, k.icuBeds, false);
  const level: DistrictLevel =
    cases.met === null && oxygen.met === null ? 'no-data' : cases.met === true || oxygen.met === true ? 'warning' : 'normal';
  return {
    level,
    provisional: cases.met === null || oxygen.met === null,
    criteria: [cases, oxygen, beds, icu],
    informationOnly: CAPACITY_CRITERIA,
  };
}
