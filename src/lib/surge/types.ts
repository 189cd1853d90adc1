// Types of the surge engine. Plain data only: a Plan must survive JSON.stringify/parse unchanged, because the
// database layer maps PlanVersion rows into it and the browser receives it over the wire.

export type Comparator = '>' | '>=' | '<' | '<=';
export type CriterionKey = 'cases' | 'oxygen' | 'freeBeds' | 'icuBeds';
/**
 * - 'epidemic-and-capacity': surge when at least one epidemic criterion (cases, oxygen) AND at least one capacity
 *   criterion (free beds, ICU) are met; warning when an epidemic criterion is met without that combination. Capacity
 *   criteria met alone leave the level normal (they keep met: true, shown as information).
 * - 'any': surge when any criterion is met.
 * - 'all': surge when all four are met; warning when an epidemic criterion is met without the four.
 * The combination is SurgeWatch's reading: the plans' appendix II.2 lists the criteria without saying how they combine.
 */
export type SurgeRule = 'epidemic-and-capacity' | 'any' | 'all';

export interface PlanCriterion {
  comparator: Comparator;
  /** Per 100,000 population; at most 2 decimals (the database column is Decimal(12, 2)). */
  threshold: number;
}

export interface Plan {
  /** 'default' | 'kien-giang' | 'lai-chau' | a database id */
  key: string;
  /** Vietnamese plan name, as written in the source document */
  name: string;
  /** GSO province code (Kiên Giang '91', Lai Châu '12'); null for the product's default plan */
  provinceCode: string | null;
  version: number;
  /** 'YYYY-MM-DD': the plan applies to weeks whose Monday is on or after this date */
  validFrom: string;
  /** e.g. 'Công văn 3840/SYT-NVYD (11/2023), Phụ lục, mục II.2' */
  sourceDocument: string;
  rule: SurgeRule;
  criteria: Record<CriterionKey, PlanCriterion>;
}

/**
 * One unit's figures for one ISO week. null = not reported (unknown), never zero.
 * - newCases: new cases in the week (whole number)
 * - oxygenAvg7d: patients on oxygen, average over the past 7 days (up to 2 decimals; rounded to 2 decimals)
 * - freeCovidBeds: free beds for COVID-19 patients at the time of assessment (whole number)
 * - staffedIcuBeds: ICU beds with enough health staff (whole number)
 */
export interface Counts {
  newCases: number | null;
  oxygenAvg7d: number | null;
  freeCovidBeds: number | null;
  staffedIcuBeds: number | null;
  /**
   * Severity figures (whole numbers), recorded and shown but judged by no plan yet: absent or null = not reported.
   * Optional so that every four-figure caller stays valid. See docs/adr/0013-severity-and-growth.md.
   * - severeCases: severe cases under treatment at the time of the report (ca nặng đang điều trị)
   * - newAdmissions: new COVID-19 hospital admissions in the week (ca nhập viện mới)
   * - deaths: COVID-19 deaths in the week (ca tử vong)
   */
  severeCases?: number | null;
  newAdmissions?: number | null;
  deaths?: number | null;
}

/** The four figures the plans' criteria judge. */
export type CountField = 'newCases' | 'oxygenAvg7d' | 'freeCovidBeds' | 'staffedIcuBeds';
/** The severity figures: optional, recorded and shown, not judged. */
export type SeverityField = 'severeCases' | 'newAdmissions' | 'deaths';

export type SurgeLevel = 'normal' | 'warning' | 'surge' | 'no-data';

export interface CriterionResult {
  key: CriterionKey;
  /** Per 100,000 population, for display only (a float); null when the figure was not reported. */
  rate: number | null;
  threshold: number;
  comparator: Comparator;
  /**
   * true/false: judged exactly (integer arithmetic). null: unknown (figure not reported) or, for a district's
   * capacity criteria, not judged at that level (see DistrictVerdict.informationOnly).
   */
  met: boolean | null;
  /**
   * true when no value the missing reports could take would change `met` (the reported sums are lower bounds of the
   * true figures: see evaluateSums). On one unit: the figure is reported. Always false when `met` is null.
   */
  settled: boolean;
}

export interface SurgeVerdict {
  level: SurgeLevel;
  /** true when any criterion that decides the level is unknown (or, for a province week, a unit has not reported). */
  provisional: boolean;
  /**
   * true when no value the missing reports could take would change `level`: a verdict that can still change is not
   * acted on (the plan never opens on it). Never true for 'no-data'.
   */
  settled: boolean;
  /** Always the four criteria, in CRITERION_KEYS order: cases, oxygen, freeBeds, icuBeds. */
  criteria: CriterionResult[];
}

export interface PopulationFigure {
  year: number;
  population: number;
}
