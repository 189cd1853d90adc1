import { describe, expect, it } from 'vitest';
import { FieldErrorList, groupFieldErrors, nulPaths, ownValue } from './field-errors';
import { parseFigure, validateFigures, type FigureField } from './figures';
import { dbId, MAX_DB_INT } from './ids';
import { apiReportBodySchema, saveWeekSchema, weeklyReportRowSchema } from './weekly-report';

// Input that once answered 500: keys named like Object.prototype's members, and malformed figures. Each is bad input
// (refused naming its field) or a valid figure, never an exception.

const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  'toLocaleString',
];
const codes = (result: {
  success: boolean;
  error?: { issues: { code: string; path: PropertyKey[]; message: string; keys?: string[] }[] };
}) =>
  result.success
    ? []
    : result.error!.issues.map((i) =>
        i.code === 'unrecognized_keys'
          ? `${i.keys!.join(',')}:${i.message}`
          : `${i.path.join('.') || '_'}:${i.message}`,
      );

describe('the cell parser and the outside test’s malformed values', () => {
  it.each<[unknown, FigureField, { ok: true; value: number } | { ok: false; code: string }]>([
    ['5,', 'newCases', { ok: true, value: 5 }],
    ['5,', 'oxygenAvg7d', { ok: true, value: 5 }],
    ['+0', 'freeCovidBeds', { ok: true, value: 0 }],
    ['+5', 'freeCovidBeds', { ok: true, value: 5 }],
    [false, 'newCases', { ok: false, code: 'notNumber' }],
    [true, 'oxygenAvg7d', { ok: false, code: 'notNumber' }],
    ['1e-2', 'oxygenAvg7d', { ok: false, code: 'notNumber' }],
    ['1e3', 'newCases', { ok: false, code: 'notNumber' }],
    ['1 000', 'newCases', { ok: false, code: 'notNumber' }],
    ['1 000', 'oxygenAvg7d', { ok: false, code: 'notNumber' }],
    ['$5', 'newCases', { ok: false, code: 'notNumber' }],
    ['5$', 'newCases', { ok: false, code: 'notNumber' }],
    ['0x10', 'newCases', { ok: false, code: 'notNumber' }],
    ['Infinity', 'newCases', { ok: false, code: 'notNumber' }],
    ['NaN', 'newCases', { ok: false, code: 'notNumber' }],
    ['١٢', 'newCases', { ok: false, code: 'notNumber' }], // Arabic-Indic digits
    ['５', 'newCases', { ok: false, code: 'notNumber' }], // full-width digit
    ['1_000', 'newCases', { ok: false, code: 'notNumber' }],
    ['1,000.5', 'oxygenAvg7d', { ok: false, code: 'notNumber' }],
    ['.', 'newCases', { ok: false, code: 'notNumber' }],
    ['-', 'newCases', { ok: false, code: 'notNumber' }],
    ['1.000', 'newCases', { ok: true, value: 1 }], // a decimal point, never a thousands separator
    ['1.5', 'newCases', { ok: false, code: 'notWhole' }],
    ['-1', 'newCases', { ok: false, code: 'negative' }],
    ['9999999999', 'newCases', { ok: false, code: 'tooLarge' }],
    [1e21, 'newCases', { ok: false, code: 'tooLarge' }],
    [0.1 + 0.2, 'oxygenAvg7d', { ok: false, code: 'tooManyDecimals' }],
    [[], 'newCases', { ok: false, code: 'notNumber' }],
    [{}, 'newCases', { ok: false, code: 'notNumber' }],
    [{ valueOf: () => 5 }, 'newCases', { ok: false, code: 'notNumber' }],
    ['\u0000', 'newCases', { ok: false, code: 'notNumber' }],
  ])('%j as %s', (raw, field, expected) => {
    expect(parseFigure(raw, field)).toEqual(expected);
  });

  it('reads only a row’s own figures, never inherited ones', () => {
    const inherited = Object.create({ newCases: 5, freeCovidBeds: -1 }) as Record<string, unknown>;
    expect(validateFigures(inherited)).toEqual({
      figures: expect.objectContaining({ newCases: null, freeCovidBeds: null }),
      issues: [],
    });
    const parsed = JSON.parse('{"__proto__": {"newCases": 5}, "oxygenAvg7d": "1,5"}') as Record<string, unknown>;
    expect(validateFigures(parsed).figures).toMatchObject({ newCases: null, oxygenAvg7d: 1.5 });
  });
});

