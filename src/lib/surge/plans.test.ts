import { describe, expect, it } from 'vitest';
import {
  assertPlan,
  CAPACITY_CRITERIA,
  COUNT_FIELD,
  CRITERION_KEYS,
  EPIDEMIC_CRITERIA,
  isValidThreshold,
  PLANS,
  SurgeInputError,
  type Plan,
} from './index';

describe('built-in plans', () => {
  it.each([
    ['default', null, '2023-10-29', /3984\/QĐ-BYT/],
    ['kien-giang', '91', '2023-11-01', /3840\/SYT-NVYD.*dự thảo.*17\/11\/2023.*Phụ lục, mục II\.2/],
    ['lai-chau', '12', '2023-12-01', /KH-UBND.*12\/2023.*Lai Châu.*227\/TTr-SYT.*Phụ lục, mục II\.2/],
  ] as const)('%s: province %s, valid from %s, source %s', (key, provinceCode, validFrom, source) => {
    const plan = PLANS[key];
    expect(plan).toMatchObject({ key, provinceCode, validFrom, version: 1, rule: 'epidemic-and-capacity' });
    expect(plan.sourceDocument).toMatch(source);
    expect(plan.name).toMatch(/quản lý bền vững dịch/i);
    expect(() => assertPlan(plan)).not.toThrow();
  });

  it('names the plans as the documents do', () => {
    expect(PLANS['kien-giang'].name).toBe(
      'Dự thảo Kế hoạch Kiểm soát, quản lý bền vững dịch bệnh COVID-19 giai đoạn 2023 - 2025',
    );
    expect(PLANS['lai-chau'].name).toBe(
      'Kế hoạch kiểm soát, quản lý bền vững dịch bệnh COVID-19 tỉnh Lai Châu giai đoạn 2023-2025',
    );
  });

  it('gives the references as the documents do: the Kiên Giang draft, the Lai Châu plan with no number', () => {
    expect(PLANS['kien-giang'].sourceDocument).toBe(
      'Công văn 3840/SYT-NVYD (11/2023) của Sở Y tế tỉnh Kiên Giang gửi dự thảo Kế hoạch để góp ý (hạn 17/11/2023), ' +
        'Phụ lục, mục II.2',
    );
    // the number and the day are blank in the document itself (001: "Kèm theo Kế hoạch số   /KH-UBND ngày   /12/2023")
    expect(PLANS['lai-chau'].sourceDocument).toBe(
      'Kế hoạch số /KH-UBND ngày /12/2023 của UBND tỉnh Lai Châu (số và ngày để trống trong văn bản), theo đề nghị ' +
        'của Sở Y tế tại Tờ trình số 227/TTr-SYT ngày 01/12/2023, Phụ lục, mục II.2',
    );
    for (const plan of Object.values(PLANS)) expect(plan.sourceDocument).not.toMatch(/…|\.\.\./);
  });

  it('are plain JSON data', () => {
    for (const plan of Object.values(PLANS)) expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });

  it('are deep-frozen', () => {
    expect(Object.isFrozen(PLANS)).toBe(true);
    expect(Object.isFrozen(PLANS.default.criteria.cases)).toBe(true);
    expect(() => {
      (PLANS.default.criteria.cases as { threshold: number }).threshold = 1;
    }).toThrow(TypeError);
  });

  it('group the criteria as Lai Châu 2.3 (epidemic) and 2.4 (capacity)', () => {
    expect(CRITERION_KEYS).toEqual(['cases', 'oxygen', 'freeBeds', 'icuBeds']);
    expect(EPIDEMIC_CRITERIA).toEqual(['cases', 'oxygen']);
    expect(CAPACITY_CRITERIA).toEqual(['freeBeds', 'icuBeds']);
    expect(COUNT_FIELD).toEqual({
      cases: 'newCases',
      oxygen: 'oxygenAvg7d',
      freeBeds: 'freeCovidBeds',
      icuBeds: 'staffedIcuBeds',
    });
  });
});

describe('assertPlan', () => {
  const base = PLANS['lai-chau'];
  const withCriterion = (change: object): unknown => ({
    ...base,
    criteria: { ...base.criteria, oxygen: { ...base.criteria.oxygen, ...change } },
  });

  it.each<[string, unknown]>([
    ['plan', null],
    ['plan.key', { ...base, key: '' }],
    ['plan.name', { ...base, name: 3 }],
    ['plan.provinceCode', { ...base, provinceCode: 12 }],
    ['plan.version', { ...base, version: 0 }],
    ['plan.validFrom', { ...base, validFrom: '2023-12-32' }],
    ['plan.validFrom', { ...base, validFrom: '1/12/2023' }],
    ['plan.sourceDocument', { ...base, sourceDocument: undefined }],
    ['plan.rule', { ...base, rule: 'either' }],
    ['plan.criteria', { ...base, criteria: null }],
    ['plan.criteria.icuBeds', { ...base, criteria: { ...base.criteria, icuBeds: undefined } }],
    ['plan.criteria.oxygen.comparator', withCriterion({ comparator: '≥' })],
    ['plan.criteria.oxygen.threshold', withCriterion({ threshold: 32.001 })],
    ['plan.criteria.oxygen.threshold', withCriterion({ threshold: -1 })],
    ['plan.criteria.oxygen.threshold', withCriterion({ threshold: 1e12 })],
  ])('throws naming %s', (field, value) => {
    try {
      assertPlan(value);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SurgeInputError);
      expect((e as SurgeInputError).field).toBe(field);
    }
  });

  it('accepts a plan mapped from a database row', () => {
    const row: Plan = {
      key: '42',
      name: 'Kế hoạch thử',
      provinceCode: '01',
      version: 3,
      validFrom: '2024-02-29',
      sourceDocument: 'Văn bản thử',
      rule: 'all',
      criteria: {
        cases: { comparator: '>', threshold: 400.5 },
        oxygen: { comparator: '>=', threshold: 32.01 },
        freeBeds: { comparator: '<', threshold: 0 },
        icuBeds: { comparator: '<=', threshold: 9_999_999_999.99 },
      },
    };
    expect(() => assertPlan(row)).not.toThrow();
  });

  it.each([
    [32.01, true],
    [0, true],
    [450, true],
    [0.1, true],
    [32.005, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
    [-0.01, false],
  ])('isValidThreshold(%s) → %s', (t, ok) => expect(isValidThreshold(t)).toBe(ok));
});
