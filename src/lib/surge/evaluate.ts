import { describeValue, SurgeInputError } from './errors';
import { CAPACITY_CRITERIA, MAX_THRESHOLD, SEVERITY_FIELDS } from './plans';
import type {
  Comparator,
  Counts,
  CriterionKey,
  Plan,
  PlanCriterion,
  SurgeLevel,
  SurgeRule,
  SurgeVerdict,
} from './types';

// Exact judgement. A criterion compares rate = figure × 100,000 / population with a threshold of at most 2 decimals.
// Multiplying both sides by population × 100 gives an integer comparison:
//   whole figures (cases, beds, ICU):  figure × 10,000,000   ⋚  thresholdCents × population
//   oxygen (rounded to hundredths):     oxygenHundredths × 100,000 ⋚  thresholdCents × population
// Every factor is an integer, so as long as both products stay ≤ Number.MAX_SAFE_INTEGER the doubles hold them
// exactly and the comparison is exact. Realistic bounds: figures ≤ 10 million → 1e7 × 1e7 = 1e14; population
// ≤ 150 million and threshold ≤ 1,000 → 1e5 × 1.5e8 = 1.5e13; both far below 9.007e15. A product that would exceed
// MAX_SAFE_INTEGER is detected (rounding is monotonic: an exact product > 2^53 - 1 rounds to ≥ 2^53) and that
// comparison is redone with BigInt, off the hot path, so every input is judged exactly.
//
// Performance (target ≥ 10 million evaluations per second, scripts/bench-surge.ts): the hot path is one flat
// function (judge) whose helpers are small enough for V8 to inline them all (an earlier version, split into
// per-criterion functions, exceeded V8's inlining budget and ran at half the speed); each figure is validated where
// it is read, with cheap comparisons, and error messages are built only on the slow paths (throwBad*). Most of the
// remaining time is the verdict itself: 6 objects and up to 4 boxed doubles per evaluation, which the contract
// requires, and the garbage collection of them.

const SAFE = Number.MAX_SAFE_INTEGER;
/** 100,000 (per-capita base) × 100 (threshold cents) */
const WHOLE_SCALE = 10_000_000;
/** 100,000; oxygen is already in hundredths */
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

/** The severity figures are optional (undefined = not reported, like null); never read by the hot path. */
function validSeverity(counts: Counts): boolean {
  return (
    (counts.severeCases === undefined || validWhole(counts.severeCases)) &&
    (counts.newAdmissions === undefined || validWhole(counts.newAdmissions)) &&
    (counts.deaths === undefined || validWhole(counts.deaths))
  );
}

/** Slow path: finds the first bad field and throws. Field names are built only here, never in the hot path. */
function throwBadCounts(counts: Counts, prefix: string): never {
  if (typeof counts !== 'object' || counts === null)
    throw invalid(prefix ? prefix.slice(0, -1) : 'counts', 'must be an object', counts);
  if (!validWhole(counts.newCases)) throw invalid(`${prefix}newCases`, WHOLE_MESSAGE, counts.newCases);
  if (!validOxygen(counts.oxygenAvg7d)) {
    throw invalid(
      `${prefix}oxygenAvg7d`,
      `must be a finite number ≥ 0 (at most ${MAX_OXYGEN}), or null when not reported`,
      counts.oxygenAvg7d,
    );
  }
  if (!validWhole(counts.freeCovidBeds)) throw invalid(`${prefix}freeCovidBeds`, WHOLE_MESSAGE, counts.freeCovidBeds);
  throw invalid(`${prefix}staffedIcuBeds`, WHOLE_MESSAGE, counts.staffedIcuBeds);
}

