import { describe, expect, it } from 'vitest';
import { hasReported, parseFigure, validateFigures, EMPTY_FIGURES, type FigureField } from './figures';

describe('parseFigure: what a typed, pasted, imported or posted cell means', () => {
  it.each<[unknown, FigureField, number | null]>([
    [undefined, 'newCases', null],
    [null, 'newCases', null],
    ['', 'newCases', null],
    ['   ', 'oxygenAvg7d', null],
    ['12', 'newCases', 12],
    [' 12 ', 'newCases', 12],
    ['\u00a012\u00a0', 'newCases', 12], // Excel's non-breaking spaces
    ['0', 'freeCovidBeds', 0],
    ['-0', 'freeCovidBeds', 0],
    [12, 'staffedIcuBeds', 12],
    ['12,5', 'oxygenAvg7d', 12.5], // decimal comma, as typed in Vietnam
    ['12.5', 'oxygenAvg7d', 12.5],
    ['12,25', 'oxygenAvg7d', 12.25],
    ['0,05', 'oxygenAvg7d', 0.05],
    [',5', 'oxygenAvg7d', 0.5],
    ['12,50', 'oxygenAvg7d', 12.5],
    ['12,000', 'oxygenAvg7d', 12], // trailing zeros are not extra precision
    ['12,0', 'newCases', 12], // a whole number written with decimals (Excel's "0.0" format)
    [4.15, 'oxygenAvg7d', 4.15],
    ['10000000', 'totalCovidBeds', 10_000_000],
    ['0', 'deaths', 0], // zero deaths is a figure, not "not reported"
    ['', 'deaths', null],
    ['14', 'severeCases', 14],
    [' 37 ', 'newAdmissions', 37],
  ])('%j as %s is %j', (raw, field, value) => {
    expect(parseFigure(raw, field)).toEqual({ ok: true, value });
  });

  it.each<[unknown, FigureField, string]>([
    ['-1', 'newCases', 'negative'],
    [-3, 'freeCovidBeds', 'negative'],
    ['-0,5', 'oxygenAvg7d', 'negative'],
    ['12,5', 'newCases', 'notWhole'],
    [12.5, 'staffedIcuBeds', 'notWhole'],
    ['1.234', 'newCases', 'notWhole'], // a dot never groups thousands: refused rather than read as 1234
    ['12,345', 'oxygenAvg7d', 'tooManyDecimals'],
    [0.001, 'oxygenAvg7d', 'tooManyDecimals'],
    ['abc', 'newCases', 'notNumber'],
    ['12a', 'newCases', 'notNumber'],
    ['1 234', 'newCases', 'notNumber'],
    ['1.234,5', 'oxygenAvg7d', 'notNumber'],
    ['1e3', 'newCases', 'notNumber'],
    ['-', 'newCases', 'notNumber'],
    [',', 'newCases', 'notNumber'],
    [Number.NaN, 'newCases', 'notNumber'],
    [Number.POSITIVE_INFINITY, 'oxygenAvg7d', 'notNumber'],
    [true, 'newCases', 'notNumber'],
    [{}, 'newCases', 'notNumber'],
    [[1], 'newCases', 'notNumber'],
    ['10000001', 'newCases', 'tooLarge'],
    ['1,5', 'deaths', 'notWhole'],
    [2.5, 'severeCases', 'notWhole'],
    ['-1', 'newAdmissions', 'negative'],
    ['x', 'deaths', 'notNumber'],
    ['10000001', 'severeCases', 'tooLarge'],
    [1e12, 'oxygenAvg7d', 'tooLarge'],
  ])('%j as %s is refused: %s', (raw, field, code) => {
    expect(parseFigure(raw, field)).toEqual({ ok: false, code });
  });
});

describe('validateFigures: every cell, then the checks between cells', () => {
  it('reports each bad cell, not only the first', () => {
    const { issues } = validateFigures({ newCases: '-1', oxygenAvg7d: '1,234', freeCovidBeds: 'x' });
    expect(issues).toEqual([
      { field: 'newCases', code: 'negative' },
      { field: 'oxygenAvg7d', code: 'tooManyDecimals' },
      { field: 'freeCovidBeds', code: 'notNumber' },
    ]);
  });

  it.each([
    [{ freeCovidBeds: 11, totalCovidBeds: 10 }, [{ field: 'freeCovidBeds', code: 'freeAboveTotal' }]],
    [{ freeCovidBeds: 10, totalCovidBeds: 10 }, []],
    [{ freeCovidBeds: 11 }, []], // no total given: nothing to compare with
    [{ staffedIcuBeds: '5', totalIcuBeds: '4' }, [{ field: 'staffedIcuBeds', code: 'icuAboveTotal' }]],
    [{ staffedIcuBeds: '5', totalIcuBeds: 'x' }, [{ field: 'totalIcuBeds', code: 'notNumber' }]], // an invalid total is not compared
  ])('beds against their totals: %j', (raw, issues) => {
    expect(validateFigures(raw).issues).toEqual(issues);
  });

  it('ties the severity figures to nothing: deaths of cases counted elsewhere, severe cases (a stock) above cases', () => {
    const { figures, issues } = validateFigures({ newCases: 2, severeCases: '40', newAdmissions: 9, deaths: '3' });
    expect(issues).toEqual([]);
    expect(figures).toEqual({ ...EMPTY_FIGURES, newCases: 2, severeCases: 40, newAdmissions: 9, deaths: 3 });
  });

  it('gives null for empty and invalid cells', () => {
    expect(validateFigures({ newCases: '', oxygenAvg7d: 'x', freeCovidBeds: '3' }).figures).toEqual({
      ...EMPTY_FIGURES,
      freeCovidBeds: 3,
    });
  });
});

describe('hasReported', () => {
  it.each([
    [null, false],
    [EMPTY_FIGURES, false],
    [{ ...EMPTY_FIGURES, totalCovidBeds: 10 }, false], // totals alone are context, not a report
    [{ ...EMPTY_FIGURES, severeCases: 4, newAdmissions: 0, deaths: 1 }, false], // severity figures alone: not a report
    [{ ...EMPTY_FIGURES, newCases: 0 }, true], // zero is a figure
    [{ ...EMPTY_FIGURES, oxygenAvg7d: 1.5 }, true],
  ])('%j: %s', (figures, reported) => {
    expect(hasReported(figures)).toBe(reported);
  });
});