describe('the body and row schemas refuse prototype-named keys by name', () => {
  it.each(PROTOTYPE_KEYS)('%s in the API body', (key) => {
    for (const value of ['1', '{"newCases":5}', 'null', '"$5"']) {
      const body = JSON.parse(`{"version":0,"newCases":"5,",${JSON.stringify(key)}:${value}}`) as unknown;
      expect(codes(apiReportBodySchema.safeParse(body))).toEqual([`${key}:unknownField`]);
    }
  });

  it.each(PROTOTYPE_KEYS)('%s in a grid row and in the grid’s save', (key) => {
    const row = JSON.parse(`{"unitCode":"105","version":0,${JSON.stringify(key)}:{"a":1}}`) as unknown;
    expect(codes(weeklyReportRowSchema.safeParse(row))).toEqual([`${key}:unknownField`]);
    const save = JSON.parse(
      `{"provinceCode":"12","isoWeek":"2026-W47","rows":[{"unitCode":"105","version":0,"newCases":"$5"}],${JSON.stringify(key)}:1}`,
    ) as unknown;
    const result = saveWeekSchema.safeParse(save);
    expect(result.success).toBe(false);
    expect(result.error!.issues.find((i) => i.code === 'unrecognized_keys')).toMatchObject({ keys: [key], path: [] });
    expect(codes(result)).toContain('rows.0.newCases:notNumber');
  });
});

describe('field errors keyed by the caller’s names', () => {
  it.each(PROTOTYPE_KEYS)('groups errors under %s as an own property', (key) => {
    const errors = groupFieldErrors([
      [key, 'unknownField'],
      [key, 'invalid'],
      ['newCases', 'notNumber'],
    ]);
    expect(Object.hasOwn(errors, key)).toBe(true);
    expect(errors[key]).toEqual(['unknownField', 'invalid']);
    expect(JSON.parse(JSON.stringify(errors))).toEqual(
      JSON.parse(`{${JSON.stringify(key)}:["unknownField","invalid"],"newCases":["notNumber"]}`),
    );
    expect(Object.getPrototypeOf(errors)).toBe(Object.prototype); // the object itself is an ordinary one
    expect(new FieldErrorList().add(key, 'x').size).toBe(1);
  });

  it('reads only own values', () => {
    expect(ownValue({}, 'constructor')).toBeUndefined();
    expect(ownValue({ constructor: 'x' }, 'constructor')).toBe('x');
    expect(ownValue(null, 'toString')).toBeUndefined();
  });

  it('finds text the database cannot store (NUL), by path', () => {
    expect(nulPaths({ name: 'a\u0000b', rows: [{ note: 'ok' }, { note: '\u0000' }], n: 5 })).toEqual([
      'name',
      'rows.1.note',
    ]);
    expect(nulPaths('\u0000')).toEqual(['_']);
    expect(nulPaths({ name: 'fine', list: ['x'] })).toEqual([]);
  });
});

describe('ids from forms and URLs', () => {
  it.each([
    ['1', true],
    ['2147483647', true],
    ['2147483648', false],
    ['9999999999', false],
    ['0', false],
    ['-1', false],
    ['1.5', false],
    ['x', false],
    ['', false],
  ])('%s is %s', (raw, ok) => {
    expect(dbId().safeParse(raw).success).toBe(ok);
  });

  it('stops at the largest value of an integer column', () => {
    expect(MAX_DB_INT).toBe(2 ** 31 - 1);
  });
});
