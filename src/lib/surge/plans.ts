import { describeValue, SurgeInputError } from './errors';
import type { Comparator, CountField, CriterionKey, Plan, SeverityField, SurgeRule } from './types';

/** The four quantitative criteria of appendix II.2, in display order. */
export const CRITERION_KEYS: readonly CriterionKey[] = Object.freeze([
  'cases',
  'oxygen',
  'freeBeds',
  'icuBeds',
] as const);
/** Lai Châu "2.3. Tình hình dịch": new cases in the week, patients on oxygen (7-day average). */
export const EPIDEMIC_CRITERIA: readonly CriterionKey[] = Object.freeze(['cases', 'oxygen'] as const);
/** Lai Châu "2.4. Vượt quá năng lực của hệ thống y tế": free COVID-19 beds, ICU beds with enough staff. */
export const CAPACITY_CRITERIA: readonly CriterionKey[] = Object.freeze(['freeBeds', 'icuBeds'] as const);
/** Which reported figure each criterion is computed from. */
export const COUNT_FIELD: Readonly<Record<CriterionKey, CountField>> = Object.freeze({
  cases: 'newCases',
  oxygen: 'oxygenAvg7d',
  freeBeds: 'freeCovidBeds',
  icuBeds: 'staffedIcuBeds',
});

/**
 * The severity figures, in display order: recorded, shown and exported, judged by no plan yet (the plans' criterion
 * text speaks of "số ca nặng và tử vong"; adding them to a plan's criteria is a later step).
 */
export const SEVERITY_FIELDS: readonly SeverityField[] = Object.freeze([
  'severeCases',
  'newAdmissions',
  'deaths',
] as const);

export const COMPARATORS: readonly Comparator[] = Object.freeze(['>', '>=', '<', '<='] as const);
export const SURGE_RULES: readonly SurgeRule[] = Object.freeze(['epidemic-and-capacity', 'any', 'all'] as const);

/** Largest threshold a plan may hold: the database column is Decimal(12, 2). */
export const MAX_THRESHOLD = 9_999_999_999.99;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export type BuiltInPlanKey = 'default' | 'kien-giang' | 'lai-chau';

/**
 * The built-in plans, from appendix II.2 "Tiêu chí" of the seed documents (/work/shared/seeds, 000 and 001).
 * Deep-frozen: copy before changing.
 */
