import { describe, expect, it } from 'vitest';
import { createTokenSchema } from './api-token';
import {
  apiReportBodySchema,
  COLUMN_OF_FIELD,
  IMPORT_COLUMNS,
  importRowSchema,
  REQUIRED_IMPORT_COLUMNS,
  saveWeekSchema,
  weeklyReportRowSchema,
} from './weekly-report';

const codes = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => `${i.path.join('.') || '_'}:${i.message}`);

describe('the grid row schema', () => {
  it('turns typed text into figures, empty into null', () => {
    const parsed = weeklyReportRowSchema.parse({
      unitCode: '105',
      version: 3,
      newCases: '305',
      oxygenAvg7d: '6,15',
      freeCovidBeds: '',
      staffedIcuBeds: '1',
    });
    expect(parsed).toEqual({
      unitCode: '105',
      version: 3,
      newCases: 305,
      oxygenAvg7d: 6.15,
      freeCovidBeds: null,
      staffedIcuBeds: 1,
      totalCovidBeds: null,
      totalIcuBeds: null,
      severeCases: null,
      newAdmissions: null,
      deaths: null,
      keep: ['severeCases', 'newAdmissions', 'deaths'], // not sent at all: the save keeps the stored ones
    });
  });

  it('takes the severity figures, a typed 0 as 0 and an empty cell as not reported', () => {
    const parsed = weeklyReportRowSchema.parse({
      unitCode: '105',
      version: 0,
      newCases: '80',
      severeCases: '6',
      newAdmissions: '',
      deaths: '0',
    });
    expect(parsed).toMatchObject({ newCases: 80, severeCases: 6, newAdmissions: null, deaths: 0, keep: [] });
  });

  it.each([
    [{ unitCode: '105', version: -1 }, ['version:badVersion']],
    [{ unitCode: '105', version: 1.5 }, ['version:badVersion']],
    [{ unitCode: '105' }, ['version:badVersion']],
    [{ unitCode: '', version: 0 }, ['unitCode:badUnit']],
    [{ unitCode: "105'; DROP", version: 0 }, ['unitCode:badUnit']],
    [
      { unitCode: '105', version: 0, newCases: '-2', freeCovidBeds: 9, totalCovidBeds: 8 },
      ['newCases:negative', 'freeCovidBeds:freeAboveTotal'],
    ],
    [{ unitCode: '105', version: 0, recovered: 1 }, ['_:unknownField']],
    [{ unitCode: '105', version: 0, severeCases: '2,5', deaths: -1 }, ['severeCases:notWhole', 'deaths:negative']],
  ])('refuses %j', (row, expected) => {
    expect(codes(weeklyReportRowSchema.safeParse(row))).toEqual(expected);
  });
});

describe('the API body schema', () => {
  it('replaces the judged figures and totals (absent: "not reported"); keeps each absent severity figure', () => {
    expect(apiReportBodySchema.parse({ version: 0, newCases: 5 })).toEqual({
      version: 0,
      newCases: 5,
      oxygenAvg7d: null,
      freeCovidBeds: null,
      staffedIcuBeds: null,
      totalCovidBeds: null,
      totalIcuBeds: null,
      severeCases: null,
      newAdmissions: null,
      deaths: null,
      keep: ['severeCases', 'newAdmissions', 'deaths'],
    });
    expect(apiReportBodySchema.parse({ version: 2, deaths: 0, newAdmissions: 12, severeCases: null })).toMatchObject({
      deaths: 0,
      newAdmissions: 12,
      severeCases: null, // sent as null: not reported
      keep: [],
    });
    expect(apiReportBodySchema.parse({ version: 2, deaths: 1 }).keep).toEqual(['severeCases', 'newAdmissions']);
  });

  it.each([
    [null, ['_:notObject']],
    [[], ['_:notObject']],
    ['{"version":0}', ['_:notObject']],
    [{ version: '1', newCases: 1 }, ['version:badVersion']], // wrong type: a string for the version
    [{ version: 1, newCases: true }, ['newCases:notNumber']],
    [{ version: 1, oxygenAvg7d: { value: 1 } }, ['oxygenAvg7d:notNumber']],
    [{ version: 1, unitCode: '105' }, ['_:unknownField']],
  ])('refuses %j', (body, expected) => {
    expect(codes(apiReportBodySchema.safeParse(body))).toEqual(expected);
  });
});

describe('the import row schema', () => {
  it.each([
    ['2026-W47', true],
    ['2026-W53', true], // 2026 has 53 ISO weeks
    ['2025-W53', false],
    ['2026-W00', false],
    ['2026W47', false],
    ['47/2026', false],
    ['', false],
  ])('week %s valid: %s', (isoWeek, valid) => {
    expect(importRowSchema.safeParse({ unitCode: '105', isoWeek, newCases: '1' }).success).toBe(valid);
  });

  it('has the severity columns last and optional, so that older files still import', () => {
    expect(IMPORT_COLUMNS.slice(-3)).toEqual([
      ['severe_cases', 'severeCases'],
      ['new_admissions', 'newAdmissions'],
      ['deaths', 'deaths'],
    ]);
    for (const column of ['severe_cases', 'new_admissions', 'deaths'] as const)
      expect(REQUIRED_IMPORT_COLUMNS).not.toContain(column);
    expect(COLUMN_OF_FIELD.severeCases).toBe('severe_cases');
  });
});

describe('the save and token schemas', () => {
  it('needs at least one row, and confirms nothing by default', () => {
    expect(codes(saveWeekSchema.safeParse({ provinceCode: '12', isoWeek: '2026-W47', rows: [] }))).toHaveLength(1);
    expect(
      saveWeekSchema.parse({ provinceCode: '12', isoWeek: '2026-W47', rows: [{ unitCode: '105', version: 0 }] })
        .confirmWarnings,
    ).toBe(false);
  });

  it.each([
    [{ name: 'CDC' }, true],
    [{ name: '  ' }, false],
    [{ name: 'x'.repeat(81) }, false],
    [{ name: 'CDC', expiresInDays: 90 }, true],
    [{ name: 'CDC', expiresInDays: 7 }, false],
    [{ name: 'CDC', expiresInDays: null }, true],
  ])('token %j valid: %s', (input, valid) => {
    expect(createTokenSchema.safeParse(input).success).toBe(valid);
  });
});
