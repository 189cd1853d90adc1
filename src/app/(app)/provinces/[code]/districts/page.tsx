import type { Metadata } from 'next';
import { Suspense } from 'react';
import { FiltersForm } from '@/components/dashboard/filters-form';
import { pageData } from '@/components/dashboard/page-access';
import { UnitsWidget } from '@/components/dashboard/province-widgets';
import { WidgetSkeleton } from '@/components/dashboard/widget-skeleton';
import { getTranslations } from '@/i18n/server';
import { formatIsoWeek } from '@/lib/epi-week';
import { requireUser } from '@/server/auth/current-user';
import { now } from '@/server/env';
import { openProvince } from '@/server/dashboard/province';
import { expectedIn } from '@/server/verdicts/facts';
import { filtersQuery, parseDashboardFilters } from '@/server/dashboard/filters';

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTranslations('pageTitles'))('districts', { code: (await params).code }) };
}

/** Every reporting unit of the province with its figures for the week, each linking to its own page. */
export default async function DistrictsPage({ params, searchParams }: Props) {
  const { code } = await params;
  const user = await requireUser(`/provinces/${code}/districts`);
  const t = await getTranslations('dashboard');
  const page = pageData(await openProvince(user, code), t('header.noAccess'));
  if ('denied' in page) return page.denied;
  const ctx = page.data;
  const filters = parseDashboardFilters(await searchParams, now());
  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm">
            <a
              href={`/provinces/${code}${filters.isDefaultWeek ? '' : filtersQuery({ week: filters.week })}`}
              className="text-sky-800 hover:underline"
            >
              {t('header.backToProvince', { name: ctx.meta.name })}
            </a>
          </p>
          <h1 className="text-2xl font-bold">
            {t('units.pageTitle', { name: ctx.meta.name, week: formatIsoWeek(filters.week) })}
          </h1>
        </div>
        <FiltersForm action={`/provinces/${code}/districts`} filters={filters} withRange={false} />
      </div>
      <Suspense fallback={<WidgetSkeleton height={40 + 37 * expectedIn(ctx.meta.reporters, filters.week).units} />}>
        <UnitsWidget ctx={ctx} week={filters.week} />
      </Suspense>
    </>
  );
}
