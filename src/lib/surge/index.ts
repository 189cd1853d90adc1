// SurgeWatch surge engine: judges unit-weeks against the provincial plans' appendix II.2 criteria.
// Pure TypeScript, no I/O and no dependencies: imported by both server and browser. See docs/adr/0003-surge-rule.md.

export type {
  Comparator,
  CountField,
  Counts,
  CriterionKey,
  CriterionResult,
  Plan,
  PlanCriterion,
  PopulationFigure,
  SeverityField,
  SurgeLevel,
  SurgeRule,
  SurgeVerdict,
} from './types';
export { SurgeInputError } from './errors';
export {
  assertPlan,
  CAPACITY_CRITERIA,
  COMPARATORS,
  COUNT_FIELD,
  CRITERION_KEYS,
  EPIDEMIC_CRITERIA,
  isIsoDate,
  isValidThreshold,
  MAX_THRESHOLD,
  PLANS,
  SEVERITY_FIELDS,
  SURGE_RULES,
} from './plans';
export type { BuiltInPlanKey } from './plans';
export {
  checkCounts,
  checkPlanCriteria,
  checkPopulation,
  evaluateDistrict,
  evaluateSurge,
  MAX_OXYGEN,
} from './evaluate';
export type { DistrictLevel, DistrictVerdict } from './evaluate';
export { aggregateCounts, evaluateProvinceWeek, evaluateSums, expectedReporters, hasAnyFigure } from './aggregate';
export type { Completeness, ProvinceWeek, ProvinceWeekInput, SumsInput } from './aggregate';
export { selectPlan, selectPopulation } from './select';
export { DEATHS_PER, perPopulation, severityRates } from './severity';
export type { SeverityRates } from './severity';
