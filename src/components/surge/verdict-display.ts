import {
  CAPACITY_CRITERIA,
  COUNT_FIELD,
  EPIDEMIC_CRITERIA,
  type CountField,
  type CriterionKey,
  type CriterionResult,
  type SurgeLevel,
} from '@/lib/surge';

// How a verdict is shown: pure, so the server's cards and brief and the browser's entry grid say the same thing.

/**
 * - 'settled': every unit reported, nothing to say;
 * - 'settledProvisional': reports are missing but no value they could bring changes the level: a quiet note;
 * - 'notSettled': the missing reports could change the level: a clear mark, nobody acts on it as final;
 * - 'provisional': a verdict recorded before `settled` existed (an old activation's snapshot): the old wording;
 * - 'none': no level to settle ('no-data' says it already).
 */
export type Settlement = 'settled' | 'settledProvisional' | 'notSettled' | 'provisional' | 'none';

export function settlementOf(v: { level: SurgeLevel; provisional: boolean; settled?: boolean }): Settlement {
  if (v.level === 'no-data') return 'none';
  if (v.settled === undefined) return v.provisional ? 'provisional' : 'settled';
  if (!v.settled) return 'notSettled';
  return v.provisional ? 'settledProvisional' : 'settled';
}

/**
 * A criterion on a card:
 * - 'capacityNote': a capacity criterion (free beds, ICU) met while no epidemic criterion is: the level is not raised
 *   by it (docs/adr/0003-surge-rule.md: provinces set up COVID-19 beds only when needed, so few free beds and no cases
 *   is a normal week). Shown as information, not as an alarm.
 * - 'informationOnly': not judged at this level (a district's beds and ICU).
 */
export type CriterionState = 'met' | 'notMet' | 'unknown' | 'informationOnly' | 'capacityNote';

export function criterionState(
  c: Pick<CriterionResult, 'key' | 'met'>,
  context: {
    level: SurgeLevel;
    criteria: ReadonlyArray<Pick<CriterionResult, 'key' | 'met'>>;
    informationOnly?: readonly CriterionKey[] | readonly string[];
  },
): CriterionState {
  if ((context.informationOnly as readonly string[] | undefined)?.includes(c.key)) return 'informationOnly';
  if (c.met === null) return 'unknown';
  if (!c.met) return 'notMet';
  if (isCapacityNote(c, context.level, context.criteria)) return 'capacityNote';
  return 'met';
}

/** A capacity criterion met that does not raise the level: no epidemic criterion is met and the level is not surge. */
export function isCapacityNote(
  c: Pick<CriterionResult, 'key' | 'met'>,
  level: SurgeLevel,
  criteria: ReadonlyArray<Pick<CriterionResult, 'key' | 'met'>>,
): boolean {
  return (
    c.met === true &&
    CAPACITY_CRITERIA.includes(c.key) &&
    level !== 'surge' &&
    !criteria.some((x) => EPIDEMIC_CRITERIA.includes(x.key) && x.met === true)
  );
}

/**
 * "chưa chốt" beside a criterion judged on partial sums that the missing reports could still flip. Not on an unknown
 * criterion ("missing data" says it already), nor on a snapshot from before `settled` existed.
 */
export function criterionNotSettled(c: Pick<CriterionResult, 'met'> & { settled?: boolean }): boolean {
  return c.met !== null && c.settled === false;
}

/** "reported by 8 of 9 units" for the criterion's figure, or null when every expected reporter has reported it. */
export function criterionCoverage(
  key: CriterionKey,
  byField: Record<CountField, number> | undefined,
  expectedByField: Record<CountField, number> | undefined,
): { reported: number; expected: number } | null {
  if (!byField || !expectedByField) return null;
  const field = COUNT_FIELD[key];
  const reported = byField[field];
  const expected = expectedByField[field];
  return reported < expected ? { reported, expected } : null;
}
