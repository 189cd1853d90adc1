import { describe, expect, it } from 'vitest';
import { figuresAllowed } from '@/lib/units';
import { EMPTY_FIGURES } from '@/lib/validations/figures';
import {
  checkRow,
  hasCell,
  isDirty,
  parseClipboardBlock,
  pasteBlock,
  toInput,
  valuesOf,
  verticalTarget,
  type GridRow,
} from './grid-state';

const row = (
  unitCode: string,
  kind: GridRow['kind'] = 'district',
  values: Partial<GridRow['values']> = {},
): GridRow => ({
  unitCode,
  gsoCode: unitCode,
  name: unitCode,
  kind,
  // the district system: Lai Châu before the 2025 reform
  fields: figuresAllowed(kind, 'district'),
  former: null,
  population: 50_000,
  version: 0,
  base: null,
  previous: null,
  values: { ...valuesOf(null, 'vi'), ...values },
  updatedBy: null,
  updatedAt: null,
});
const grid = [row('12', 'province'), row('105'), row('106'), row('107')];

describe('keyboard movement', () => {
  it.each([
    [1, 'newCases', 1, 2],
    [3, 'newCases', 1, null], // last row: stays
    [1, 'newCases', -1, null], // the province row has no cases cell: nothing above
    [1, 'oxygenAvg7d', -1, 0],
    [0, 'freeCovidBeds', 1, 1],
  ] as const)('from row %i, %s, step %i -> %s', (from, field, step, to) => {
    expect(verticalTarget(grid, from, field, step)).toBe(to);
  });
});

describe('pasting a block copied from Excel', () => {
  it('splits lines and tabs, dropping the trailing newline Excel adds', () => {
    expect(parseClipboardBlock('1\t2,5\r\n3\t4\r\n')).toEqual([
      ['1', '2,5'],
      ['3', '4'],
    ]);
  });

  it('fills rightwards and downwards from the focused cell, as typed (decimal commas kept)', () => {
    const { rows, filled, ignored } = pasteBlock(
      grid,
      1,
      'newCases',
      parseClipboardBlock('305\t6,15\t6\n243\t4,7\t7\n'),
    );
    expect(filled).toBe(6);
    expect(ignored).toBe(0);
    expect(rows[1]!.values).toMatchObject({ newCases: '305', oxygenAvg7d: '6,15', freeCovidBeds: '6' });
    expect(rows[2]!.values).toMatchObject({ newCases: '243', oxygenAvg7d: '4,7', freeCovidBeds: '7' });
    expect(grid[1]!.values.newCases).toBe(''); // the grid it was given is untouched
  });

  it('skips the province row’s cases cell and what falls outside the grid, and counts what it ignored', () => {
    const { rows, filled, ignored } = pasteBlock(
      grid,
      0,
      'newCases',
      parseClipboardBlock('9\t45,5\n1\t2\n\t\n5\t5\n7\t7'),
    );
    expect(rows[0]!.values).toMatchObject({ newCases: '', oxygenAvg7d: '45,5' });
    expect(rows[3]!.values).toMatchObject({ newCases: '5', oxygenAvg7d: '5' });
    expect(filled).toBe(1 + 2 + 2 + 2);
    expect(ignored).toBe(1 + 2); // the 9 on the province row, and the last line below the grid
  });

  it('ignores columns beyond the last figure', () => {
    const { ignored } = pasteBlock(grid, 1, 'deaths', [['1', '2', '3']]);
    expect(ignored).toBe(2);
  });

  it('continues from the bed totals into the severity figures, in the order of the import template', () => {
    const { rows, filled, ignored } = pasteBlock(grid, 0, 'totalCovidBeds', [['300', '40', '12', '5', '0']]);
    expect({ filled, ignored }).toEqual({ filled: 5, ignored: 0 });
    expect(rows[0]!.values).toMatchObject({ severeCases: '12', newAdmissions: '5', deaths: '0' });
  });
});

describe('a row as the user typed it', () => {
  it('checks each cell with the shared schema and keeps the valid figures for the live rates', () => {
    const { figures, errors } = checkRow(
      row('105', 'district', { newCases: '12,5', oxygenAvg7d: '3,25', freeCovidBeds: '-1' }),
    );
    expect(errors).toEqual({ newCases: 'notWhole', freeCovidBeds: 'negative' });
    expect(figures).toEqual({ ...EMPTY_FIGURES, oxygenAvg7d: 3.25 });
  });

  it('gives the province’s own row the severity cells (its hospitals treat severe cases), not the cases cell', () => {
    const own = row('12', 'province');
    for (const f of ['severeCases', 'newAdmissions', 'deaths'] as const) expect(hasCell(own, f)).toBe(true);
    expect(hasCell(own, 'newCases')).toBe(false);
  });

  it('gives communes cases and oxygen, and the province row and facilities the beds, after the 2025 reform', () => {
    const commune = { ...row('03388', 'commune'), fields: figuresAllowed('commune', 'commune') };
    const facility = { ...row('12-TT1', 'facility'), fields: figuresAllowed('facility', 'commune') };
    const own = { ...row('12', 'province'), fields: figuresAllowed('province', 'commune') };
    expect(commune.fields).toEqual(['newCases', 'oxygenAvg7d', 'severeCases', 'newAdmissions', 'deaths']);
    expect(facility.fields).toEqual(own.fields);
    expect(own.fields).toEqual([
      'freeCovidBeds',
      'staffedIcuBeds',
      'totalCovidBeds',
      'totalIcuBeds',
      'severeCases',
      'newAdmissions',
      'deaths',
    ]);
    // Enter from a commune's cases skips the facility (no cases cell) to the next commune
    const rows = [own, facility, commune, { ...commune, unitCode: '03390' }];
    expect(verticalTarget(rows, 2, 'newCases', -1)).toBeNull();
    expect(verticalTarget(rows, 2, 'newCases', 1)).toBe(3);
    expect(verticalTarget(rows, 0, 'freeCovidBeds', 1)).toBe(1);
    expect(verticalTarget(rows, 1, 'freeCovidBeds', 1)).toBeNull();
  });

  it('reads a severity 0 as 0 and an empty severity cell as not reported', () => {
    const { figures, errors } = checkRow(row('105', 'district', { newCases: '40', severeCases: '', deaths: '0' }));
    expect(errors).toEqual({});
    expect(figures).toEqual({ ...EMPTY_FIGURES, newCases: 40, deaths: 0 });
    expect(checkRow(row('105', 'district', { newAdmissions: '1,5' })).errors).toEqual({ newAdmissions: 'notWhole' });
  });

  it('is dirty only when its figures differ from the stored ones', () => {
    const stored = { ...EMPTY_FIGURES, newCases: 12, oxygenAvg7d: 3.5 };
    const r = { ...row('105'), base: stored, values: valuesOf(stored, 'vi') };
    expect(r.values.oxygenAvg7d).toBe('3,5');
    expect(isDirty(r)).toBe(false);
    expect(isDirty({ ...r, values: { ...r.values, oxygenAvg7d: '3.50' } })).toBe(false); // same figure, other spelling
    expect(isDirty({ ...r, values: { ...r.values, newCases: '' } })).toBe(true); // cleared: a change
    expect(isDirty({ ...r, values: { ...r.values, deaths: '0' } })).toBe(true); // a severity figure typed
  });

  it.each([
    [4.25, 'vi', '4,25'],
    [4.25, 'en', '4.25'],
    [null, 'vi', ''],
    [0, 'vi', '0'],
  ] as const)('shows %s in %s as %j', (value, locale, text) => {
    expect(toInput(value, locale)).toBe(text);
  });
});
