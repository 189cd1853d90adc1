import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
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
import { endedNotice, handleForWeek, queryOf, unitByHandle } from '@/server/units/handles';
import { today } from '@/server/units/list';
import { EndedBanner } from '../../ended-banner';

type Props = {
  params: Promise<{ code: string; district: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code, district } = await params;
  return { title: `${district} · ${code}` };
}

/**
 * A unit's week (a district before 1 July 2025, a commune or a facility after): its cards and trends over its own
 * population, and its reports with their history.
 */
export default async function DistrictPage({ params, searchParams }: Props) {
  const { code, district } = await params;
  const user = await requireUser(`/provinces/${code}/districts/${district}`);
  const query = await searchParams;
  const filters = parseDashboardFilters(query, now());
  // the province's own row has no page of its own: its figures are the province page's
  if (district === code) redirect(`/provinces/${code}${queryOf(query)}`);
  // a plain GSO code names the unit holding it in the week shown (a commune code reused after 1 July 2025)
  const unit = await unitByHandle(district);
  const holder = unit && unit.provinceCode === code ? await handleForWeek(unit, filters.week) : null;
  if (holder) redirect(`/provinces/${holder.provinceCode}/districts/${holder.code}${queryOf(query)}`);
  const t = await getTranslations('dashboard');
  const page = pageData(await openDistrict(user, code, district), t('header.noAccessDistrict'));
  if ('denied' in page) return page.denied;
  const ctx = page.data;
  // the province's layout says so for an ended province; an ended commune, facility or district says it here
  const ended = unit && unit.kind !== 'province' ? await endedNotice(unit, today()) : null;
  const { week, range } = filters;
  const population = districtPopulation(ctx, week);
  const f = await getNumberFormats();
  return (
    <>
      {ended && <EndedBanner notice={ended} />}
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