export const PLANS: Readonly<Record<BuiltInPlanKey, Plan>> = deepFreeze({
  // For a province without a plan of its own. Both provincial plans implement MOH Decision 3984/QĐ-BYT of
  // 29 Oct 2023; the comparators are the product brief's (the same as Lai Châu's), the decision's own text is not
  // among the seed documents.
  default: {
    key: 'default',
    name: 'Kế hoạch Kiểm soát, quản lý bền vững dịch COVID-19 giai đoạn 2023 – 2025',
    provinceCode: null,
    version: 1,
    validFrom: '2023-10-29',
    sourceDocument: 'Quyết định 3984/QĐ-BYT ngày 29/10/2023 của Bộ Y tế',
    rule: 'epidemic-and-capacity',
    criteria: {
      cases: { comparator: '>=', threshold: 450 },
      oxygen: { comparator: '>=', threshold: 32 },
      freeBeds: { comparator: '<=', threshold: 10 },
      icuBeds: { comparator: '<', threshold: 4 },
    },
  },
  // Kiên Giang: the Department of Health's letter 3840/SYT-NVYD sends the plan as a DRAFT for comments (comments due
  // 17/11/2023; the letter answers Công văn 9170/VP-KGVX of 01/11/2023). No adoption date is known, so validFrom is
  // 2023-11-01, the start of the month of the draft. The appendix's comparators are strict (> 450, > 32, < 10, < 4).
  'kien-giang': {
    key: 'kien-giang',
    name: 'Dự thảo Kế hoạch Kiểm soát, quản lý bền vững dịch bệnh COVID-19 giai đoạn 2023 - 2025',
    provinceCode: '91',
    version: 1,
    validFrom: '2023-11-01',
    sourceDocument:
      'Công văn 3840/SYT-NVYD (11/2023) của Sở Y tế tỉnh Kiên Giang gửi dự thảo Kế hoạch để góp ý (hạn 17/11/2023), Phụ lục, mục II.2',
    rule: 'epidemic-and-capacity',
    criteria: {
      cases: { comparator: '>', threshold: 450 },
      oxygen: { comparator: '>', threshold: 32 },
      freeBeds: { comparator: '<', threshold: 10 },
      icuBeds: { comparator: '<', threshold: 4 },
    },
  },
  // Lai Châu: plan of the provincial People's Committee, December 2023 (the appendix reads "Kèm theo Kế hoạch số
  // /KH-UBND ngày /12/2023", number and day left blank in the source; the Department's submission is Tờ trình
  // 227/TTr-SYT of 01/12/2023), hence validFrom 2023-12-01. The reference shows the blanks as the document leaves them
  // (no "…" standing for a number nobody knows) and names the submission, the one numbered text behind it. Inclusive comparators except ICU (≥ 450, ≥ 32, ≤ 10, < 4),
  // grouped as "2.3. Tình hình dịch" and "2.4. Vượt quá năng lực của hệ thống y tế".
  'lai-chau': {
    key: 'lai-chau',
    name: 'Kế hoạch kiểm soát, quản lý bền vững dịch bệnh COVID-19 tỉnh Lai Châu giai đoạn 2023-2025',
    provinceCode: '12',
    version: 1,
    validFrom: '2023-12-01',
    sourceDocument:
      'Kế hoạch số /KH-UBND ngày /12/2023 của UBND tỉnh Lai Châu (số và ngày để trống trong văn bản), theo đề nghị của Sở Y tế tại Tờ trình số 227/TTr-SYT ngày 01/12/2023, Phụ lục, mục II.2',
    rule: 'epidemic-and-capacity',
    criteria: {
      cases: { comparator: '>=', threshold: 450 },
      oxygen: { comparator: '>=', threshold: 32 },
      freeBeds: { comparator: '<=', threshold: 10 },
      icuBeds: { comparator: '<', threshold: 4 },
    },
  },
} satisfies Record<BuiltInPlanKey, Plan>);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** true for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const m = DATE.exec(text);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A threshold the engine can judge exactly: finite, ≥ 0, at most 2 decimals, within Decimal(12, 2). */
export function isValidThreshold(threshold: unknown): threshold is number {
  if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= MAX_THRESHOLD)) return false;
  return Math.round(threshold * 100) / 100 === threshold;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a plan's whole shape (for the database layer, after mapping a row, and for plans received over the wire).
 * Throws SurgeInputError naming the field, e.g. 'plan.criteria.oxygen.threshold'. evaluateSurge itself only checks
 * what it uses (comparators and thresholds), cheaply.
 */
export function assertPlan(value: unknown): asserts value is Plan {
  const fail = (field: string, message: string, got: unknown): never => {
    throw new SurgeInputError(`plan${field ? `.${field}` : ''}`, `${message} (got ${describeValue(got)})`);
  };
  if (!isRecord(value)) return fail('', 'must be an object', value);
  for (const field of ['key', 'name', 'sourceDocument'] as const) {
    const v = value[field];
    if (typeof v !== 'string' || v.trim() === '') fail(field, 'must be a non-empty string', v);
  }
  const code = value.provinceCode;
  if (code !== null && (typeof code !== 'string' || code.trim() === ''))
    fail('provinceCode', 'must be a non-empty string or null', code);
  const version = value.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1)
    fail('version', 'must be a whole number ≥ 1', version);
  if (!isIsoDate(value.validFrom)) fail('validFrom', 'must be a date written YYYY-MM-DD', value.validFrom);
  if (!(SURGE_RULES as readonly unknown[]).includes(value.rule))
    fail('rule', `must be one of ${SURGE_RULES.join(', ')}`, value.rule);
  const criteria = value.criteria;
  if (!isRecord(criteria)) return fail('criteria', 'must be an object', criteria);
  for (const key of CRITERION_KEYS) {
    const c = criteria[key];
    if (!isRecord(c)) return fail(`criteria.${key}`, 'must be an object', c);
    if (!(COMPARATORS as readonly unknown[]).includes(c.comparator)) {
      fail(`criteria.${key}.comparator`, `must be one of ${COMPARATORS.join(' ')}`, c.comparator);
    }
    if (!isValidThreshold(c.threshold)) {
      fail(
        `criteria.${key}.threshold`,
        `must be a number from 0 to ${MAX_THRESHOLD} with at most 2 decimals`,
        c.threshold,
      );
    }
  }
}
