import { describe, expect, it } from 'vitest';
import { displayDay, unitForYear, validDuringYear, vietnamDay } from './validity';

const d = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null);
const u = (name: string, from: string | null, to: string | null) => ({ name, validFrom: d(from), validTo: d(to) });

const OLD = u('old', null, '2025-06-30');
const NEW = u('new', '2025-07-01', null);
const CLOSED_IN_MARCH = u('closed', null, '2026-03-31');

describe('which unit a code names in a population year', () => {
  it.each([
    [[OLD, NEW], 2024, 'old'],
    [[OLD, NEW], 2025, 'new'],
    [[NEW, OLD], 2025, 'new'],
    [[OLD, NEW], 2026, 'new'],
    [[OLD], 2025, 'old'],
    [[OLD], 2026, null],
    [[NEW], 2024, null],
    [[CLOSED_IN_MARCH], 2026, 'closed'],
    [[CLOSED_IN_MARCH, u('later', '2026-10-01', null)], 2026, 'later'],
  ])('%j in %i: %s', (holders, year, expected) => {
    expect(unitForYear(holders, year)?.name ?? null).toBe(expected);
  });

  it('knows the years a unit was valid in, the day in Vietnam, and writes days as dd/mm/yyyy', () => {
    expect([2024, 2025, 2026].map((y) => validDuringYear(OLD, y))).toEqual([true, true, false]);
    expect([2024, 2025, 2026].map((y) => validDuringYear(NEW, y))).toEqual([false, true, true]);
    expect(vietnamDay(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
    expect(displayDay(d('2025-06-30'))).toBe('30/06/2025');
    expect(displayDay(null)).toBe('…');
  });
});
