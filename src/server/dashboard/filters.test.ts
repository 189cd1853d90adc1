import { describe, expect, it } from 'vitest';
import { currentWeek } from '@/lib/epi-week';
import { DEFAULT_RANGE } from '@/lib/validations/dashboard-filters';
import { cachedCurrentWeek, cachedLastCompleteWeek, filtersQuery, parseDashboardFilters } from './filters';

const TODAY = new Date('2026-11-23T03:00:00Z'); // current week 2026-W48, last complete 2026-W47

describe('dashboard filters from the URL', () => {
  it('defaults to the last complete week and 26 weeks', () => {
    expect(parseDashboardFilters({}, TODAY)).toMatchObject({
      week: { isoYear: 2026, isoWeek: 47 },
      range: DEFAULT_RANGE,
      isDefaultWeek: true,
      errors: {},
    });
  });

  it.each([
    [{ week: '2026-W40', range: '12' }, { isoYear: 2026, isoWeek: 40 }, 12, {}],
    [{ week: ['2025-W01', '2026-W02'], range: '156' }, { isoYear: 2025, isoWeek: 1 }, 156, {}],
    [{ week: '2026-W48' }, { isoYear: 2026, isoWeek: 48 }, 26, {}],
    [{ week: '2026-W49' }, { isoYear: 2026, isoWeek: 47 }, 26, { week: 'future' }],
    [{ week: '2026-W54' }, { isoYear: 2026, isoWeek: 47 }, 26, { week: 'invalid' }],
    [{ week: 'last week', range: '7' }, { isoYear: 2026, isoWeek: 47 }, 26, { week: 'invalid', range: 'range' }],
    [{ range: '26.5' }, { isoYear: 2026, isoWeek: 47 }, 26, { range: 'range' }],
    [{ range: 'abc' }, { isoYear: 2026, isoWeek: 47 }, 26, { range: 'range' }],
  ])('%j gives week %j, range %i, errors %j', (params, week, range, errors) => {
    const f = parseDashboardFilters(params, TODAY);
    expect(f.week).toEqual(week);
    expect(f.range).toBe(range);
    expect(f.errors).toEqual(errors);
  });

  it('keeps what the URL said so the form can show it back', () => {
    expect(parseDashboardFilters({ week: ' 2026-W60 ' }, TODAY).input).toEqual({ week: '2026-W60', range: '' });
  });

  it('shows every unit of the heatmap only when the URL says units=all', () => {
    expect(parseDashboardFilters({ units: 'all' }, TODAY).allUnits).toBe(true);
    expect(parseDashboardFilters({ units: 'some' }, TODAY).allUnits).toBe(false);
    expect(parseDashboardFilters({}, TODAY).allUnits).toBe(false);
    expect(filtersQuery({ week: { isoYear: 2026, isoWeek: 47 }, allUnits: true })).toBe('?week=2026-W47&units=all');
  });

  it('writes the week explicitly and the range only when not the default', () => {
    expect(filtersQuery({ week: { isoYear: 2026, isoWeek: 47 }, range: 26 })).toBe('?week=2026-W47');
    expect(filtersQuery({ week: { isoYear: 2026, isoWeek: 5 }, range: 12 })).toBe('?week=2026-W05&range=12');
  });
});

describe('the memoised week clock', () => {
  it('turns at midnight on Monday in Asia/Ho_Chi_Minh, in either direction', () => {
    const sunday = new Date('2026-11-22T16:59:59.999Z'); // 23:59:59.999 on Sunday in Hà Nội
    const monday = new Date('2026-11-22T17:00:00.000Z');
    expect(cachedCurrentWeek(sunday)).toEqual({ isoYear: 2026, isoWeek: 47 });
    expect(cachedCurrentWeek(monday)).toEqual({ isoYear: 2026, isoWeek: 48 });
    expect(cachedCurrentWeek(sunday)).toEqual({ isoYear: 2026, isoWeek: 47 });
    expect(cachedLastCompleteWeek(monday)).toEqual({ isoYear: 2026, isoWeek: 47 });
  });

  it('agrees with currentWeek across a year with 53 weeks', () => {
    for (let t = Date.UTC(2026, 11, 20); t < Date.UTC(2027, 0, 20); t += 5 * 3600_000 + 17_000) {
      expect(cachedCurrentWeek(new Date(t))).toEqual(currentWeek(new Date(t)));
    }
  });
});
