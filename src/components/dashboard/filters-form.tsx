import Link from 'next/link';
import { getTranslations } from '@/i18n/server';
import { formatIsoWeek } from '@/lib/epi-week';
import { RANGES, type DashboardFilters } from '@/lib/validations/dashboard-filters';

/**
 * The week and range of a dashboard, as a plain GET form: submitting it writes them into the URL, so the view can be
 * bookmarked and shared, and it works before (or without) any JavaScript. Errors from the URL show next to their field.
 */
export async function FiltersForm({
  action,
  filters,
  withRange = true,
}: {
  action: string;
  filters: DashboardFilters;
  withRange?: boolean;
}) {
  const t = await getTranslations('dashboard');
  const week = formatIsoWeek(filters.week);
  const weekError = filters.errors.week;
  const rangeError = filters.errors.range;
  return (
    <form
      method="get"
      action={action}
      aria-label={t('filters.label')}
      className="flex flex-wrap items-end gap-3 print:hidden"
    >
      <div className="flex flex-col">
        <label htmlFor="filter-week" className="text-xs font-medium text-slate-700">
          {t('filters.week')} <span className="font-normal text-slate-500">({t('filters.weekHint')})</span>
        </label>
        <input
          id="filter-week"
          name="week"
          type="week"
          defaultValue={week}
          aria-invalid={weekError ? true : undefined}
          aria-describedby={weekError ? 'filter-week-error' : undefined}
          className="rounded border border-slate-300 bg-white px-2 py-1 text-sm"
        />
      </div>
      {withRange && (
        <div className="flex flex-col">
          <label htmlFor="filter-range" className="text-xs font-medium text-slate-700">
            {t('filters.range')}
          </label>
          <select
            id="filter-range"
            name="range"
            defaultValue={String(filters.range)}
            aria-invalid={rangeError ? true : undefined}
            aria-describedby={rangeError ? 'filter-range-error' : undefined}
            className="rounded border border-slate-300 bg-white px-2 py-1 text-sm"
          >
            {RANGES.map((r) => (
              <option key={r} value={r}>
                {t('filters.rangeOption', { weeks: r })}
              </option>
            ))}
          </select>
        </div>
      )}
      <button
        type="submit"
        className="rounded bg-sky-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-sky-900"
      >
        {t('filters.apply')}
      </button>
      {!filters.isDefaultWeek && (
        <Link href={action} className="pb-1.5 text-sm text-sky-800 underline">
          {t('filters.latest')}
        </Link>
      )}
      <div aria-live="polite" className="basis-full text-sm text-red-800 empty:hidden">
        {weekError && (
          <p id="filter-week-error">
            {t(weekError === 'future' ? 'filters.futureWeek' : 'filters.invalidWeek', {
              input: filters.input.week,
              fallback: week,
            })}
          </p>
        )}
        {rangeError && (
          <p id="filter-range-error">
            {t('filters.invalidRange', { input: filters.input.range, fallback: filters.range })}
          </p>
        )}
      </div>
    </form>
  );
}
