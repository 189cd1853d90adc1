import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatDateTime } from '@/i18n/format';
import { getNumberFormats, getTranslations } from '@/i18n/server';
import { currentWeek, formatIsoWeek, lastCompleteWeek, parseIsoWeek } from '@/lib/epi-week';
import { can } from '@/lib/permissions';
import { requireUser } from '@/server/auth/current-user';
import { now } from '@/server/env';
import { getCompleteness, type UnitStatus } from '@/server/reports/completeness';
import { WeekNav } from '../entry/week-nav';

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ week?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('entry');
  return { title: t('completeness.title') };
}

const STATUS_STYLE: Record<UnitStatus, { symbol: string; className: string }> = {
  onTime: { symbol: '✓', className: 'border-emerald-300 bg-emerald-50 text-emerald-900' },
  late: { symbol: '◔', className: 'border-amber-300 bg-amber-50 text-amber-900' },
  missing: { symbol: '○', className: 'border-red-300 bg-red-50 text-red-900' },
};

/** For a week: which units of the province reported, on time or late, and which are missing. */
export default async function CompletenessPage({ params, searchParams }: Props) {
  const { code } = await params;
  const user = await requireUser(`/provinces/${code}/completeness`);
  const t = await getTranslations('entry');
  const f = await getNumberFormats();
  const week = parseIsoWeek((await searchParams).week ?? '') ?? lastCompleteWeek(now());
  const result = await getCompleteness(user, code, week);
  if (result.status === 'not-found') notFound();
  if (result.status === 'forbidden')
    return (
      <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900">
        {t('noAccess')}
      </p>
    );
  const view = result.data;
  const weekText = formatIsoWeek(week);
  const c = view.counts;

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <h1 className="text-2xl font-bold">{t('completeness.heading', { province: view.province.name })}</h1>
        {can(user, 'reports.write', { provinceCode: code }) && (
          <Link
            href={`/provinces/${code}/entry?week=${weekText}`}
            className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
          >
            {t('links.entry')}
          </Link>
        )}
      </div>
      <WeekNav basePath={`/provinces/${code}/completeness`} week={week} latest={currentWeek(now())} />
      <section aria-labelledby="summary" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="summary" className="sr-only">
          {t('completeness.summaryTitle')}
        </h2>
        <p className="text-lg font-semibold" data-testid="completeness-summary">
          {t('completeness.summary', { reported: c.reported, expected: c.expected, percent: f.percent(c.ratio) })}
        </p>
        <div className="mt-2 h-3 w-full max-w-md overflow-hidden rounded bg-slate-200" aria-hidden="true">
          <div className="h-full bg-sky-700" style={{ width: `${Math.round(c.ratio * 100)}%` }} />
        </div>
        <p className="mt-2 text-sm text-slate-700">
          {t('completeness.breakdown', { onTime: c.onTime, late: c.late, missing: c.missing })}
        </p>
        <p className="mt-1 text-xs text-slate-500">
          {t('completeness.due', { due: formatDateTime(f.locale, view.dueAt) })}
        </p>
      </section>
      {view.units.length === 0 && (
        <p role="status" className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">
          {t('grid.noUnits', { week: weekText })}
        </p>
      )}
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t('completeness.caption', { week: weekText })}</caption>
          <thead className="bg-slate-100 text-left text-xs font-semibold text-slate-700">
            <tr>
              <th scope="col" className="sticky left-0 bg-slate-100 px-3 py-2">
                {t('grid.unit')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('completeness.status')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('completeness.reportedAt')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('completeness.by')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {view.units.map((u) => {
              const style = STATUS_STYLE[u.status];
              return (
                <tr key={u.code} data-status={u.status}>
                  <th scope="row" className="sticky left-0 bg-white px-3 py-2 text-left font-medium">
                    {u.kind === 'province' ? t('grid.ownRow') : u.name}{' '}
                    <span className="text-xs font-normal text-slate-500">
                      {u.gsoCode}
                      {u.kind === 'facility' && ` · ${t('grid.facility')}`}
                    </span>
                  </th>
                  <td className="px-3 py-2">
                    <span
                      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold ${style.className}`}
                    >
                      <span aria-hidden="true">{style.symbol}</span>
                      {t(`completeness.statuses.${u.status}`)}
                    </span>
                  </td>
                  <td className="px-3 py-2 tabular-nums">
                    {u.reportedAt ? formatDateTime(f.locale, u.reportedAt) : '—'}
                  </td>
                  <td className="px-3 py-2">{u.updatedBy ?? '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