/** Slow path of checkCounts for the optional severity figures, apart so that the hot path's helpers stay as small. */
function throwBadSeverity(counts: Counts, prefix: string): never {
  for (const field of SEVERITY_FIELDS) {
    const value = counts[field];
    if (value !== undefined && !validWhole(value)) throw invalid(`${prefix}${field}`, WHOLE_MESSAGE, value);
  }
  throw invalid(prefix ? prefix.slice(0, -1) : 'counts', 'is not valid', counts);
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
  if (!validSeverity(counts)) throwBadSeverity(counts, prefix);
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

/** The first problem found in the plan's judging data (criteria and rule), or null. */
function planProblem(plan: Plan): SurgeInputError | null {
  if (typeof plan !== 'object' || plan === null) return invalid('plan', 'must be a plan object', plan);
  if (typeof plan.criteria !== 'object' || plan.criteria === null)
    return invalid('plan.criteria', 'must be an object', plan.criteria);
  for (const key of KEYS) {
    const c: PlanCriterion | undefined = plan.criteria[key];
    if (typeof c !== 'object' || c === null) return invalid(`plan.criteria.${key}`, 'must be an object', c);
    if (thresholdCents(c.threshold) < 0) {
      return invalid(
        `plan.criteria.${key}.threshold`,
        `must be a number from 0 to ${MAX_THRESHOLD} with at most 2 decimals`,
        c.threshold,
      );
    }
    if (!isComparator(c.comparator))
      return invalid(`plan.criteria.${key}.comparator`, "must be one of '>', '>=', '<', '<='", c.comparator);
  }
  if (!isRule(plan.rule)) return invalid('plan.rule', "must be 'epidemic-and-capacity', 'any' or 'all'", plan.rule);
  return null;
}

function throwBadPlan(plan: Plan): never {
  throw planProblem(plan) ?? invalid('plan', 'cannot be judged', plan);
}

/** Throws SurgeInputError naming the field unless the plan's thresholds, comparators and rule can be judged. */
export function checkPlanCriteria(plan: Plan): void {
  const problem = planProblem(plan);
  if (problem) throw problem;
}

// ---------------------------------------------------------------------------------------------------------------
// The exact comparison.
//
// Written without data-dependent branches: when criteria are met or not at random, mispredicted branches cost more
// than the arithmetic (measured with the benchmark, best of 5 runs: a branching version ran 10.1 M/s on random
// weeks against 13.7 M/s on all-normal weeks; this one 11.5 against 12.2). Comparisons become 0/1 numbers
// (Number(boolean)), and booleans and levels are read from small tables indexed by bit masks.

/** A comparator as the set of outcomes that meet it: bit 0 rate above the threshold, bit 1 equal, bit 2 below. 0 = invalid. */
function outcomesMeeting(comparator: unknown): number {
  return comparator === '>' ? 1 : comparator === '>=' ? 3 : comparator === '<' ? 4 : comparator === '<=' ? 6 : 0;
}

/** The comparison in BigInt, for products beyond Number.MAX_SAFE_INTEGER (never with realistic figures). */
function meetsBig(units: number, scale: number, cents: number, population: number, outcomes: number): number {
  const left = BigInt(units) * BigInt(scale);
  const right = BigInt(cents) * BigInt(population);
  return (outcomes >> (left > right ? 0 : left === right ? 1 : 2)) & 1;
}

/**
 * 1 when units × scale ⋚ cents × population meets the comparator (as outcomesMeeting), else 0; exact. All four
 * numbers are non-negative safe integers.
 */
function meets(units: number, scale: number, cents: number, population: number, outcomes: number): number {
  const left = units * scale;
  const right = cents * population;
  if (left > SAFE || right > SAFE) return meetsBig(units, scale, cents, population, outcomes);
  return (outcomes >> (Number(left === right) + 2 * Number(left < right))) & 1;
}

const BOOLEAN: readonly boolean[] = [false, true];

// ---------------------------------------------------------------------------------------------------------------
// The scenario rule, as a table: LEVELS[rule × 17 + met mask] with cases 1, oxygen 2, free beds 4, ICU 8, and index 16
// for "nothing reported".

const RULE_ORDER: readonly SurgeRule[] = ['epidemic-and-capacity', 'any', 'all'];
const EPIDEMIC_BITS = 1 | 2;
const CAPACITY_BITS = 4 | 8;
const ALL_BITS = 15;

/** The level from the criteria met (a mask over the known ones); the readable definition the table is built from. */
function levelFromMask(rule: SurgeRule, met: number): Exclude<SurgeLevel, 'no-data'> {
  const epidemic = (met & EPIDEMIC_BITS) !== 0;
  if (rule === 'any') return met !== 0 ? 'surge' : 'normal';
  const surge = rule === 'all' ? (met & ALL_BITS) === ALL_BITS : epidemic && (met & CAPACITY_BITS) !== 0;
  // an early warning needs an epidemic signal: capacity alone (0 free COVID-19 beds with no cases, a normal week since
  // beds are set up only when needed) is information, not a warning
  return surge ? 'surge' : epidemic ? 'warning' : 'normal';
}

const LEVELS: readonly SurgeLevel[] = RULE_ORDER.flatMap((rule) => [
  ...Array.from({ length: 16 }, (_, met) => levelFromMask(rule, met)),
  'no-data' as const,
]);

/**
 * Whether the level is settled: the same for every value the unsettled criteria (mask `free`) could take, the others
 * fixed at `met`. An unsettled criterion can end up met or not (missing reports of zero keep it as it is; large ones
 * flip it), so every subset of `free` is reachable. SETTLED[rule × 256 + free × 16 + met]; free = 15 (nothing
 * known) is never settled.
 */
function levelSettled(rule: SurgeRule, free: number, met: number): boolean {
  const fixed = met & ~free;
  const level = levelFromMask(rule, fixed);
  for (let s = free; ; s = (s - 1) & free) {
    if (levelFromMask(rule, fixed | s) !== level) return false;
    if (s === 0) return true;
  }
}

const SETTLED: readonly boolean[] = RULE_ORDER.flatMap((rule) =>
  Array.from({ length: 256 }, (_, i) => levelSettled(rule, i >> 4, i & 15)),
);

/** The verdict's settled flag from the rule (an index in RULE_ORDER), the unsettled criteria and the criteria met. */
export function settledLevel(rule: number, free: number, met: number): boolean {
  return SETTLED[rule * 256 + free * 16 + met] as boolean;
}

export function ruleIndex(rule: unknown): number {
  return rule === 'epidemic-and-capacity' ? 0 : rule === 'any' ? 1 : rule === 'all' ? 2 : -1;
}

/**
 * The judgement proper. check: validate each reported figure where it is read (sharing the null test; the public
 * functions pass true, callers that validated already pass false); population is validated by the caller. The plan
 * is always validated (cheap comparisons): a bad plan must never yield a verdict either. district: the capacity
 * criteria are information only (met null).
 */
function judge(counts: Counts, population: number, plan: Plan, district: boolean, check: boolean): SurgeVerdict {
  const k = plan.criteria;
  const cc = k.cases;
  const co = k.oxygen;
  const cb = k.freeBeds;
  const ci = k.icuBeds;
  const tc = thresholdCents(cc.threshold);
  const to = thresholdCents(co.threshold);
  const tb = thresholdCents(cb.threshold);
  const ti = thresholdCents(ci.threshold);
  const xc = outcomesMeeting(cc.comparator);
  const xo = outcomesMeeting(co.comparator);
  const xb = outcomesMeeting(cb.comparator);
  const xi = outcomesMeeting(ci.comparator);
  const rule = ruleIndex(plan.rule);
  if (tc < 0 || to < 0 || tb < 0 || ti < 0 || xc === 0 || xo === 0 || xb === 0 || xi === 0 || rule < 0)
    throwBadPlan(plan);

  const nc = counts.newCases;
  const ox = counts.oxygenAvg7d;
  const fb = counts.freeCovidBeds;
  const ib = counts.staffedIcuBeds;
  let met = 0;
  let unknown = 0;
  let mc: boolean | null = null;
  let mo: boolean | null = null;
  let mb: boolean | null = null;
  let mi: boolean | null = null;
  let rc: number | null = null;
  let ro: number | null = null;
  let rb: number | null = null;
  let ri: number | null = null;
  if (nc !== null) {
    if (check && !(Number.isSafeInteger(nc) && nc >= 0)) throwBadCounts(counts, '');
    const bit = meets(nc, WHOLE_SCALE, tc, population, xc);
    met |= bit;
    mc = BOOLEAN[bit] as boolean;
    rc = (nc * 100_000) / population;
  } else unknown |= 1;
  if (ox !== null) {
    if (check && !(typeof ox === 'number' && ox >= 0 && ox <= MAX_OXYGEN)) throwBadCounts(counts, '');
    const hundredths = Math.round(ox * 100);
    const bit = meets(hundredths, OXYGEN_SCALE, to, population, xo);
    met |= bit << 1;
    mo = BOOLEAN[bit] as boolean;
    ro = (hundredths * 1_000) / population;
  } else unknown |= 2;
  if (fb !== null) {
    if (check && !(Number.isSafeInteger(fb) && fb >= 0)) throwBadCounts(counts, '');
    const bit = meets(fb, WHOLE_SCALE, tb, population, xb);
    met |= bit << 2;
    mb = district ? null : (BOOLEAN[bit] as boolean);
    rb = (fb * 100_000) / population;
  } else unknown |= 4;
  if (ib !== null) {
    if (check && !(Number.isSafeInteger(ib) && ib >= 0)) throwBadCounts(counts, '');
    const bit = meets(ib, WHOLE_SCALE, ti, population, xi);
    met |= bit << 3;
    mi = district ? null : (BOOLEAN[bit] as boolean);
    ri = (ib * 100_000) / population;
  } else unknown |= 8;
  return {
    // (unknown + 1) >> 4 is 1 only when all four are unknown (unknown = 15, met = 0): index 16, 'no-data'.
    level: LEVELS[rule * 17 + ((unknown + 1) >> 4) * 16 + met] as SurgeLevel,
    provisional: BOOLEAN[(unknown + 15) >> 4] as boolean,
    // on one unit a reported figure is final: the unknown criteria are the free ones
    settled: SETTLED[rule * 256 + unknown * 16 + met] as boolean,
    criteria: [
      { key: 'cases', rate: rc, threshold: cc.threshold, comparator: cc.comparator, met: mc, settled: nc !== null },
      { key: 'oxygen', rate: ro, threshold: co.threshold, comparator: co.comparator, met: mo, settled: ox !== null },
      { key: 'freeBeds', rate: rb, threshold: cb.threshold, comparator: cb.comparator, met: mb, settled: mb !== null },
      { key: 'icuBeds', rate: ri, threshold: ci.threshold, comparator: ci.comparator, met: mi, settled: mi !== null },
    ],
  };
}

/**
 * judge, with a malformed plan (a criterion missing, say: reading it throws a TypeError) reported as the
 * SurgeInputError naming the field. try/catch costs nothing in V8 while nothing is thrown.
 */
function judgeChecked(counts: Counts, population: number, plan: Plan, district: boolean, check: boolean): SurgeVerdict {
  try {
    return judge(counts, population, plan, district, check);
  } catch (error) {
    if (error instanceof SurgeInputError) throw error;
    if (!validCounts(counts)) throwBadCounts(counts, '');
    throw planProblem(plan) ?? error;
  }
}

/**
 * Judges one unit-week against a plan's four criteria (rates per 100,000 population of the unit) and its scenario
 * rule. A null figure is unknown: its criterion has rate and met null, and the verdict is provisional.
 * Throws SurgeInputError (with `field`) on a negative, non-finite or (for cases, beds, ICU) fractional figure, on a
 * population that is not a whole number > 0, and on a plan comparator, threshold or rule it cannot judge.
 */
export function evaluateSurge(counts: Counts, population: number, plan: Plan): SurgeVerdict {
  if (!validPopulation(population)) checkPopulation(population);
  return judgeChecked(counts, population, plan, false, true);
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
  const verdict = judgeChecked(counts, population, plan, true, false);
  const [cases, oxygen] = verdict.criteria;
  const mc = cases?.met ?? null;
  const mo = oxygen?.met ?? null;
  const level: DistrictLevel =
    mc === null && mo === null ? 'no-data' : mc === true || mo === true ? 'warning' : 'normal';
  return {
    level,
    provisional: mc === null || mo === null,
    // a met epidemic criterion makes the warning final; otherwise both must be known
    settled: mc === true || mo === true || (mc !== null && mo !== null),
    criteria: verdict.criteria,
    informationOnly: CAPACITY_CRITERIA,
  };
}
