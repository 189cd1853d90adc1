import { describeValue, SurgeInputError } from './errors';
import { checkCounts, evaluateSurge, checkPopulation, ruleIndex, settledLevel } from './evaluate';
import { COUNT_FIELD, SEVERITY_FIELDS } from './plans';
import type { CountField, Counts, CriterionResult, Plan, SurgeVerdict } from './types';

function sumOrNull(total: number, seen: boolean, field: string): number | null {
  if (!seen) return null;
  if (!Number.isSafeInteger(total)) throw new SurgeInputError(field, `sum too large to add exactly (got ${total})`);
  return total;
}

function sumRows(rows: readonly Counts[], names: readonly string[]): Counts {
  let cases = 0;
  let oxygenCents = 0;
  let beds = 0;
  let icu = 0;
  let seenCases = false;
  let seenOxygen = false;
  let seenBeds = false;
  let seenIcu = false;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Counts;
    checkCounts(row, names[i] ?? `rows[${i}].`);
    if (row.newCases !== null) {
      cases += row.newCases;
      seenCases = true;
    }
    if (row.oxygenAvg7d !== null) {
      // Summed in hundredths so that 10.1 + 10.2 + 11.7 is 32.00, not 31.999999999999996.
      oxygenCents += Math.round(row.oxygenAvg7d * 100);
      seenOxygen = true;
    }
    if (row.freeCovidBeds !== null) {
      beds += row.freeCovidBeds;
      seenBeds = true;
    }
    if (row.staffedIcuBeds !== null) {
      icu += row.staffedIcuBeds;
      seenIcu = true;
    }
  }
  const cents = sumOrNull(oxygenCents, seenOxygen, 'oxygenAvg7d');
  const sums: Counts = {
    newCases: sumOrNull(cases, seenCases, 'newCases'),
    oxygenAvg7d: cents === null ? null : cents / 100,
    freeCovidBeds: sumOrNull(beds, seenBeds, 'freeCovidBeds'),
    staffedIcuBeds: sumOrNull(icu, seenIcu, 'staffedIcuBeds'),
  };
  // the optional severity figures: present in the sum when any row has the property (null when none reported it)
  for (const field of SEVERITY_FIELDS) {
    let total = 0;
    let present = false;
    let seen = false;
    for (const row of rows) {
      const value = row[field];
      if (value === undefined) continue;
      present = true;
      if (value !== null) {
        total += value;
        seen = true;
      }
    }
    if (present) sums[field] = sumOrNull(total, seen, field);
  }
  return sums;
}

/**
 * Sum of the reported figures, field by field: a field is null only when no row reported it. Oxygen averages are
 * rounded to 2 decimals and added in hundredths, so the sum has no floating-point drift. Throws SurgeInputError
 * naming the row and field (e.g. 'rows[3].newCases') on a bad figure.
 */
export function aggregateCounts(rows: readonly Counts[]): Counts {
  return sumRows(rows, []);
}

/** true when the row has at least one figure (a unit with such a row has reported for the week). */
export function hasAnyFigure(row: Counts | null | undefined): boolean {
  return (
    row != null &&
    (row.newCases !== null || row.oxygenAvg7d !== null || row.freeCovidBeds !== null || row.staffedIcuBeds !== null)
  );
}

export interface ProvinceWeekInput {
  /** The province's own row (provincial hospitals and facilities); null or absent when not entered. */
  ownRow?: Counts | null;
  /** The rows entered by the province's districts for the week (one per district at most; null = no row). */
  districtRows: readonly (Counts | null)[];
  /** How many districts the province has (the province's own row is added: expected = expectedDistricts + 1). */
  expectedDistricts: number;
  /** The province's population (see selectPopulation). */
  population: number;
  plan: Plan;
  /**
   * Per figure, how many units are expected to report it; default expectedReporters(expectedDistricts + 1, true). A
   * figure is complete when that many units reported it (for new cases, counting the districts only).
   */
  expectedReporters?: Partial<Record<CountField, number>>;
}

/**
 * Who is expected to report each figure: by default every reporting unit reports every figure, except the province's
 * own row (its provincial hospitals and facilities), which never reports new cases: cases are counted where people
 * live, by the districts (the entry grid, the import and the API refuse them on that row).
 */
export function expectedReporters(reportingUnits: number, hasProvinceRow: boolean): Record<CountField, number> {
  return {
    newCases: hasProvinceRow ? Math.max(0, reportingUnits - 1) : reportingUnits,
    oxygenAvg7d: reportingUnits,
    freeCovidBeds: reportingUnits,
    staffedIcuBeds: reportingUnits,
  };
}

export interface SumsInput {
  /** The sums of the reported figures (aggregateCounts, or the database's SUM). */
  counts: Counts;
  /** Per figure, how many of the expected reporters reported it. */
  reportedByField: Record<CountField, number>;
  /** Per figure, how many units are expected to report it. */
  expectedByField: Record<CountField, number>;
  population: number;
  plan: Plan;
}

