import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import {
  DistrictReportsWidget,
  DistrictTrendsWidget,
  DistrictVerdictWidget,
} from '@/components/dashboard/district-widgets';
import { FiltersForm } from '@/components/dashboard/filters-form';
import { getNumberFormats } from '@/i18n/server';
import { pageData } from '@/components/dashboard/page-access';
import { WidgetSkeleton } from '@/components/dashboard/widget-skeleton';
import { getTranslations } from '@/i18n/server';
import { requireUser } from '@/server/auth/current-user';
import { now } from '@/server/env';
import { districtPopulation, openDistrict } from '@/server/dashboard/district';
import { filtersQuery, parseDashboardFilters } from '@/server/dashboard/filters';

type Props = {
  params: Promise<{ code: string; district: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code, district } = await params;
  return { title: `${district} · ${code}` };
}

/** A district's week: its cards and trends over its own population, and its reports with their history. */
export default async function DistrictPage({ params, searchParams }: Props) {
  const { code, district } = await params;
  const user = await requireUser(`/provinces/${code}/districts/${district}`);
  const t = await getTranslations('dashboard');
  const page = pageData(await openDistrict(user, code, district), t('header.noAccessDistrict'));
  if ('denied' in page) return page.denied;
  const ctx = page.data;
  const filters = parseDashboardFilters(await searchParams, now());
  const { week, range } = filters;
  const population = districtPopulation(ctx, week);
  const f = await getNumberFormats();
  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm">
            <Link
              href={`/provinces/${code}${filters.isDefaultWeek ? '' : filtersQuery({ week, range })}`}
              className="text-sky-800 hover:underline"
            >
              {t('header.backToProvince', { name: ctx.meta.name })}
            </Link>
          </p>
          <h1 className="text-2xl font-bold">{ctx.branch.name}</h1>
          <p className="text-sm text-slate-600">
            {population
              ? `${t('header.population', { year: population.year, population: f.integer(population.population) })} ${population.approximate ? t('header.approximate') : ''}`
              : t('header.noPopulation')}
          </p>
        </div>
        <FiltersForm action={`/provinces/${code}/districts/${district}`} filters={filters} />
      </div>
      <Suspense fallback={<WidgetSkeleton height={300} />}>
        <DistrictVerdictWidget ctx={ctx} week={week} />
      </Suspense>
      <Suspense fallback={<WidgetSkeleton height={520} />}>
        <DistrictTrendsWidget ctx={ctx} week={week} range={range} />
      </Suspense>
      <Suspense fallback={<WidgetSkeleton height={480} />}>
        <DistrictReportsWidget ctx={ctx} week={week} />
      </Suspense>
    </>
  );
}
