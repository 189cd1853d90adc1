import { describe, expect, it } from 'vitest';
import {
  addWeeks,
  compareWeeks,
  formatIsoWeek,
  isoWeekOf,
  lastCompleteWeek,
  parseIsoWeek,
  weekMonday,
  weekRange,
} from './epi-week';

describe('ISO weeks in Asia/Ho_Chi_Minh', () => {
  it.each([
    // instant (UTC)                 expected week: Sunday 17:00 UTC is already Monday 00:00 in Vietnam (UTC+7)
    ['2024-01-28T16:59:59Z', '2024-W04'],
    ['2024-01-28T17:00:00Z', '2024-W05'],
    ['2020-12-31T12:00:00Z', '2020-W53'],
    ['2021-01-03T12:00:00Z', '2020-W53'],
    ['2021-01-03T17:00:00Z', '2021-W01'],
    ['2024-12-30T00:00:00Z', '2025-W01'],
  ])('%s falls in %s', (instant, week) => {
    expect(formatIsoWeek(isoWeekOf(new Date(instant)))).toBe(week);
  });

  it.each([
    ['2024-W05', { isoYear: 2024, isoWeek: 5 }],
    ['2020-W53', { isoYear: 2020, isoWeek: 53 }],
    [' 2026-W01 ', { isoYear: 2026, isoWeek: 1 }],
  ])('parses %s', (text, week) => {
    expect(parseIsoWeek(text)).toEqual(week);
  });

  it.each(['2024-W53', '2024-W00', '2024-5', '2024W05', 'W05-2024', '1999-W01', ''])('rejects %j', (text) => {
    expect(parseIsoWeek(text)).toBeNull();
  });

  it('gives the Monday of a week as a calendar date', () => {
    expect(weekMonday({ isoYear: 2024, isoWeek: 5 })).toBe('2024-01-29');
    expect(weekMonday({ isoYear: 2020, isoWeek: 53 })).toBe('2020-12-28');
    expect(weekMonday({ isoYear: 2025, isoWeek: 1 })).toBe('2024-12-30');
  });

  it('moves across year boundaries, including 53-week years', () => {
    expect(formatIsoWeek(addWeeks({ isoYear: 2020, isoWeek: 52 }, 1))).toBe('2020-W53');
    expect(formatIsoWeek(addWeeks({ isoYear: 2020, isoWeek: 53 }, 1))).toBe('2021-W01');
    expect(formatIsoWeek(addWeeks({ isoYear: 2024, isoWeek: 1 }, -1))).toBe('2023-W52');
    expect(weekRange({ isoYear: 2024, isoWeek: 2 }, 3).map(formatIsoWeek)).toEqual([
      '2023-W52',
      '2024-W01',
      '2024-W02',
    ]);
    expect(compareWeeks({ isoYear: 2023, isoWeek: 52 }, { isoYear: 2024, isoWeek: 1 })).toBeLessThan(0);
  });

  it('takes the week before the current one as the last complete week', () => {
    // Monday 2026-11-23 08:00 in Vietnam is in 2026-W48, so the last complete week is 2026-W47
    expect(formatIsoWeek(lastCompleteWeek(new Date('2026-11-23T01:00:00Z')))).toBe('2026-W47');
  });
});