/**
 * Judges a province's sums and says what the missing reports could still change. Figures are whole numbers or averages
 * ≥ 0, so a sum over the units that reported is a lower bound of the true figure: a "more than" criterion (cases,
 * oxygen) met on it stays met whatever arrives, one not met can still become met until every expected reporter has
 * reported the figure; a "less than" criterion (free beds, ICU) not met stays not met, one met can still stop being met.
 * A criterion nobody reported is never settled. The level is settled when it is the same for every outcome of the
 * unsettled criteria. Throws SurgeInputError on bad sums, population or plan, as evaluateSurge.
 */
export function evaluateSums(input: SumsInput): SurgeVerdict {
  const { counts, reportedByField, expectedByField, population, plan } = input;
  const verdict = evaluateSurge(counts, population, plan);
  let free = 0;
  let met = 0;
  const criteria = verdict.criteria.map((c: CriterionResult, i): CriterionResult => {
    const field = COUNT_FIELD[c.key];
    const complete = reportedByField[field] >= expectedByField[field];
    const grows = c.comparator === '>' || c.comparator === '>=';
    const settled = c.met !== null && (complete || c.met === grows);
    if (!settled) free |= 1 << i;
    if (c.met === true) met |= 1 << i;
    return { ...c, settled };
  });
  const settled = verdict.level !== 'no-data' && settledLevel(ruleIndex(plan.rule), free, met);
  return { level: verdict.level, provisional: verdict.provisional, settled, criteria };
}

export interface Completeness {
  /** Units with at least one figure: the province's own row and its districts. */
  reported: number;
  /** expectedDistricts + 1 (the province's own row). */
  expected: number;
  /** reported / expected, from 0 to 1. */
  ratio: number;
  /** Per figure, how many units reported it (e.g. ICU beds reported by 8 of 12 units). */
  byField: Record<CountField, number>;
  /** Per figure, how many units are expected to report it (see expectedReporters). */
  expectedByField: Record<CountField, number>;
}

function definedOnly(values: Partial<Record<CountField, number>> | undefined): Partial<Record<CountField, number>> {
  const out: Partial<Record<CountField, number>> = {};
  for (const [field, n] of Object.entries(values ?? {}) as [CountField, number | undefined][]) {
    if (n === undefined) continue;
    if (!(Number.isSafeInteger(n) && n >= 0))
      throw new SurgeInputError(`expectedReporters.${field}`, `must be a whole number ≥ 0 (got ${describeValue(n)})`);
    out[field] = n;
  }
  return out;
}

export interface ProvinceWeek {
  verdict: SurgeVerdict;
  /** The province's weekly figures: its own row plus its districts' rows (aggregateCounts). */
  counts: Counts;
  completeness: Completeness;
}

/**
 * The province's weekly verdict: its own row and its districts' rows are summed, then judged against the plan.
 * A unit that has not reported (no row, or a row without any figure) makes the verdict provisional: the province's
 * sums are then partial (free beds, for one, are under-counted).
 */
export function evaluateProvinceWeek(input: ProvinceWeekInput): ProvinceWeek {
  const { districtRows, expectedDistricts, population, plan } = input;
  const ownRow = input.ownRow ?? null;
  if (!(Number.isSafeInteger(expectedDistricts) && expectedDistricts >= 0)) {
    throw new SurgeInputError(
      'expectedDistricts',
      `must be a whole number ≥ 0 (got ${describeValue(expectedDistricts)})`,
    );
  }
  if (districtRows.length > expectedDistricts) {
    throw new SurgeInputError(
      'districtRows',
      `${districtRows.length} district rows for a province with ${expectedDistricts} districts (one row per district at most)`,
    );
  }
  checkPopulation(population);

  const rows: Counts[] = [];
  const names: string[] = [];
  const byField: Record<CountField, number> = { newCases: 0, oxygenAvg7d: 0, freeCovidBeds: 0, staffedIcuBeds: 0 };
  let reported = 0;
  const add = (row: Counts | null, name: string): void => {
    if (row === null) return;
    rows.push(row);
    names.push(name);
    if (!hasAnyFigure(row)) return;
    reported++;
    if (row.newCases !== null) byField.newCases++;
    if (row.oxygenAvg7d !== null) byField.oxygenAvg7d++;
    if (row.freeCovidBeds !== null) byField.freeCovidBeds++;
    if (row.staffedIcuBeds !== null) byField.staffedIcuBeds++;
  };
  add(ownRow, 'ownRow.');
  districtRows.forEach((row, i) => add(row, `districtRows[${i}].`));

  const counts = sumRows(rows, names);
  const expected = expectedDistricts + 1;
  const expectedByField = { ...expectedReporters(expected, true), ...definedOnly(input.expectedReporters) };
  // new cases are expected from the districts only: one on the province's own row does not stand in for a district's
  const reportedByField = {
    ...byField,
    newCases: districtRows.reduce((n, r) => n + (r !== null && r.newCases !== null ? 1 : 0), 0),
  };
  const verdict = evaluateSums({ counts, reportedByField, expectedByField, population, plan });
  if (reported < expected) verdict.provisional = true;
  return {
    verdict,
    counts,
    completeness: { reported, expected, ratio: reported / expected, byField, expectedByField },
  };
}
