import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from '@/i18n/server';
import { addWeeks, compareWeeks, formatIsoWeek, lastCompleteWeek, parseIsoWeek } from '@/lib/epi-week';
import { requireUser } from '@/server/auth/current-user';
import { now } from '@/server/env';
import { getEntryWeek } from '@/server/reports/queries';
import { EntryWorkspace } from './entry-workspace';
import { WeekNav } from './week-nav';

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ week?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('entry');
  return { title: t('title') };
}

export default async function EntryPage({ params, searchParams }: Props) {
  const { code } = await params;
  const user = await requireUser(`/provinces/${code}/entry`);
  const t = await getTranslations('entry');
  const requested = (await searchParams).week;
  const parsed = requested ? parseIsoWeek(requested) : null;
  const week = parsed ?? lastCompleteWeek(now());
  const result = await getEntryWeek(user, code, week);
  if (result.status === 'not-found') notFound();
  if (result.status === 'forbidden')
    return (
      <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900">
        {t('noAccess')}
      </p>
    );
  const view = result.data;
  const weekText = formatIsoWeek(week);
  const base = `/provinces/${code}`;
  const future = compareWeeks(week, view.currentWeek) > 0;
  const from = formatIsoWeek(addWeeks(week, -11));

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t('heading', { province: view.province.name })}</h1>
          <p className="text-sm text-slate-600">{t('planLine', { plan: view.plan.name })}</p>
        </div>
        <nav aria-label={t('links.label')} className="flex flex-wrap gap-2 text-sm">
          <Link
            href={`${base}/completeness?week=${weekText}`}
            className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
          >
            {t('links.completeness')}
          </Link>
          {view.canImport && (
            <Link
              href={`${base}/import`}
              className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
            >
              {t('links.import')}
            </Link>
          )}
          <a
            href={`/api/v1/reports/export?province=${code}&from=${from}&to=${weekText}&format=xlsx`}
            className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
          >
            {t('links.exportXlsx')}
          </a>
          <a
            href={`/api/v1/reports/export?province=${code}&from=${from}&to=${weekText}&format=csv`}
            className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
          >
            {t('links.exportCsv')}
          </a>
        </nav>
      </div>
      <WeekNav basePath={`${base}/entry`} week={week} latest={view.currentWeek} />
      {requested && !parsed && (
        <p role="alert" className="text-sm text-red-800">
          {t('week.invalid', { value: requested })}
        </p>
      )}
      {view.units.length === 0 ? (
        <p role="status" className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">
          {t('grid.noUnits', { week: weekText })}
        </p>
      ) : !view.canWrite ? (
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
          {t('readOnly')}{' '}
          <Link href={base} className="underline">
            {t('links.province')}
          </Link>
        </p>
      ) : future ? (
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
          {t('errors.futureWeek')}
        </p>
      ) : (
        <>
          <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-700">
            <summary className="cursor-pointer font-medium">{t('help.title')}</summary>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              <li>{t('help.keyboard')}</li>
              <li>{t('help.paste')}</li>
              <li>{t('help.empty')}</li>
              <li>{t('severity.help')}</li>
              <li>{t('help.decimal')}</li>
              <li>{t('help.exportRange', { from, to: weekText })}</li>
            </ul>
          </details>
          <EntryWorkspace
            key={weekText}
            provinceCode={code}
            week={weekText}
            plan={view.plan}
            population={view.province.population}
            units={view.units}
            system={view.system}
          />
        </>
      )}
      {view.formerUnits.length > 0 && (
        <section aria-labelledby="former-units" className="space-y-3" data-testid="former-units">
          <h2 id="former-units" className="text-lg font-semibold">
            {t('grid.formerTitle')}
          </h2>
          <p className="text-sm text-slate-600">{t('grid.formerHelp', { week: weekText })}</p>
          {view.canEditFormer && !future ? (
            <EntryWorkspace
              key={`former-${weekText}`}
              provinceCode={code}
              week={weekText}
              plan={view.plan}
              population={view.province.population}
              units={view.formerUnits}
              system={view.system}
              former
            />
          ) : (
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
              {view.formerUnits.map((u) => (
                <li key={u.code} className="flex flex-wrap items-center gap-x-3 px-3 py-2">
                  <span className="font-medium">{u.name}</span>
                  <span className="text-xs text-slate-500">{u.gsoCode}</span>
                  <span className="rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-900">
                    {t('grid.formerUnit')}
                  </span>
                  <Link
                    href={`${base}/entry/history/${encodeURIComponent(u.code)}?week=${weekText}`}
                    className="text-xs text-sky-800 underline"
                  >
                    {t('grid.history')}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
