import Link from 'next/link';
import { getNumberFormats, getTranslations } from '@/i18n/server';
import { addWeeks, compareWeeks, formatIsoWeek, weekMonday, type IsoWeek } from '@/lib/epi-week';

/** The week in the URL (?week=YYYY-Www): previous and next links, and a week picker that works without script. */
export async function WeekNav({ basePath, week, latest }: { basePath: string; week: IsoWeek; latest: IsoWeek }) {
  const t = await getTranslations('entry');
  const f = await getNumberFormats();
  const prev = addWeeks(week, -1);
  const next = addWeeks(week, 1);
  const monday = new Date(`${weekMonday(week)}T00:00:00Z`);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  const date = new Intl.DateTimeFormat(f.locale === 'vi' ? 'vi-VN' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return (
    <div className="flex flex-wrap items-end gap-3">
      <Link
        href={`${basePath}?week=${formatIsoWeek(prev)}`}
        className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
      >
        <span aria-hidden="true">← </span>
        {t('week.previous', { week: formatIsoWeek(prev) })}
      </Link>
      <form method="get" action={basePath} className="flex items-end gap-2">
        <label className="text-sm">
          <span className="block text-xs text-slate-600">{t('week.label')}</span>
          <input
            type="week"
            name="week"
            defaultValue={formatIsoWeek(week)}
            max={formatIsoWeek(latest)}
            required
            className="rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <button
          type="submit"
          className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
        >
          {t('week.go')}
        </button>
      </form>
      {compareWeeks(next, latest) <= 0 && (
        <Link
          href={`${basePath}?week=${formatIsoWeek(next)}`}
          className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
        >
          {t('week.next', { week: formatIsoWeek(next) })}
          <span aria-hidden="true"> →</span>
        </Link>
      )}
      <p className="text-sm text-slate-600">
        {t('week.dates', { week: formatIsoWeek(week), from: date.format(monday), to: date.format(sunday) })}
      </p>
    </div>
  );
}
