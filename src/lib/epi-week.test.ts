import { describe, expect, it } from 'vitest';
import {
  addWeeks,
  calendarYear,
  compareWeeks,
  currentWeek,
  formatIsoWeek,
  isoWeekOf,
  lastCompleteWeek,
  parseIsoWeek,
  weekCount,
  weekMonday,
  weekRange,
  weeksInIsoYear,
  type IsoWeek,
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

// 2026 has 53 ISO weeks (it starts on a Thursday): 2026-W53 runs Monday 28/12/2026 to Sunday 3/1/2027, and the
// product's clock reaches it. 2025 has 52, so "2025-W53" is no week at all.
describe('week 53 of 2026', () => {
  const W = (text: string) => parseIsoWeek(text) as IsoWeek;
  const text = (w: IsoWeek) => formatIsoWeek(w);

  it('counts 53 weeks in 2026 and 2020, 52 in 2025 and 2027', () => {
    expect([2020, 2025, 2026, 2027, 2032].map(weeksInIsoYear)).toEqual([53, 52, 53, 52, 53]);
  });

  it.each([
    ['2026-W52', { isoYear: 2026, isoWeek: 52 }],
    ['2026-W53', { isoYear: 2026, isoWeek: 53 }],
    ['2027-W01', { isoYear: 2027, isoWeek: 1 }],
    ['2025-W52', { isoYear: 2025, isoWeek: 52 }],
  ])('parses %s and writes it back the same', (t, week) => {
    expect(parseIsoWeek(t)).toEqual(week);
    expect(formatIsoWeek(week)).toBe(t);
  });

  it.each(['2025-W53', '2027-W53', '2026-W54', '2026-W5', '2026-w53'])('refuses %j', (t) => {
    expect(parseIsoWeek(t)).toBeNull();
  });

  it.each([
    ['2026-W52', '2026-12-21'],
    ['2026-W53', '2026-12-28'],
    ['2027-W01', '2027-01-04'],
    ['2026-W01', '2025-12-29'],
    ['2025-W52', '2025-12-22'],
  ])('puts the Monday of %s on %s', (t, monday) => {
    expect(weekMonday(W(t))).toBe(monday);
  });

  it.each([
    // instant (UTC)             week in Asia/Ho_Chi_Minh (UTC+7)
    ['2026-12-27T16:59:59Z', '2026-W52'], // Sunday 27/12 23:59:59
    ['2026-12-27T17:00:00Z', '2026-W53'], // Monday 28/12 00:00
    ['2026-12-31T23:00:00Z', '2026-W53'], // Friday 1/1/2027 06:00: a new calendar year, the same ISO week
    ['2027-01-03T16:59:59Z', '2026-W53'], // Sunday 3/1/2027 23:59:59
    ['2027-01-03T17:00:00Z', '2027-W01'], // Monday 4/1/2027 00:00
  ])('%s falls in %s', (instant, week) => {
    expect(text(isoWeekOf(new Date(instant)))).toBe(week);
  });

  it('steps W52 → W53 → 2027-W01 and back, and 2025-W52 → 2026-W01', () => {
    expect(text(addWeeks(W('2026-W52'), 1))).toBe('2026-W53');
    expect(text(addWeeks(W('2026-W53'), 1))).toBe('2027-W01');
    expect(text(addWeeks(W('2027-W01'), -1))).toBe('2026-W53');
    expect(text(addWeeks(W('2026-W53'), -1))).toBe('2026-W52');
    expect(text(addWeeks(W('2025-W52'), 1))).toBe('2026-W01');
    expect(text(addWeeks(W('2026-W01'), -1))).toBe('2025-W52');
    expect(text(addWeeks(W('2026-W50'), 6))).toBe('2027-W03');
    expect(text(addWeeks(W('2027-W03'), -6))).toBe('2026-W50');
    expect(text(addWeeks(W('2026-W53'), 52))).toBe('2027-W52');
    expect(text(addWeeks(W('2026-W53'), -53))).toBe('2025-W52');
  });

  it('orders W52 < W53 < 2027-W01', () => {
    const sorted = ['2027-W01', '2026-W53', '2027-W02', '2026-W52'].map(W).sort(compareWeeks).map(text);
    expect(sorted).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    expect(compareWeeks(W('2026-W53'), W('2026-W53'))).toBe(0);
    expect(compareWeeks(W('2026-W53'), W('2027-W01'))).toBeLessThan(0);
  });

  it('counts and lists ranges that cross W53 with each week once', () => {
    expect(weekCount(W('2026-W52'), W('2027-W02'))).toBe(4);
    expect(weekCount(W('2026-W53'), W('2026-W53'))).toBe(1);
    expect(weekCount(W('2027-W01'), W('2026-W53'))).toBe(0);
    expect(weekCount(W('2026-W01'), W('2026-W53'))).toBe(53);
    expect(weekCount(W('2025-W01'), W('2025-W52'))).toBe(52);
    expect(weekRange(W('2027-W02'), 4).map(text)).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    for (const count of [8, 12, 26, 52, 104, 156]) {
      const range = weekRange(W('2027-W02'), count).map(text);
      expect(range).toHaveLength(count);
      expect(new Set(range).size).toBe(count);
      expect(range.filter((w) => w === '2026-W53')).toHaveLength(count >= 3 ? 1 : 0);
      expect(range.at(-1)).toBe('2027-W02');
    }
  });

  it('takes W52 as the last complete week during W53, and W53 from Monday 4/1/2027', () => {
    expect(text(currentWeek(new Date('2026-12-28T01:00:00Z')))).toBe('2026-W53');
    expect(text(lastCompleteWeek(new Date('2026-12-28T01:00:00Z')))).toBe('2026-W52'); // Mon 28/12 08:00
    expect(text(lastCompleteWeek(new Date('2027-01-01T05:00:00Z')))).toBe('2026-W52'); // Fri 1/1/2027 12:00
    expect(text(lastCompleteWeek(new Date('2027-01-03T16:59:59Z')))).toBe('2026-W52'); // Sun 3/1 23:59:59
    expect(text(lastCompleteWeek(new Date('2027-01-03T17:00:00Z')))).toBe('2026-W53'); // Mon 4/1/2027 00:00
    expect(text(lastCompleteWeek(new Date('2027-01-04T03:00:00Z')))).toBe('2026-W53'); // Mon 4/1/2027 10:00
    expect(text(lastCompleteWeek(new Date('2027-01-11T03:00:00Z')))).toBe('2027-W01');
  });

  it.each([
    ['2026-12-31T16:59:59Z', 2026], // Thursday 31/12/2026 23:59:59 in Vietnam
    ['2026-12-31T17:00:00Z', 2027], // Friday 1/1/2027 00:00: 2027 in Vietnam, 2026 in UTC, 2026-W53 by ISO week
    ['2027-01-03T16:59:59Z', 2027],
  ])('puts %s in the calendar year %i in Vietnam', (instant, year) => {
    expect(calendarYear(new Date(instant))).toBe(year);
  });

  it('walks every year 2000-2100 week by week, W01 to its last week, and round-trips each week', () => {
    let week = W('2000-W01');
    for (let year = 2000; year <= 2100; year++) {
      const n = weeksInIsoYear(year);
      for (let i = 1; i <= n; i++) {
        expect(week).toEqual({ isoYear: year, isoWeek: i });
        expect(parseIsoWeek(text(week))).toEqual(week);
        const next = addWeeks(week, 1);
        expect(addWeeks(next, -1)).toEqual(week);
        week = next;
      }
      expect(parseIsoWeek(`${year}-W${n + 1}`)).toBeNull();
    }
  });

  // The server's own time zone must not move a week: the calendar arithmetic runs on the process's local dates.
  it.each(['UTC', 'Asia/Ho_Chi_Minh', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])(
    'gives the same weeks with the process in %s',
    (tz) => {
      const saved = process.env.TZ;
      process.env.TZ = tz;
      try {
        expect(weekMonday(W('2026-W53'))).toBe('2026-12-28');
        expect(text(addWeeks(W('2026-W52'), 1))).toBe('2026-W53');
        expect(text(addWeeks(W('2026-W53'), 1))).toBe('2027-W01');
        expect(weeksInIsoYear(2026)).toBe(53);
        expect(weeksInIsoYear(2025)).toBe(52);
        expect(weekCount(W('2026-W52'), W('2027-W02'))).toBe(4);
        expect(text(lastCompleteWeek(new Date('2027-01-03T17:00:00Z')))).toBe('2026-W53');
        expect(text(lastCompleteWeek(new Date('2027-01-03T16:59:59Z')))).toBe('2026-W52');
      } finally {
        if (saved === undefined) delete process.env.TZ;
        else process.env.TZ = saved;
      }
    },
  );
});
