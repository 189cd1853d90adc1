import type { Metadata } from 'next';
import { Suspense } from 'react';
import { FiltersForm } from '@/components/dashboard/filters-form';
import { NationalCounts, NationalTable } from '@/components/dashboard/national-widgets';
import { WidgetSkeleton } from '@/components/dashboard/widget-skeleton';
import { getTranslations } from '@/i18n/server';
import { formatIsoWeek } from '@/lib/epi-week';
import { requireUser } from '@/server/auth/current-user';
import { now } from '@/server/env';
import { parseDashboardFilters } from '@/server/dashboard/filters';
import { canSeeNational } from '@/lib/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pageTitles'))('national') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Every province's level this week, most severe first: where the country's attention should go. */
export default async function NationalPage({ searchParams }: Props) {
  const user = await requireUser('/national');
  const t = await getTranslations('dashboard');
  if (!canSeeNational(user)) {
    return (
      <p className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900" role="alert">
        {t('national.noAccess')}
      </p>
    );
  }
  const filters = parseDashboardFilters(await searchParams, now());
  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t('national.title', { week: formatIsoWeek(filters.week) })}</h1>
          <p className="text-sm text-slate-600">{t('national.subtitle')}</p>
        </div>
        <FiltersForm action="/national" filters={filters} withRange={false} />
      </div>
      <Suspense fallback={<WidgetSkeleton height={96} />}>
        <NationalCounts user={user} week={filters.week} />
      </Suspense>
      <Suspense fallback={<WidgetSkeleton height={600} />}>
        <NationalTable user={user} week={filters.week} />
      </Suspense>
    </>
  );
}
